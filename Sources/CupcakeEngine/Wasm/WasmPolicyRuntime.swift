/// A loaded OPA WebAssembly policy, ready for many concurrent evaluations: the compiled module
/// (compiled once per process and cached on disk), the data document, and a bounded pool of
/// instances, each with its own store and linear memory.
///
/// Every evaluation runs under the configured deadline and memory cap; a failed evaluation
/// discards its instance, so the next one starts from a clean instance.
package final class WasmPolicyRuntime: Sendable {
    /// Where the policy came from, as error messages show it.
    package let origin: String
    /// Limits and pool size.
    package let configuration: WasmPolicyConfiguration
    /// The compiled module.
    package let module: WasmModule
    /// How the module was obtained.
    package let loadStats: WasmLoadStats
    /// How long the first instance took to become ready (zero when it is deferred: the module's
    /// facts came from the cache, and the first evaluation makes the instance).
    package let instantiateStats: WasmInstantiateStats
    /// The OPA ABI version of the module.
    package var abiVersion: OPAABIVersion { facts.abi }
    /// The entrypoints the module offers, sorted.
    package let entrypoints: [String]
    /// The builtins the module needs, sorted.
    package let builtins: [String]

    private let facts: OPAModuleFacts
    private let memoryImport: WasmImport?
    private let data: [UInt8]
    private let pool: InstancePool<OPAPolicyInstance>

    /// Compiles (or loads from cache) `wasm` and prepares the first instance.
    ///
    /// - Parameters:
    ///   - wasm: the module bytes (policy.wasm of an OPA bundle).
    ///   - dataJSON: the data document (data.json), or nil for `{}`.
    ///   - origin: names the policy in messages, such as ".cupcake/bundles/claude.tar.gz".
    ///   - configuration: limits and pool size.
    ///   - engine: the engine to compile with; nil uses the shared engine.
    ///   - cache: where compiled modules are cached on disk.
    package convenience init(wasm: [UInt8], dataJSON: [UInt8]?, origin: String,
                            configuration: WasmPolicyConfiguration = WasmPolicyConfiguration(),
                            engine: WasmEngine? = nil, cache: WasmModuleCache = .standard) throws(WasmPolicyError) {
        let (module, stats) = try WasmPolicyRuntime.loadModule(wasm: wasm, origin: origin, engine: engine, cache: cache)
        try self.init(module: module, loadStats: stats, dataJSON: dataJSON, origin: origin, configuration: configuration)
    }

    /// Compiles `wasm`, or loads it from the in-process or disk cache.
    package static func loadModule(wasm: [UInt8], origin: String, engine: WasmEngine? = nil,
                                  cache: WasmModuleCache = .standard) throws(WasmPolicyError) -> (WasmModule, WasmLoadStats) {
        let chosen: WasmEngine
        do {
            chosen = try engine ?? WasmEngine.shared()
            return try cache.module(for: wasm, engine: chosen)
        } catch let error as WasmError {
            switch error {
            case .invalidModule(let message):
                throw WasmPolicyError(origin: origin, reason: .invalidModule("not a valid WebAssembly module: \(message)"))
            default:
                throw WasmPolicyError(origin: origin, reason: .invalidModule(error.description))
            }
        } catch {
            throw WasmPolicyError(origin: origin, reason: .invalidModule("\(error)"))
        }
    }

    /// Prepares a runtime for an already compiled module: checks its imports, creates the first
    /// instance (reading its ABI version, builtins and entrypoints, and parsing the data document).
    package init(module: WasmModule, loadStats: WasmLoadStats, dataJSON: [UInt8]?, origin: String,
                configuration: WasmPolicyConfiguration = WasmPolicyConfiguration()) throws(WasmPolicyError) {
        if let problem = configuration.problem() {
            throw WasmPolicyError(origin: origin, reason: .configuration(problem))
        }
        let memoryImport: WasmImport?
        do {
            memoryImport = try WasmPolicyRuntime.checkImports(module.imports, configuration: configuration)
        } catch {
            throw WasmPolicyError(origin: origin, reason: error)
        }
        let data = dataJSON ?? Array("{}".utf8)
        let start = MonotonicClock.nanoseconds()
        let first: OPAPolicyInstance
        do {
            first = try OPAPolicyInstance.make(module: module, memoryImport: memoryImport, data: data,
                                               configuration: configuration, knownFacts: nil)
        } catch {
            throw WasmPolicyError(origin: origin, reason: error)
        }
        self.instantiateStats = WasmInstantiateStats(microseconds: MonotonicClock.microsecondsSince(start),
                                                     memoryBytes: first.memoryBytes)
        self.origin = origin
        self.configuration = configuration
        self.module = module
        self.loadStats = loadStats
        self.facts = first.facts
        self.entrypoints = first.facts.entrypoints.keys.sorted()
        self.builtins = first.facts.builtinNames.values.sorted()
        self.memoryImport = memoryImport
        self.data = data
        self.pool = InstancePool(capacity: configuration.maxInstances)
        pool.add(first)
    }

    /// A runtime for a compiled module whose facts (ABI, entrypoints, builtins) are known from an
    /// earlier load of the same module, with no instance yet: the first evaluation makes one, so
    /// a hook that routes to no policy never pays for it. Imports and builtins are checked here
    /// as at a first instantiation.
    init(module: WasmModule, loadStats: WasmLoadStats, dataJSON: [UInt8]?, origin: String,
         configuration: WasmPolicyConfiguration, knownFacts facts: OPAModuleFacts) throws(WasmPolicyError) {
        if let problem = configuration.problem() {
            throw WasmPolicyError(origin: origin, reason: .configuration(problem))
        }
        do {
            memoryImport = try WasmPolicyRuntime.checkImports(module.imports, configuration: configuration)
        } catch {
            throw WasmPolicyError(origin: origin, reason: error)
        }
        let unsupported = facts.builtinNames.values.filter { !HostBuiltins.isSupported($0) }.sorted()
        guard unsupported.isEmpty else { throw WasmPolicyError(origin: origin, reason: .unsupportedBuiltins(unsupported)) }
        guard facts.abi.major == 1 else {
            throw WasmPolicyError(origin: origin, reason: .unsupportedABI(major: facts.abi.major, minor: facts.abi.minor))
        }
        self.instantiateStats = WasmInstantiateStats(microseconds: 0, memoryBytes: 0)
        self.origin = origin
        self.configuration = configuration
        self.module = module
        self.loadStats = loadStats
        self.facts = facts
        self.entrypoints = facts.entrypoints.keys.sorted()
        self.builtins = facts.builtinNames.values.sorted()
        self.data = dataJSON ?? Array("{}".utf8)
        self.pool = InstancePool(capacity: configuration.maxInstances)
    }

    /// What the module's first instance learned, for the cache to remember.
    var moduleFacts: OPAModuleFacts { facts }

    /// Creates one more ready instance in the pool (if it has room) and reports how long it took.
    @discardableResult
    package func instantiate() throws(WasmPolicyError) -> WasmInstantiateStats {
        let start = MonotonicClock.nanoseconds()
        let instance = try makeInstance()
        let stats = WasmInstantiateStats(microseconds: MonotonicClock.microsecondsSince(start), memoryBytes: instance.memoryBytes)
        pool.add(instance)
        return stats
    }

    /// Evaluates `entrypoint` (such as "cupcake/system/evaluate") on `input` (JSON bytes).
    /// Suspends while every instance is busy; the evaluation itself runs synchronously on the
    /// calling task's thread, bounded by the deadline.
    package func evaluate(entrypoint: String, input: [UInt8]) async throws(WasmPolicyError) -> WasmEvaluation {
        let id = try entrypointID(entrypoint)
        return try run(await pool.checkout(), entrypoints: [id], input: input).single
    }

    /// Evaluates several entrypoints on one input with one instance (the input parsed once when
    /// the module allows), in order; each value nil when undefined.
    func evaluate(entrypoints: [String], input: [UInt8]) async throws(WasmPolicyError) -> WasmBatchEvaluation {
        var ids: [Int32] = []
        for name in entrypoints { ids.append(try entrypointID(name)) }
        return try run(await pool.checkout(), entrypoints: ids, input: input)
    }

    /// Whether the module exports `name`.
    func hasEntrypoint(_ name: String) -> Bool { facts.entrypoints[name] != nil }

    /// Evaluates like `evaluate(entrypoint:input:)`, blocking the calling thread while every
    /// instance is busy. For synchronous callers outside Swift concurrency.
    package func evaluateBlocking(entrypoint: String, input: [UInt8]) throws(WasmPolicyError) -> WasmEvaluation {
        let id = try entrypointID(entrypoint)
        return try run(pool.checkoutBlocking(), entrypoints: [id], input: input).single
    }

    /// Instances alive (idle or busy).
    package var instanceCount: Int { pool.liveCount }

    // MARK: - Internals

    private func entrypointID(_ name: String) throws(WasmPolicyError) -> Int32 {
        // OPA names entrypoints with slashes; accept the dotted form too.
        if let id = facts.entrypoints[name] ?? facts.entrypoints[name.replacingDots()] { return id }
        throw WasmPolicyError(origin: origin, reason: .unknownEntrypoint(name, available: entrypoints))
    }

    private func makeInstance() throws(WasmPolicyError) -> OPAPolicyInstance {
        do {
            return try OPAPolicyInstance.make(module: module, memoryImport: memoryImport, data: data,
                                              configuration: configuration, knownFacts: facts)
        } catch {
            throw WasmPolicyError(origin: origin, reason: error)
        }
    }

    private func run(_ grant: InstancePool<OPAPolicyInstance>.Grant, entrypoints: [Int32],
                     input: [UInt8]) throws(WasmPolicyError) -> WasmBatchEvaluation {
        let instance: OPAPolicyInstance
        switch grant {
        case .element(let idle):
            instance = idle
        case .create:
            do {
                instance = try makeInstance()
            } catch {
                pool.discard()
                throw error
            }
        }
        let start = MonotonicClock.nanoseconds()
        do {
            let limit = configuration.memoryLimit(forInputBytes: input.count)
            let (values, outputSize) = try instance.evaluate(entrypoints: entrypoints, input: input,
                                                             deadlineMilliseconds: configuration.deadlineMilliseconds,
                                                             memoryLimitBytes: limit)
            let stats = WasmEvaluationStats(inputSizeBytes: input.count, outputSizeBytes: outputSize,
                                            evaluationNanoseconds: MonotonicClock.nanoseconds() &- start,
                                            memoryBytes: instance.memoryBytes, memoryLimitBytes: limit,
                                            decisionCount: values.reduce(0) { $0 + DecisionCount.count(in: $1) })
            let builtinErrors = instance.bridge.builtinErrors
            // Memory never shrinks: an instance a large input grew past the floor is dropped, so
            // idle instances keep only what small inputs need.
            if instance.memoryBytes > configuration.memoryLimitBytes {
                pool.discard()
            } else {
                pool.release(instance)
            }
            return WasmBatchEvaluation(results: values, stats: stats, builtinErrors: builtinErrors.recorded,
                                       builtinErrorCount: builtinErrors.count)
        } catch {
            // The instance may be in any state after a trap: drop it; the next checkout rebuilds one.
            pool.discard()
            throw WasmPolicyError(origin: origin, reason: error)
        }
    }

    /// Checks every import is one Cupcake provides; returns the memory import, if any.
    static func checkImports(_ imports: [WasmImport], configuration: WasmPolicyConfiguration) throws(WasmPolicyFailure) -> WasmImport? {
        var memory: WasmImport?
        var unknown: [String] = []
        for item in imports {
            switch item.kind {
            case .memory where item.module == "env" && item.name == "memory" && !item.memoryIs64:
                memory = item
            case .function where OPAHostBridge.providedFunctions.contains(item.qualifiedName):
                continue
            default:
                unknown.append(item.qualifiedName)
            }
        }
        guard unknown.isEmpty else { throw .missingImports(unknown) }
        if let memory, memory.memoryMinimumPages > configuration.memoryLimitPages {
            let needed = Int(memory.memoryMinimumPages) * WasmMemory.pageSize
            throw .instantiationFailed("the module needs \(WasmPolicyConfiguration.describe(bytes: needed)) of memory to start, "
                                       + "above the memory limit of \(configuration.memoryLimitText)")
        }
        return memory
    }
}

extension String {
    /// "cupcake.system.evaluate" as "cupcake/system/evaluate".
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}

extension WasmPolicyRuntime {
    /// Loads the module and data document of an OPA bundle; its origin names it in messages.
    package convenience init(bundle: PolicyBundle, configuration: WasmPolicyConfiguration = WasmPolicyConfiguration(),
                            engine: WasmEngine? = nil, cache: WasmModuleCache = .standard) throws(WasmPolicyError) {
        try self.init(wasm: bundle.wasm, dataJSON: bundle.dataJSON, origin: bundle.origin,
                      configuration: configuration, engine: engine, cache: cache)
    }
}
