/// How the reasons of several decisions in one tier become one message.
///
/// - One decision: its reason as the policy wrote it, e.g. `Dangerous command blocked: rm -rf /`.
/// - Several: one line per decision, `[RULE_ID] reason`, joined with "\n" (no trailing
///   newline), most severe first: CRITICAL, HIGH, MEDIUM, LOW, INFO; within one severity by
///   rule id, then by reason (byte order), so the message never depends on the order in
///   which policies or layers produced the decisions. Exact duplicates (same rule id, reason,
///   severity, priority, updated input and question) appear once.
public enum ReasonFormat {
    /// `decisions` ordered as described above, duplicates removed.
    public static func order(_ decisions: [Decision]) -> [Decision] {
        var unique: [Decision] = []
        for decision in decisions where !unique.contains(decision) {
            unique.append(decision)
        }
        // Stable sort, so decisions equal in every compared key keep their input order.
        return unique.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.severity != b.severity { return a.severity > b.severity }
            if a.ruleID != b.ruleID { return a.ruleID.utf8.lexicographicallyPrecedes(b.ruleID.utf8) }
            if a.reason != b.reason { return a.reason.utf8.lexicographicallyPrecedes(b.reason.utf8) }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The message for already ordered decisions (see `order`).
    public static func message(for ordered: [Decision]) -> String {
        if ordered.count == 1 { return ordered[0].reason }
        var lines: [String] = []
        lines.reserveCapacity(ordered.count)
        for decision in ordered {
            lines.append("[\(decision.ruleID)] \(decision.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
