import CupcakeTrace

/// Signal gathering inside `gather_signals`, one `signal` span per signal, run concurrently
/// (bounded) in child tasks so each span gets the right parent.
enum SignalStage {
    static func gather(
        _ names: [String], rulebook: Rulebook, eventJSON: [UInt8], concurrency: Int, tracer: Tracer
    ) async -> [String: JSONValue] {
        let definitions = names.compactMap { rulebook.signals[$0] }
        let missing = names.filter { rulebook.signals[$0] == nil }
        if names.isEmpty {
            // Nothing to run: the span still marks the stage, without an async task-local push.
            return tracer.withSpan("gather_signals", category: .stage(.signals), fields: ["signal_count": 0]) { _ in [:] }
        }
        return await tracer.withSpan("gather_signals", category: .stage(.signals), fields: ["signal_count": .int(definitions.count)]) { span in
            var values: [String: JSONValue] = [:]
            for name in missing {
                // A policy asked for a signal nobody defined: policies see why, not a silent gap.
                values[name] = .object(["success": false, "error": .string("signal \(name) is not defined in rulebook.yml or signals/")])
                span.event("signal not defined", level: .warn, fields: ["signal_name": .string(name)])
            }
            guard !definitions.isEmpty else { return values }  // no task group for nothing to run
            let runner = SignalRunner(maxConcurrency: 1)
            let results = await withTaskGroup(of: SignalResult?.self) { group in
                var collected: [SignalResult] = []
                var next = 0
                func addTask() {
                    let definition = definitions[next]
                    next += 1
                    group.addTask {
                        await tracer.withSpan("signal", category: .signals, fields: ["signal_name": .string(definition.name)]) { span in
                            var environment: [String: String] = ["CUPCAKE_SIGNAL_NAME": definition.name]
                            if let traceparent = span.traceparent ?? Tracer.currentSpan.traceparent { environment["TRACEPARENT"] = traceparent }
                            let result = await runner.gather([definition], eventJSON: eventJSON, environment: environment).first
                            if let result {
                                span.record("exit_code", result.exitCode.map { .int($0) } ?? .null)
                                span.record("execution_time_ms", .double(Double(result.durationNanoseconds) / 1_000_000))
                                span.record("timed_out", .bool(result.timedOut))
                                if result.timedOut {
                                    span.event("signal timed out", level: .warn, fields: ["timeout_seconds": .double(definition.timeoutSeconds)])
                                }
                                if tracer.isEnabled(.payload) { span.recordPayload("output", result.value.jsonString) }
                            }
                            return result
                        }
                    }
                }
                while next < min(concurrency, definitions.count) { addTask() }
                while let finished = await group.next() {
                    if let finished { collected.append(finished) }
                    if next < definitions.count { addTask() }
                }
                return collected
            }
            for result in results { values[result.name] = result.value }
            return values
        }
    }
}
