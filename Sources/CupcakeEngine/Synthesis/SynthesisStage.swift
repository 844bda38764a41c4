import CupcakeTrace

/// Decision sets from the policy result, and the final decision, inside `synthesize`.
enum SynthesisStage {
    static func synthesize(_ sets: [DecisionSet], tracer: Tracer) -> FinalDecision {
        let total = sets.reduce(0) { $0 + $1.count }
        return tracer.withSpan("synthesize", category: .stage(.synthesis), fields: ["decision_count": .int(total)]) { span in
            let decision = Synthesizer.synthesize(sets)
            span.record("decision_type", .string(decision.name))
            span.record("priority", .int(decision.priority))
            if tracer.isEnabled(.synthesis) {
                for set in sets {
                    for (tier, decisions) in [("halt", set.halts), ("deny", set.denials), ("block", set.blocks),
                                              ("ask", set.asks), ("modify", set.modifications)] {
                        for item in decisions {
                            tracer.withSpan(
                                "synthesize_decision", category: .synthesis,
                                fields: ["tier": .string(tier), "rule_id": .string(item.ruleID),
                                         "severity": .string(item.severity.rawValue)]
                            ) { _ in }
                        }
                    }
                }
            }
            return decision
        }
    }
}
