import CupcakeTrace

/// Routing inside the `route` span: which policies of a layer care about this event.
enum RoutingStage {
    static func route(_ event: HookEvent, in layer: PolicyLayer, tracer: Tracer) -> [PolicyInfo] {
        let key = event.toolName.map { "\(event.eventName):\($0)" } ?? event.eventName
        return tracer.withSpan(
            "route", category: .stage(.routing), fields: ["routing_key": .string(key), "layer": .string(layer.name)]
        ) { span in
            let matched = layer.routing.match(event: event.eventName, tool: event.toolName)
            span.record("matched_policy_count", .int(matched.count))
            span.record("policies", .strings(matched.map(\.packageName)))
            if tracer.isEnabled(.routing) {
                for policy in matched {
                    tracer.withSpan(
                        "route_policy", category: .routing,
                        fields: ["policy": .string(policy.packageName), "path": .string(policy.path),
                                 "policy_id": .string(policy.id)]
                    ) { _ in }
                }
            }
            return matched
        }
    }
}
