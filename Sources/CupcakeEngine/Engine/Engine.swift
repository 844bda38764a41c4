import CupcakeTrace

/// Evaluates hook events: routing, signals, WebAssembly policies, synthesis, actions, the
/// harness's answer. Everything expensive (rulebook, routing index, compiled policy modules and
/// their instance pools) is loaded once at init and reused by every evaluation; evaluations may
/// run concurrently. Each runs inside one trace: the root `evaluate` span and a span per stage.
/// Its async methods run on the caller's executor (only signals and actions fan out to child
/// tasks): call them from a background task to keep the work off an actor such as the main one.
public final class Engine: Sendable {
    public let configuration: EngineConfiguration
    public let tracer: Tracer
    let project: PolicyLayer
    let global: PolicyLayer?
    let actionRunner: ActionRunner
    /// How events are preprocessed: the project's `preprocessing:` section, never weaker than
    /// the global one's (a project cannot switch off what the machine's policies rely on).
    let preprocessing: PreprocessingOptions

    /// Loads the project (and global) policy layers. Bundles are found or compiled, modules
    /// compiled or loaded from the cache.
    public init(configuration: EngineConfiguration, tracer: Tracer = .pipeline) throws(EngineError) {
        self.configuration = configuration
        self.tracer = tracer
        // Loading is its own trace (visible with the wasm category), so module load and
        // instantiation lines share a root instead of each starting a trace.
        (project, global) = try tracer.withSpan(
            "load_policies", category: .wasm,
            fields: ["policy_dir": .string(configuration.policyDirectory), "harness": .string(configuration.harness.rawValue)]
        ) { span throws(EngineError) in
            let project = try PolicyLayer(
                name: "project", directory: configuration.policyDirectory, configuration: configuration, tracer: tracer)
            let global = try configuration.globalDirectory.map { directory throws(EngineError) in
                try PolicyLayer(name: "global", directory: directory, configuration: configuration, tracer: tracer)
            }
            span.record("policy_count", .int(project.policies.count + (global?.policies.count ?? 0)))
            return (project, global)
        }
        actionRunner = ActionRunner()
        var options = project.rulebook.preprocessing
        if let global {
            options.scriptInspection = options.scriptInspection || global.rulebook.preprocessing.scriptInspection
            options.maxScriptBytes = max(options.maxScriptBytes, global.rulebook.preprocessing.maxScriptBytes)
        }
        options.home = HomeDirectory.current()
        preprocessing = options
        for warning in (global?.warnings ?? []) + project.warnings { tracer.log.warn(warning) }
    }

    /// The project layer's failure policy from rulebook.yml.
    public var failMode: FailMode { project.rulebook.failMode }

    /// Evaluates one event (the bytes the harness wrote on stdin) and runs the actions its
    /// decision calls for, in one trace: ``decide(eventJSON:)`` then ``runActions(for:)``. A hook
    /// that must answer before the actions run (they may take seconds) calls the two itself.
    public func evaluate(eventJSON: [UInt8]) async throws(EngineError) -> EvaluationResult {
        try await tracer.withEvaluationSpan(harness: configuration.harness) { root async throws(EngineError) in
            var result = try await decide(eventJSON: eventJSON, root: root)
            result.actions = await runActions(for: result)
            return result
        }
    }

    /// Decides one event: its answer, without running the decision's actions (`actions` is empty).
    public func decide(eventJSON: [UInt8]) async throws(EngineError) -> EvaluationResult {
        try await tracer.withEvaluationSpan(harness: configuration.harness) { root async throws(EngineError) in
            try await decide(eventJSON: eventJSON, root: root)
        }
    }

    /// Runs the actions `result`'s decision calls for (the rulebook's `on_any_denial` and per-rule
    /// actions), bounded by their timeouts; their span joins the evaluation's trace.
    public func runActions(for result: EvaluationResult) async -> [ActionResult] {
        // Inside the evaluation's root (evaluate, a hook call) the stage is simply its child.
        let continuing = Tracer.currentSpan.isRecording ? nil : result.trace
        return await ActionStage.run(
            result.decision, rulebook: result.deciding.rulebook, runner: actionRunner, tracer: tracer, continuing: continuing)
    }

    /// One decision inside the `evaluate` span `root`: its fields and, on failure, its error.
    func decide(eventJSON: [UInt8], root: Span) async throws(EngineError) -> EvaluationResult {
        do throws(EngineError) {
            let event = try decode(eventJSON)
            root.record("event_name", .string(event.eventName))
            root.record("tool_name", .string(event.toolName))
            root.record("session_id", .string(event.sessionID))
            var sets: [DecisionSet] = []
            var matched = 0
            var deciding = project
            let view = EventView(event)
            if let global {
                let (set, count) = try await evaluateLayer(global, view: view, eventJSON: eventJSON)
                matched += count
                sets.append(set)
                if Synthesizer.globalDecides(set) { deciding = global }
            }
            if deciding === project {
                let (set, count) = try await evaluateLayer(project, view: view, eventJSON: eventJSON)
                matched += count
                sets.append(set)
            }
            root.record("matched_policy_count", .int(matched))
            let decision = SynthesisStage.synthesize(sets, tracer: tracer)
            root.record("final_decision", .string(decision.name))
            return EvaluationResult(
                event: event, decision: decision, response: ResponseBuilder.build(decision, for: event),
                matchedPolicyCount: matched, actions: [], deciding: deciding, trace: root.context)
        } catch {
            root.record("final_decision", "error")
            throw error
        }
    }

