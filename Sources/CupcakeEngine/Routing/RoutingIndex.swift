/// Maps `Event` and `Event:Tool` keys to the policies that must be evaluated, built once.
///
/// A policy matches each of its `required_events` with: every tool when `required_tools` is
/// empty or contains `"*"` (also events that carry no tool, and tools no other policy names);
/// otherwise only the listed tools.
package struct RoutingIndex: Sendable {
    /// The policies with routing, by path, each path once.
    private let ordered: [PolicyInfo]
    /// Whether `ordered[i]` matches every tool of its events.
    private let everyTool: [Bool]

    /// Builds the index; policies without routing are ignored, repeated paths count once.
    ///
    /// A hook process matches one event, so nothing is tabulated per key: matching is one pass
    /// over the policies (microseconds for hundreds), where building a table of every key cost
    /// more than the match it served.
    package init(policies: [PolicyInfo]) {
        var seen: Set<String> = []
        seen.reserveCapacity(policies.count)
        ordered = policies.filter { $0.routing != nil }.sorted { $0.path < $1.path }.filter { seen.insert($0.path).inserted }
        everyTool = ordered.map { policy in
            let tools = policy.routing?.requiredTools ?? []
            return tools.isEmpty || tools.contains("*")
        }
    }

    /// The policies to evaluate for an event (and its tool, if any), sorted by path: those that
    /// require the event and match every tool, and those that name the tool.
    package func match(event: String, tool: String?) -> [PolicyInfo] {
        var matched: [PolicyInfo] = []
        for (index, policy) in ordered.enumerated() {
            guard let routing = policy.routing, routing.requiredEvents.contains(event) else { continue }
            if everyTool[index] || (tool.map { routing.requiredTools.contains($0) } ?? false) {
                matched.append(policy)
            }
        }
        return matched
    }

    /// Every routing key, sorted: "PreToolUse" for events with every-tool policies and
    /// "PreToolUse:Bash" for tool-specific ones (for `cupcake verify`).
    package var keys: [String] {
        var keys: Set<String> = []
        for (index, policy) in ordered.enumerated() {
            guard let routing = policy.routing else { continue }
            for event in routing.requiredEvents {
                if everyTool[index] {
                    keys.insert(event)
                } else {
                    for tool in routing.requiredTools { keys.insert(event + ":" + tool) }
                }
            }
        }
        return keys.sorted()
    }

    /// The union of the policies' `required_signals`, sorted.
    package func requiredSignals(for policies: [PolicyInfo]) -> [String] {
        var names: Set<String> = []
        for policy in policies {
            names.formUnion(policy.routing?.requiredSignals ?? [])
        }
        return names.sorted()
    }
}
