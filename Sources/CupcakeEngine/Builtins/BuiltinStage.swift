import CupcakeTrace

/// The rulebook builtins of one layer inside a `builtins` span (eval category), with one
/// `builtin` span per builtin (builtins category) saying what it decided.
enum BuiltinStage {
    static func evaluate(_ builtins: [any RulebookBuiltin], event: EventView, signals: [String: JSONValue],
                         environment: BuiltinEnvironment, tracer: Tracer) -> DecisionSet {
        guard !builtins.isEmpty else { return .empty }
        return tracer.withSpan("builtins", category: .stage(.builtins), fields: ["builtin_count": .int(builtins.count)]) { span in
            var combined = DecisionSet()
            for builtin in builtins {
                let set = tracer.withSpan("builtin", category: .builtins, fields: ["builtin": .string(builtin.name)]) { inner in
                    let set = builtin.evaluate(event, signals: signals, environment: environment)
                    inner.record("decision_count", .int(set.count))
                    inner.record("decision", .string(set.strongestVerb))
                    return set
                }
                combined.append(set)
            }
            span.record("decision_count", .int(combined.count))
            return combined
        }
    }
}

extension DecisionSet {
    /// Adds every list of `other` after this set's own.
    mutating func append(_ other: DecisionSet) {
        if other.isEmpty { return }
        halts += other.halts
        denials += other.denials
        blocks += other.blocks
        asks += other.asks
        modifications += other.modifications
        allowOverrides += other.allowOverrides
        addContext += other.addContext
    }

    /// The verb of the highest non-empty tier ("add_context" when only context, else "allow").
    var strongestVerb: String {
        if !halts.isEmpty { return "halt" }
        if !denials.isEmpty { return "deny" }
        if !blocks.isEmpty { return "block" }
        if !asks.isEmpty { return "ask" }
        if !modifications.isEmpty { return "modify" }
        return addContext.isEmpty ? "allow" : "add_context"
    }
}
