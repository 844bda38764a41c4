import CupcakeTrace

/// How one hook call ended (see `Engine.evaluateOnce`).
package enum HookCallOutcome: Sendable {
    /// The policies could not be loaded.
    case loadFailed(EngineError)
    /// They loaded, but this event could not be evaluated; `failMode` is the project's.
    case evaluationFailed(EngineError, failMode: FailMode)
    /// The answer (already given to `respond`), with the actions that ran.
    case answered(EvaluationResult)
}

extension Engine {
    /// One hook call in one trace: loads the policies and evaluates `eventJSON`, both inside the
    /// root `evaluate` span (`load_policies` is its first child), so every line a hook process
    /// writes shares one trace id. For a process that answers one event and exits, as `cupcake
    /// eval` does; a long-lived process creates an `Engine` once (loading is then its own trace)
    /// and calls `evaluate` for each event.
    package static func evaluateOnce(
        configuration: EngineConfiguration, tracer: Tracer, eventJSON: [UInt8],
        respond: @Sendable (EvaluationResult) -> Void = { _ in }
    ) async -> HookCallOutcome {
        await evaluateOnce(configuration: configuration, tracer: tracer, eventJSON: eventJSON, keepingEngine: false, respond: respond)
    }

    /// `evaluateOnce`, and with `keepingEngine` the engine is never torn down: for a process
    /// that exits right after, unmapping the module and the store's memory (~0.1 ms) is work
    /// nobody waits for.
    package static func evaluateOnce(
        configuration: EngineConfiguration, tracer: Tracer, eventJSON: [UInt8], keepingEngine: Bool,
        respond: @Sendable (EvaluationResult) -> Void = { _ in }
    ) async -> HookCallOutcome {
        await tracer.withEvaluationSpan(harness: configuration.harness) { root in
            let engine: Engine
            do throws(EngineError) {
                engine = try Engine(configuration: configuration, tracer: tracer)
            } catch {
                root.recordError(error)
                root.record("final_decision", "error")
                return .loadFailed(error)
            }
            if keepingEngine { _ = Unmanaged.passRetained(engine) }
            do throws(EngineError) {
                var result = try await engine.decide(eventJSON: eventJSON, root: root)
                respond(result)  // the answer first: actions may take seconds
                result.actions = await engine.runActions(for: result)
                return .answered(result)
            } catch {
                root.recordError(error)
                return .evaluationFailed(error, failMode: engine.failMode)
            }
        }
    }
}
