import CupcakeTrace

/// The runtime's work inside spans of the `wasm` category: module load (cache hit or miss,
/// compile time), instantiation, and each evaluation (`wasm_eval`, a stage span also visible
/// under `eval`). With tracing off these cost one flag check each.
extension WasmPolicyRuntime {
    /// Compiles or loads `wasm` inside a `wasm_load` span, then prepares the first instance inside
    /// a `wasm_instantiate` span.
    package static func load(
        wasm: [UInt8], dataJSON: [UInt8]?, origin: String,
        configuration: WasmPolicyConfiguration = WasmPolicyConfiguration(),
        engine: WasmEngine? = nil, cache: WasmModuleCache = .standard, tracer: Tracer
    ) throws(WasmPolicyError) -> WasmPolicyRuntime {
        let (module, stats) = try tracer.withSpan(
            "wasm_load", category: .wasm, fields: ["origin": .string(origin), "module_size_bytes": .int(wasm.count)]
        ) { span throws(WasmPolicyError) in
            let (module, stats) = try loadModule(wasm: wasm, origin: origin, engine: engine, cache: cache)
            span.record("cache_hit", .bool(stats.cacheHit))
            span.record("source", .string(stats.source.rawValue))
            span.record("compile_ms", .double(stats.compileMilliseconds))
            span.record("deserialize_ms", .double(stats.deserializeMilliseconds))
            if let note = stats.cacheNote { span.record("cache_note", .string(note)) }
            return (module, stats)
        }
        return try instantiate(module: module, stats: stats, dataJSON: dataJSON, origin: origin,
                               configuration: configuration, tracer: tracer)
    }

    /// Prepares the first instance of a loaded module inside a `wasm_instantiate` span; with
    /// `knownFacts` (from the cache) the instance waits for the first evaluation (`deferred`).
    static func instantiate(
        module: WasmModule, stats: WasmLoadStats, dataJSON: [UInt8]?, origin: String,
        configuration: WasmPolicyConfiguration, knownFacts: OPAModuleFacts? = nil, tracer: Tracer
    ) throws(WasmPolicyError) -> WasmPolicyRuntime {
        try tracer.withSpan("wasm_instantiate", category: .wasm, fields: ["origin": .string(origin)]) { span throws(WasmPolicyError) in
            let runtime: WasmPolicyRuntime
            if let knownFacts {
                runtime = try WasmPolicyRuntime(
                    module: module, loadStats: stats, dataJSON: dataJSON, origin: origin, configuration: configuration,
                    knownFacts: knownFacts)
                span.record("deferred", .bool(true))
            } else {
                runtime = try WasmPolicyRuntime(
                    module: module, loadStats: stats, dataJSON: dataJSON, origin: origin, configuration: configuration)
                span.record("instantiate_us", .double(runtime.instantiateStats.microseconds))
                span.record("memory_bytes", .int(runtime.instantiateStats.memoryBytes))
            }
            span.record("abi_version", .string("\(runtime.abiVersion.major).\(runtime.abiVersion.minor)"))
            span.record("builtins", .strings(runtime.builtins))
            return runtime
        }
    }

    /// Evaluates `entrypoint` on `input` inside a `wasm_eval` span carrying input_size_bytes,
    /// output_size_bytes, evaluation_time_ms, memory_bytes and decision_count, plus
    /// builtin_error_count and builtin_errors ("name: message") when a builtin failed.
    package func evaluate(entrypoint: String, input: [UInt8], tracer: Tracer) async throws(WasmPolicyError) -> WasmEvaluation {
        try await tracer.withSpan(
            "wasm_eval", category: .stage(.wasm),
            fields: ["entrypoint": .string(entrypoint), "input_size_bytes": .int(input.count)]
        ) { span async throws(WasmPolicyError) in
            let evaluation = try await evaluate(entrypoint: entrypoint, input: input)
            Self.record(evaluation.stats, builtinErrors: evaluation.builtinErrors, count: evaluation.builtinErrorCount, on: span)
            span.record("undefined", .bool(evaluation.isUndefined))
            return evaluation
        }
    }

    /// Evaluates several entrypoints on one input inside a `wasm_eval` span (`mode` "routed",
    /// `entrypoints`), then `combine`s their values inside the same span; decision_count is that
    /// of the combined value.
    func evaluate(entrypoints: [String], input: [UInt8], tracer: Tracer,
                  combine: ([JSONValue?]) -> JSONValue) async throws(WasmPolicyError) -> JSONValue {
        try await tracer.withSpan(
            "wasm_eval", category: .stage(.wasm),
            fields: ["mode": .string("routed"), "entrypoints": .strings(entrypoints), "input_size_bytes": .int(input.count)]
        ) { span async throws(WasmPolicyError) in
            let batch = try await evaluate(entrypoints: entrypoints, input: input)
            let combined = combine(batch.results)
            var stats = batch.stats
            stats.decisionCount = DecisionCount.count(in: combined)
            Self.record(stats, builtinErrors: batch.builtinErrors, count: batch.builtinErrorCount, on: span)
            return combined
        }
    }

    private static func record(_ stats: WasmEvaluationStats, builtinErrors: [WasmBuiltinError], count: Int, on span: Span) {
        span.record("output_size_bytes", .int(stats.outputSizeBytes))
        span.record("evaluation_time_ms", .double(stats.evaluationMilliseconds))
        span.record("memory_bytes", .int(stats.memoryBytes))
        span.record("memory_limit_bytes", .int(stats.memoryLimitBytes))
        span.record("decision_count", .int(stats.decisionCount))
        if count > 0 {
            span.record("builtin_error_count", .int(count))
            span.record("builtin_errors", .strings(builtinErrors.map(\.description)))
        }
    }
}
