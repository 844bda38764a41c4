import CWasmtime
import Synchronization

/// How a `WasmEngine` compiles and interrupts code. Part of the compiled-module cache key.
package struct WasmEngineConfiguration: Sendable, Hashable {
    /// Whether Cranelift optimizes for speed (otherwise it does not optimize).
    package var optimizeForSpeed: Bool
    /// How often the epoch advances while evaluations run, in milliseconds (1...1000).
    /// Deadlines are enforced with this granularity.
    package var epochTickMilliseconds: Int

    /// Speed-optimized code and a 2 ms epoch tick.
    package init(optimizeForSpeed: Bool = true, epochTickMilliseconds: Int = 2) {
        self.optimizeForSpeed = optimizeForSpeed
        self.epochTickMilliseconds = min(1000, max(1, epochTickMilliseconds))
    }

    /// The parts of the configuration that change compiled code, as a stable string.
    var codeFingerprint: String {
        "opt=\(optimizeForSpeed ? "speed" : "none");epoch-interruption=on"
    }
}

/// A wasmtime engine (compilation settings shared by modules and stores) with its epoch ticker
/// and the in-process cache of modules compiled with it. Thread-safe.
///
/// `@unchecked Sendable`: wasmtime engines are safe to share between threads; the mutable state
/// (the module cache) sits behind a mutex.
package final class WasmEngine: @unchecked Sendable {
    /// The version of libwasmtime these declarations and cache files are made for.
    package static let libraryVersion = "50.0.1"

    /// The configuration the engine was built with.
    package let configuration: WasmEngineConfiguration
    let raw: OpaquePointer
    let ticker: EpochTicker
    /// Compiled modules by cache file name, with the wasm bytes each was compiled from; raw
    /// handles, so that the cache does not keep the engine alive.
    private let compiledModules = Mutex<[String: (wasm: [UInt8], handle: CompiledModuleHandle)]>([:])

    /// For a process that evaluates on one thread and exits (a hook): engines created from now on
    /// enforce deadlines with a timer signal aimed at the evaluating thread instead of a thread
    /// of their own (the first such engine; others, and any where the timer cannot be made, use
    /// the thread).
    package static func preferSignalTicking() {
        EpochTicker.signalDriven.store(true, ordering: .relaxed)
    }

    /// Creates an engine; epoch interruption is always on.
    package convenience init(configuration: WasmEngineConfiguration = WasmEngineConfiguration()) throws(WasmError) {
        try self.init(configuration: configuration, signalTicking: EpochTicker.signalDriven.load(ordering: .relaxed))
    }

    /// An engine whose deadlines tick with a timer signal when `signalTicking` (see
    /// ``preferSignalTicking()``).
    init(configuration: WasmEngineConfiguration, signalTicking: Bool) throws(WasmError) {
        guard let config = wasm_config_new() else {
            throw .engineUnavailable("wasm_config_new returned nothing")
        }
        wasmtime_config_epoch_interruption_set(config, true)
        wasmtime_config_cranelift_opt_level_set(
            config, wasmtime_opt_level_t(configuration.optimizeForSpeed ? WASMTIME_OPT_LEVEL_SPEED : WASMTIME_OPT_LEVEL_NONE))
        // Takes ownership of `config`.
        guard let engine = wasm_engine_new_with_config(config) else {
            throw .engineUnavailable("wasm_engine_new_with_config returned nothing")
        }
        self.raw = engine
        self.ticker = EpochTicker(engine: engine, periodMilliseconds: configuration.epochTickMilliseconds, signalDriven: signalTicking)
        self.configuration = configuration
    }

    deinit {
        ticker.stop()
        compiledModules.withLock { $0.removeAll() }
        wasm_engine_delete(raw)
    }

    private static let sharedEngine: Result<WasmEngine, WasmError> = Result { () throws(WasmError) in
        try WasmEngine()
    }

    /// The process-wide engine with the default configuration.
    package static func shared() throws(WasmError) -> WasmEngine {
        try sharedEngine.get()
    }

    /// A module compiled earlier by this engine from exactly `key`'s wasm bytes.
    func cachedModule(_ key: CacheKey) -> WasmModule? {
        let entry = compiledModules.withLock { $0[key.fileName] }
        guard let entry, entry.wasm.withUnsafeBytes({ key.matches(wasm: $0) }) else { return nil }
        return WasmModule.sharing(entry.handle, engine: self)
    }

    /// Keeps `module` for later loads of `key`, unless another thread stored one first, which is
    /// then returned instead.
    func remember(_ module: WasmModule, key: CacheKey) -> WasmModule {
        let existing = compiledModules.withLock { modules -> CompiledModuleHandle? in
            if let entry = modules[key.fileName], entry.wasm.withUnsafeBytes({ key.matches(wasm: $0) }) {
                return entry.handle
            }
            if let handle = module.handle() { modules[key.fileName] = (key.wasm, handle) }
            return nil
        }
        if let existing, let shared = WasmModule.sharing(existing, engine: self) { return shared }
        return module
    }

    /// The cache-key component naming this library version and the code-affecting settings.
    var cacheFingerprint: String {
        "wasmtime=\(WasmEngine.libraryVersion);\(configuration.codeFingerprint)"
    }

    /// Epoch ticks covering `milliseconds` (rounded up, plus one tick for the phase of the ticker).
    func deadlineTicks(milliseconds: Int) -> UInt64 {
        let tick = configuration.epochTickMilliseconds
        return UInt64((max(0, milliseconds) + tick - 1) / tick) + 1
    }
}
