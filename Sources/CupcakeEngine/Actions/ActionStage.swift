import CupcakeTrace

/// Which actions a decision triggers, started inside `execute_actions`: on Deny the rulebook's
/// `on_any_denial` actions plus the `by_rule_id` actions of each denial; on Halt and Block the
/// `by_rule_id` actions. They keep running after this returns; the caller waits for them after
/// answering the harness.
enum ActionStage {
    static func actions(for decision: FinalDecision, rulebook: Rulebook) -> [(ruleID: String?, action: ActionDefinition)] {
        var chosen: [(ruleID: String?, action: ActionDefinition)] = []
        switch decision {
        case .deny(let verdict):
            chosen += rulebook.onAnyDenial.map { (nil, $0) }
            for rule in verdict.ruleIDs { chosen += (rulebook.actionsByRuleID[rule] ?? []).map { (rule, $0) } }
        case .halt(let verdict), .block(let verdict):
            for rule in verdict.ruleIDs { chosen += (rulebook.actionsByRuleID[rule] ?? []).map { (rule, $0) } }
        case .ask, .modify, .allow:
            break
        }
        return chosen
    }

    /// Runs the decision's actions concurrently, each inside an `action` span, and returns when
    /// all have finished or hit their own timeout. Outside any span (the evaluation's root has
    /// ended), the stage's span continues `trace`.
    static func run(
        _ decision: FinalDecision, rulebook: Rulebook, runner: ActionRunner, tracer: Tracer, continuing trace: TraceParent?
    ) async -> [ActionResult] {
        let chosen = actions(for: decision, rulebook: rulebook)
        if chosen.isEmpty, trace == nil {
            // Nothing to run: the span still marks the stage, without an async task-local push.
            return tracer.withSpan("execute_actions", category: .stage(.actions), fields: ["action_count": 0]) { _ in [] }
        }
        return await tracer.withSpan(
            "execute_actions", category: .stage(.actions), continuing: trace, fields: ["action_count": .int(chosen.count)]
        ) { _ in
            guard !chosen.isEmpty else { return [] }
            let decisionJSON = DecisionJSON.encode(decision)
            return await withTaskGroup(of: [ActionResult].self) { group in
                for (ruleID, action) in chosen {
                    group.addTask {
                        await tracer.withSpan(
                            "action", category: .actions,
                            fields: ["rule_id": .string(ruleID ?? "*"),
                                     "action_type": .string(ruleID == nil ? "on_any_denial" : "by_rule_id")]
                        ) { span in
                            var environment: [String: String] = [:]
                            if let traceparent = span.traceparent ?? Tracer.currentSpan.traceparent {
                                environment["TRACEPARENT"] = traceparent
                            }
                            let results = await runner.start([(ruleID, action)], decisionJSON: decisionJSON, environment: environment).wait()
                            if let result = results.first {
                                span.record("execution_time_ms", .double(Double(result.durationNanoseconds) / 1_000_000))
                                span.record("exit_code", result.exitCode.map { .int($0) } ?? .null)
                                span.record("timed_out", .bool(result.timedOut))
                            }
                            return results
                        }
                    }
                }
                var all: [ActionResult] = []
                for await results in group { all += results }
                return all
            }
        }
    }
}

/// The decision as actions receive it on stdin.
enum DecisionJSON {
    static func encode(_ decision: FinalDecision) -> [UInt8] {
        var object: [String: JSONValue] = ["decision": .string(decision.name)]
        if let verdict = decision.verdict {
            object["reason"] = .string(verdict.reason)
            object["rule_ids"] = .array(verdict.ruleIDs.map { .string($0) })
        }
        return JSONValue.object(object).serialized()
    }
}
