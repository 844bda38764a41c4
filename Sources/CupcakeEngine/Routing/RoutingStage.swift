import CupcakeTrace

/// Routing inside the `route` span: which policies and rulebook builtins of a layer care about
/// this event.
enum RoutingStage {
    static func route(_ event: HookEvent, in layer: PolicyLayer, tracer: Tracer) -> (policies: [PolicyInfo], builtins: [any RulebookBuiltin]) {
        let key = event.toolName.map { "\(event.eventName):\($0)" } ?? event.eventName
        return tracer.withSpan(
            "route", category: .stage(.routing), fields: ["routing_key": .string(key), "layer": .string(layer.name)]
        ) { span in
            let matched = layer.routing.match(event: event.eventName, tool: event.toolName)
            let builtins = layer.rulebook.builtins.enabled.filter { $0.applies(to: event) }
            span.record("matched_policy_count", .int(matched.count + builtins.count))
            span.record("policies", .strings(matched.map { $0.packageName }))
            span.record("builtins", .strings(builtins.map(\.name)))
            if tracer.isEnabled(.routing) {
                // By index: each span reads three fields instead of copying the whole PolicyInfo.
                for index in matched.indices {
                    tracer.withSpan(
                        "route_policy", category: .routing,
                        fields: ["policy": .string(matched[index].packageName), "path": .string(matched[index].path),
                                 "policy_id": .string(matched[index].id)]
                    ) { _ in }
                }
            }
            return (matched, builtins)
        }
    }
}
