import CupcakeTrace

/// Routing inside the `route` span: which policies and rulebook builtins of a layer care about
/// this event.
enum RoutingStage {
    static func route(_ view: EventView, in layer: PolicyLayer, tracer: Tracer) -> (policies: [PolicyInfo], builtins: [any RulebookBuiltin]) {
        let event = view.event
        return tracer.withSpan(
            "route", category: .stage(.routing),
            fields: ["routing_key": .string(event.toolName.map { "\(event.eventName):\($0)" } ?? event.eventName), "layer": .string(layer.name)]
        ) { span in
            let matched = layer.routing.match(event: event.eventName, tool: event.toolName)
            let builtins = layer.rulebook.builtins.enabled.filter { $0.applies(to: view) }
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
