/// Where a compiled module came from when a policy was loaded.
package enum WasmModuleSource: String, Sendable, Hashable {
    /// Already compiled in this process.
    case memory
    /// Deserialized from the on-disk cache.
    case disk
    /// Compiled from the wasm bytes (and then cached).
    case compiled
    /// Deserialized from the on-disk cache through the bundle index, the bundle left unread.
    case bundleIndex = "bundle_index"
    /// Through the bundle index, the cache's artifact image mapped unread (its identity trusted).
    case mappedImage = "mapped_image"
}

/// Figures from loading (compiling or deserializing) a module.
package struct WasmLoadStats: Sendable, Hashable {
    /// Where the module came from.
    package var source: WasmModuleSource
    /// Whether the load avoided compiling (in-process or disk cache hit).
    package var cacheHit: Bool { source != .compiled }
    /// Milliseconds spent compiling (0 on a cache hit).
    package var compileMilliseconds: Double
    /// Milliseconds spent reading, verifying and deserializing the cache file (0 if not used).
    package var deserializeMilliseconds: Double
    /// Milliseconds for the whole load, hashing included.
    package var totalMilliseconds: Double
    /// Why the disk cache was not used, when it was consulted and missed (for diagnostics).
    package var cacheNote: String?
}

/// Figures from creating one ready-to-evaluate instance.
package struct WasmInstantiateStats: Sendable, Hashable {
    /// Microseconds from an empty store to a ready instance (data document loaded).
    package var microseconds: Double
    /// Linear memory in bytes once ready.
    package var memoryBytes: Int
}

/// Figures from one evaluation, as the wasm_eval trace span reports them.
package struct WasmEvaluationStats: Sendable, Hashable {
    /// Size of the input JSON in bytes.
    package var inputSizeBytes: Int
    /// Size of the result JSON the policy produced, in bytes.
    package var outputSizeBytes: Int
    /// Nanoseconds from checkout of an instance to the parsed result.
    package var evaluationNanoseconds: UInt64
    /// Linear memory of the instance after the evaluation, in bytes.
    package var memoryBytes: Int
    /// The memory this evaluation was allowed (it grows with the input), in bytes.
    package var memoryLimitBytes: Int
    /// Entries across a Cupcake decision set's verbs (0 for other results).
    package var decisionCount: Int

    /// The evaluation time in milliseconds.
    package var evaluationMilliseconds: Double { Double(evaluationNanoseconds) / 1_000_000 }
}

/// The outcome of one evaluation: the entrypoint's value (nil when undefined) and its figures.
package struct WasmEvaluation: Sendable, Hashable {
    /// The value of the entrypoint, or nil when the policy left it undefined.
    package var result: JSONValue?
    /// Figures of the evaluation.
    package var stats: WasmEvaluationStats
    /// The first few builtins that failed (each call was undefined and evaluation went on).
    package var builtinErrors: [WasmBuiltinError] = []
    /// How many builtin calls failed in all, including those beyond `builtinErrors`.
    package var builtinErrorCount = 0

    /// Whether the policy left the entrypoint undefined.
    package var isUndefined: Bool { result == nil }
}

/// The values of several entrypoints evaluated on one input (routed evaluation).
struct WasmBatchEvaluation: Sendable {
    /// Each entrypoint's value in the order asked, nil when undefined.
    var results: [JSONValue?]
    /// Figures of the whole batch.
    var stats: WasmEvaluationStats
    var builtinErrors: [WasmBuiltinError]
    var builtinErrorCount: Int

    /// The batch of one entrypoint as a ``WasmEvaluation``.
    var single: WasmEvaluation {
        WasmEvaluation(result: results.first ?? nil, stats: stats, builtinErrors: builtinErrors,
                       builtinErrorCount: builtinErrorCount)
    }
}
