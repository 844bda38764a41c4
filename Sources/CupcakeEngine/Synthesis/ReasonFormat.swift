/// How the reasons of several decisions in one tier become one message, as upstream Cupcake
/// writes it (so an agent, a user or a log reads the same text from either engine).
///
/// - One decision: its reason as the policy wrote it.
/// - Several: grouped by severity. If any is HIGH or CRITICAL, those alone count: one gives its
///   reason, more give `Multiple high-severity policy violations detected: [ID] reason; [ID] reason`.
///   Otherwise MEDIUM ones: one gives its reason, more `Multiple policy violations detected: …`.
///   Otherwise (LOW, INFO): one gives its reason, more `Policy guidelines: reason; reason`.
/// - Modifications: one gives its reason, more `Multiple modifications applied: [ID] reason; …`
///   in the order they were applied.
/// Decisions keep the order the policies produced them in; exact duplicates count once.
package enum ReasonFormat {
    /// `decisions` without exact duplicates, in their order.
    package static func order(_ decisions: [Decision]) -> [Decision] {
        var unique: [Decision] = []
        for decision in decisions where !unique.contains(decision) {
            unique.append(decision)
        }
        return unique
    }

    /// The message for a tier's decisions.
    package static func message(for decisions: [Decision]) -> String {
        if decisions.count == 1 { return decisions[0].reason }
        let high = decisions.filter { $0.severity >= .high }
        if !high.isEmpty {
            return high.count == 1 ? high[0].reason
                : "Multiple high-severity policy violations detected: " + tagged(high)
        }
        let medium = decisions.filter { $0.severity == .medium }
        if !medium.isEmpty {
            return medium.count == 1 ? medium[0].reason : "Multiple policy violations detected: " + tagged(medium)
        }
        guard decisions.count > 1 else { return decisions.first?.reason ?? "Policy evaluation completed" }
        return "Policy guidelines: " + decisions.map(\.reason).joined(separator: "; ")
    }

    /// The message for modifications, in the order they were applied.
    package static func modificationMessage(for decisions: [Decision]) -> String {
        decisions.count == 1 ? decisions[0].reason : "Multiple modifications applied: " + tagged(decisions)
    }

    private static func tagged(_ decisions: [Decision]) -> String {
        decisions.map { "[\($0.ruleID)] \($0.reason)" }.joined(separator: "; ")
    }
}