    /// Decoding and preprocessing, inside a `preprocess` span (eval category) that says what
    /// preprocessing found: resolved paths, affected paths, scripts read.
    func decode(_ eventJSON: [UInt8]) throws(EngineError) -> HookEvent {
        do throws(EventError) {
            return try tracer.withSpan(
                "preprocess", category: .eval, fields: ["input_size_bytes": .int(eventJSON.count)]
            ) { span throws(EventError) in
                let event = try HookEvent.decode(eventJSON, harness: configuration.harness, preprocessing: preprocessing)
                if span.isRecording {
                    let raw = event.raw
                    span.record("resolved_path", .bool(raw["resolved_file_path"] != nil))
                    span.record("affected_path_count", .int(raw["affected_parent_directories"]?.arrayValue?.count ?? 0))
                    span.record("script_count", .int(raw["executed_scripts"]?.arrayValue?.count ?? 0))
                }
                return event
            }
        } catch {
            throw .event(error)
        }
    }

    /// One layer: route, and when anything matched, gather its signals and evaluate its policies
    /// and rulebook builtins. Builtin decisions come first; decisions of upstream's builtin Rego
    /// (a project initialised by upstream compiles it into its bundle) are dropped, since the
    /// native builtins decide.
    func evaluateLayer(_ layer: PolicyLayer, view: EventView, eventJSON: [UInt8]) async throws(EngineError) -> (DecisionSet, Int) {
        let event = view.event
        let (matched, builtins) = RoutingStage.route(view, in: layer, tracer: tracer)
        let runsPolicies = !matched.isEmpty && layer.runtime != nil
        guard runsPolicies || !builtins.isEmpty else { return (.empty, 0) }
        let environment = layer.builtinEnvironment
        var signalNames = runsPolicies ? layer.routing.requiredSignals(for: matched) : []
        for builtin in builtins {
            for name in builtin.signalNames(for: view, environment: environment) where !signalNames.contains(name) {
                signalNames.append(name)
            }
        }
        let signals = await SignalStage.gather(
            signalNames, rulebook: layer.rulebook, eventJSON: eventJSON, concurrency: configuration.signalConcurrency,
            tracer: tracer)
        var decisions = DecisionSet()
        var policyDecisions = DecisionSet()
        if runsPolicies, let runtime = layer.runtime {
            policyDecisions = try await evaluatePolicies(layer, runtime: runtime, matched: matched, event: event, signals: signals)
        }
        decisions.append(BuiltinStage.evaluate(builtins, event: view, signals: signals, environment: environment, tracer: tracer))
        decisions.append(BuiltinRuleIDs.removingBuiltinRego(from: policyDecisions))
        return (decisions, matched.count + builtins.count)
    }

    /// The layer's WebAssembly policies on the event (all of them through the aggregate
    /// entrypoint, or the `matched` packages only, as the layer's plan says); a resource limit
    /// reached is a refusal.
    func evaluatePolicies(_ layer: PolicyLayer, runtime: WasmPolicyRuntime, matched: [PolicyInfo], event: HookEvent,
                          signals: [String: JSONValue]) async throws(EngineError) -> DecisionSet {
        let input = PolicyInput.build(event: event, signals: signals, builtinConfig: builtinConfig(for: layer))
        let result: JSONValue?
        do {
            switch layer.plan {
            case .aggregate(let entrypoint):
                result = try await runtime.evaluate(entrypoint: entrypoint, input: input, tracer: tracer).result
            case .routed(let plan):
                let packages = plan.packages(of: matched)
                guard !packages.isEmpty else { return .empty }
                result = try await runtime.evaluate(entrypoints: packages.map(\.entrypoint), input: input, tracer: tracer) {
                    plan.decisionSet(packages, documents: $0)
                }
            }
        } catch {
            // A limit reached on this event is a refusal, whatever fail_mode says: an event made
            // large or slow enough must not get past every policy.
            if let refusal = ResourceLimitRefusal.decisionSet(for: error, inputBytes: input.count) { return refusal }
            throw .wasm(error)
        }
        guard let result else { return .empty }
        do {
            return try DecisionSet(json: result)
        } catch {
            throw .decisionSet(origin: layer.bundleOrigin ?? layer.directory, error)
        }
    }

    /// `input.builtin_config` of a layer: its own builtins' options; in the project layer the
    /// global configuration's entries replace the project's of the same builtin, as upstream.
    func builtinConfig(for layer: PolicyLayer) -> JSONValue {
        guard layer !== global, let global, case .object(var members) = layer.rulebook.builtinConfig,
              case .object(let globals) = global.rulebook.builtinConfig else { return layer.rulebook.builtinConfig }
        for (name, value) in globals { members[name] = value }
        return .object(members)
    }
}

/// The policy input: the event, plus `signals` and `builtin_config`.
enum PolicyInput {
    static func build(event: HookEvent, signals: [String: JSONValue], builtinConfig: JSONValue) -> [UInt8] {
        guard case .object(var members) = event.raw else { return event.raw.serialized() }
        members["signals"] = .object(signals)
        members["builtin_config"] = builtinConfig
        return JSONValue.object(members).serialized()
    }
}
