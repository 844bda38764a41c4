/// Maps `Event` and `Event:Tool` keys to the policies that must be evaluated, built once.
///
/// A policy matches each of its `required_events` with: every tool when `required_tools` is
/// empty or contains `"*"` (also events that carry no tool, and tools no other policy names);
/// otherwise only the listed tools.
public struct RoutingIndex: Sendable {
    /// Policies for `Event:Tool`: the tool-specific ones plus the event's every-tool ones, by path.
    private let byEventAndTool: [String: [PolicyInfo]]
    /// Policies matching every tool of an event, by path.
    private let byEvent: [String: [PolicyInfo]]

    /// Builds the index; policies without routing are ignored, repeated paths count once.
    public init(policies: [PolicyInfo]) {
        var seen: Set<String> = []
        let ordered = policies.sorted { $0.path < $1.path }.filter { seen.insert($0.path).inserted }
        var everyTool: [String: [Int]] = [:]
        var specific: [String: [String: [Int]]] = [:]
        for (position, policy) in ordered.enumerated() {
            guard let routing = policy.routing else { continue }
            let wildcard = routing.requiredTools.isEmpty || routing.requiredTools.contains("*")
            for event in Set(routing.requiredEvents) {
                if wildcard {
                    everyTool[event, default: []].append(position)
                } else {
                    for tool in Set(routing.requiredTools) {
                        specific[event, default: [:]][tool, default: []].append(position)
                    }
                }
            }
        }
        byEvent = everyTool.mapValues { $0.map { ordered[$0] } }
        var combined: [String: [PolicyInfo]] = [:]
        for (event, tools) in specific {
            let common = everyTool[event] ?? []
            for (tool, positions) in tools {
                // Positions are path order, so a sorted merge keeps the match order deterministic.
                combined[event + ":" + tool] = Array(Set(common + positions)).sorted().map { ordered[$0] }
            }
        }
        byEventAndTool = combined
    }

    /// The policies to evaluate for an event (and its tool, if any), sorted by path.
    public func match(event: String, tool: String?) -> [PolicyInfo] {
        if let tool, let policies = byEventAndTool[event + ":" + tool] {
            return policies
        }
        return byEvent[event] ?? []
    }

    /// Every routing key, sorted: "PreToolUse" for events with every-tool policies and
    /// "PreToolUse:Bash" for tool-specific ones (for `cupcake verify`).
    public var keys: [String] {
        (Array(byEvent.keys) + Array(byEventAndTool.keys)).sorted()
    }

    /// The union of the policies' `required_signals`, sorted.
    public func requiredSignals(for policies: [PolicyInfo]) -> [String] {
        var names: Set<String> = []
        for policy in policies {
            names.formUnion(policy.routing?.requiredSignals ?? [])
        }
        return names.sorted()
    }
}
