/// Facts about a policy module learned from its first instance and shared by all its instances.
struct OPAModuleFacts: Sendable {
    let abi: OPAABIVersion
    /// Entrypoint names to ids, from `entrypoints()`.
    let entrypoints: [String: Int32]
    /// Builtin ids to names, from `builtins()`.
    let builtinNames: [Int32: String]
}

/// One ready-to-evaluate instance of an OPA policy module: its own store, linear memory and data
/// document. Used by one thread at a time (the pool checks it out for one evaluation).
///
/// `@unchecked Sendable`: the pool hands an instance to one task at a time, never two.
final class OPAPolicyInstance: @unchecked Sendable {
    /// The time allowed for instantiation and loading the data document.
    static let setupDeadlineMilliseconds = 10_000

    let store: WasmStore
    let bridge: OPAHostBridge
    let memory: WasmMemory
    let exports: OPAExports
    let facts: OPAModuleFacts
    /// The parsed data document.
    let dataAddress: Int32
    /// The heap pointer after the data document: every evaluation starts from here, so memory use
    /// does not accumulate across evaluations.
    let baseHeapPointer: Int32

    private init(store: WasmStore, bridge: OPAHostBridge, memory: WasmMemory, exports: OPAExports, facts: OPAModuleFacts,
                 dataAddress: Int32, baseHeapPointer: Int32) {
        self.store = store
        self.bridge = bridge
        self.memory = memory
        self.exports = exports
        self.facts = facts
        self.dataAddress = dataAddress
        self.baseHeapPointer = baseHeapPointer
    }

    /// Why wasm did not run when the deadline's ticker (its thread, or its timer) could not start.
    static let noTicker = "cannot start the ticker that enforces the evaluation deadline"

    /// The size an imported memory starts at unless the module asks for more: 2 MiB.
    static let initialMemoryPages: UInt64 = 32

    /// Builds an instance: store, memory, imports, exports, builtins and entrypoints (read unless
    /// `knownFacts` are given), then the data document.
    static func make(module: WasmModule, memoryImport: WasmImport?, data: [UInt8], configuration: WasmPolicyConfiguration,
                     knownFacts: OPAModuleFacts?) throws(WasmPolicyFailure) -> OPAPolicyInstance {
        let store: WasmStore
        let linker: WasmLinker
        do {
            store = try WasmStore(engine: module.engine)
            linker = try WasmLinker(engine: module.engine)
        } catch {
            throw .instantiationFailed("\(error)")
        }
        store.limitMemory(bytes: configuration.memoryLimitBytes)
        let bridge = OPAHostBridge(printHandler: configuration.printHandler)

        return try store.withEpochTicking(unavailable: .instantiationFailed(Self.noTicker)) { () throws(WasmPolicyFailure) -> OPAPolicyInstance in
            store.setDeadline(milliseconds: max(configuration.deadlineMilliseconds, setupDeadlineMilliseconds))
            let instance: WasmInstance
            var importedMemory: WasmMemory?
            do {
                try bridge.define(on: linker)
                if let memoryImport {
                    // Declared as large as any evaluation may grow it; each evaluation's own
                    // limit is the store's (set per input).
                    var maximum = configuration.maxMemoryLimitPages
                    if let declared = memoryImport.memoryMaximumPages { maximum = min(maximum, declared) }
                    // Started at up to 2 MiB: an evaluation then grows it rarely, where OPA's
                    // allocator would otherwise grow it a page at a time (a syscall each), and
                    // untouched pages cost nothing. A page below the floor, so a memory at its
                    // limit (see `classify`) is one that grew there.
                    let below = configuration.memoryLimitPages > 0 ? configuration.memoryLimitPages - 1 : 0
                    let initial = max(memoryImport.memoryMinimumPages, min(Self.initialMemoryPages, below, maximum))
                    let created = try store.createMemory(minimumPages: initial, maximumPages: maximum)
                    try linker.define(memory: created, module: memoryImport.module, name: memoryImport.name, in: store)
                    importedMemory = created
                    bridge.memory = created
                }
                instance = try linker.instantiate(module, in: store)
            } catch {
                throw .instantiationFailed("\(error)")
            }

            let memory: WasmMemory
            if let importedMemory {
                memory = importedMemory
            } else {
                guard let exported = try? instance.memory("memory", in: store) else {
                    throw .missingExports(["memory (the module neither imports env.memory nor exports a memory)"])
                }
                memory = exported
                bridge.memory = exported
            }

            let abi: OPAABIVersion
            if let known = knownFacts?.abi {
                abi = known
            } else {
                abi = try readABI(instance, store: store)
            }
            let exports: OPAExports
            switch OPAExports.resolve(instance, in: store, abi: abi) {
            case .success(let resolved): exports = resolved
            case .failure(let failure): throw failure
            }
            bridge.exports = exports

            let facts: OPAModuleFacts
            if let knownFacts {
                facts = knownFacts
            } else {
                let builtins = try readNameMap(exports.builtins, what: "builtins()", store: store, memory: memory, exports: exports)
                let entrypoints = try readNameMap(exports.entrypoints, what: "entrypoints()", store: store, memory: memory, exports: exports)
                let unsupported = builtins.keys.filter { !HostBuiltins.isSupported($0) }.sorted()
                guard unsupported.isEmpty else { throw .unsupportedBuiltins(unsupported) }
                var names: [Int32: String] = [:]
                for (name, id) in builtins { names[id] = name }
                facts = OPAModuleFacts(abi: abi, entrypoints: entrypoints, builtinNames: names)
            }
            bridge.builtinNames = facts.builtinNames

            let dataAddress = try loadData(data, store: store, memory: memory, exports: exports)
            let base: Int32
            do {
                base = try store.call(exports.heapPointerGet)
            } catch {
                throw .instantiationFailed("opa_heap_ptr_get: \(error)")
            }
            return OPAPolicyInstance(store: store, bridge: bridge, memory: memory, exports: exports, facts: facts,
                                     dataAddress: dataAddress, baseHeapPointer: base)
        }
    }

    /// Linear memory in bytes.
    var memoryBytes: Int { memory.byteCount(store.context) }

    // MARK: - Evaluation

    /// Evaluates entrypoint `entrypoint` on `input` (JSON bytes) with at most
    /// `memoryLimitBytes` of linear memory. Returns the entrypoint's value (nil when undefined)
    /// and the size of the result JSON.
    func evaluate(entrypoint: Int32, input: [UInt8], deadlineMilliseconds: Int,
                  memoryLimitBytes: Int) throws(WasmPolicyFailure) -> (JSONValue?, Int) {
        return try guarded(deadlineMilliseconds: deadlineMilliseconds, memoryLimitBytes: memoryLimitBytes) { () throws -> (JSONValue?, Int) in
            let resultText: Int32
            if let eval = exports.eval {
                resultText = try evaluateFast(eval, entrypoint: entrypoint, input: input, memoryLimitBytes: memoryLimitBytes)
            } else if let path = exports.context {
                resultText = try evaluateWithContext(path, entrypoint: entrypoint, input: input, memoryLimitBytes: memoryLimitBytes)
            } else {
                throw WasmPolicyFailure.evaluationFailed("no evaluation export")
            }
            return try readResult(at: resultText)
        }
    }

    /// Evaluates several entrypoints on one `input`, parsed once when the module offers the
    /// evaluation-context path (else one `opa_eval` each). Returns each entrypoint's value (nil
    /// when undefined), in order, and the total size of the result JSON. One deadline covers all.
    func evaluate(entrypoints: [Int32], input: [UInt8], deadlineMilliseconds: Int,
                  memoryLimitBytes: Int) throws(WasmPolicyFailure) -> ([JSONValue?], Int) {
        guard entrypoints.count > 1, let path = exports.context else {
            var values: [JSONValue?] = []
            var size = 0
            for entrypoint in entrypoints {
                let (value, bytes) = try evaluate(entrypoint: entrypoint, input: input, deadlineMilliseconds: deadlineMilliseconds,
                                                  memoryLimitBytes: memoryLimitBytes)
                values.append(value)
                size += bytes
            }
            return (values, size)
        }
        return try guarded(deadlineMilliseconds: deadlineMilliseconds, memoryLimitBytes: memoryLimitBytes) { () throws -> ([JSONValue?], Int) in
            let inputValue = try parseInput(input, memoryLimitBytes: memoryLimitBytes)
            // One context for the batch: only its entrypoint changes between evaluations.
            let evaluation = try makeContext(path, inputValue: inputValue)
            var values: [JSONValue?] = []
            var size = 0
            for entrypoint in entrypoints {
                let (value, bytes) = try readResult(at: try evaluate(in: evaluation, path, entrypoint: entrypoint))
                values.append(value)
                size += bytes
            }
            return (values, size)
        }
    }

    /// Runs `body` (calls into the module) under the memory limit and deadline, with a fresh
    /// builtin context, naming the cause of any failure.
    private func guarded<T>(deadlineMilliseconds: Int, memoryLimitBytes: Int,
                            _ body: () throws -> T) throws(WasmPolicyFailure) -> T {
        store.limitMemory(bytes: memoryLimitBytes)
        bridge.failure = nil
        bridge.builtinErrors = BuiltinErrorLog()
        bridge.builtinContext = BuiltinContext(nowNanoseconds: MonotonicClock.wallNanoseconds())
        let memoryBefore = memory.byteCount(store.context)
        return try store.withEpochTicking(unavailable: .evaluationFailed(Self.noTicker)) { () throws(WasmPolicyFailure) -> T in
            store.setDeadline(milliseconds: deadlineMilliseconds)
            do {
                return try body()
            } catch let failure as WasmPolicyFailure {
                throw failure
            } catch let error as WasmError {
                throw classify(error, memoryBefore: memoryBefore, deadlineMilliseconds: deadlineMilliseconds,
                               memoryLimitBytes: memoryLimitBytes)
            } catch {
                throw .evaluationFailed("\(error)")
            }
        }
    }

    /// ABI 1.2+: input written after the data heap, one `opa_eval` call.
    private func evaluateFast(_ eval: WasmFunction, entrypoint: Int32, input: [UInt8], memoryLimitBytes: Int) throws -> Int32 {
        let context = store.context
        let base = OPAHostBridge.offset(baseHeapPointer)
        let needed = base + input.count
        guard needed <= memoryLimitBytes, let length = Int32(exactly: input.count) else {
            throw WasmPolicyFailure.memoryLimitReached(bytes: memoryLimitBytes)
        }
        let size = memory.byteCount(context)
        if needed > size {
            let pages = (needed - size + WasmMemory.pageSize - 1) / WasmMemory.pageSize
            do {
                try memory.grow(context, pages: UInt64(pages))
            } catch {
                throw WasmPolicyFailure.memoryLimitReached(bytes: memoryLimitBytes)
            }
        }
        try memory.write(context, input, at: base)
        return try callI32(context, eval, 0, entrypoint, dataAddress, baseHeapPointer, length,
                           baseHeapPointer &+ length, 0)
    }

    /// ABI 1.0/1.1: input parsed into the heap, then an evaluation context.
    private func evaluateWithContext(_ path: OPAExports.ContextPath, entrypoint: Int32, input: [UInt8],
                                     memoryLimitBytes: Int) throws -> Int32 {
        let inputValue = try parseInput(input, memoryLimitBytes: memoryLimitBytes)
        return try evaluateInContext(path, entrypoint: entrypoint, inputValue: inputValue)
    }

    /// Resets the heap to the base and parses `input` into it; returns the value's address.
    private func parseInput(_ input: [UInt8], memoryLimitBytes: Int) throws -> Int32 {
        let context = store.context
        guard let length = Int32(exactly: input.count), input.count <= memoryLimitBytes else {
            throw WasmPolicyFailure.memoryLimitReached(bytes: memoryLimitBytes)
        }
        _ = try callI32(context, exports.heapPointerSet, baseHeapPointer)
        let inputAddress = try callI32(context, exports.malloc, length)
        try memory.write(context, input, at: OPAHostBridge.offset(inputAddress))
        let inputValue = try callI32(context, exports.jsonParse, inputAddress, length)
        guard inputValue != 0 else { throw WasmPolicyFailure.evaluationFailed("the policy could not parse the input as JSON") }
        return inputValue
    }

    /// One entrypoint through an evaluation context on an already parsed input; returns the
    /// address of the result JSON.
    private func evaluateInContext(_ path: OPAExports.ContextPath, entrypoint: Int32, inputValue: Int32) throws -> Int32 {
        try evaluate(in: try makeContext(path, inputValue: inputValue), path, entrypoint: entrypoint)
    }

    /// A new evaluation context on the parsed input and the data document.
    private func makeContext(_ path: OPAExports.ContextPath, inputValue: Int32) throws -> Int32 {
        let context = store.context
        let evaluation = try callI32(context, path.new)
        _ = try callI32(context, path.setInput, evaluation, inputValue)
        _ = try callI32(context, path.setData, evaluation, dataAddress)
        return evaluation
    }

    /// Evaluates `entrypoint` in the context `evaluation`; returns the address of the result JSON.
    private func evaluate(in evaluation: Int32, _ path: OPAExports.ContextPath, entrypoint: Int32) throws -> Int32 {
        let context = store.context
        _ = try callI32(context, path.setEntrypoint, evaluation, entrypoint)
        let status = try callI32(context, path.evaluate, evaluation)
        guard status == 0 else { throw WasmPolicyFailure.evaluationFailed("eval returned error code \(status)") }
        let resultValue = try callI32(context, path.getResult, evaluation)
        return try callI32(context, exports.jsonDump, resultValue)
    }

    /// Parses the result set at `address`: `[{"result": X}]` gives X, `[]` undefined.
    private func readResult(at address: Int32) throws(WasmPolicyFailure) -> (JSONValue?, Int) {
        let parsed = memory.withCString(store.context, at: OPAHostBridge.offset(address), limit: Int.max) { bytes in
            (Result { () throws(JSONParseError) -> JSONValue in try JSONValue.parse(bytes, limits: .lenient) }, bytes.count)
        }
        guard let (outcome, size) = parsed else {
            throw .evaluationFailed("the result at address \(address) is not a NUL-terminated string inside memory")
        }
        let resultSet: JSONValue
        switch outcome {
        case .success(let value): resultSet = value
        case .failure(let error): throw .evaluationFailed("the result is not JSON: \(error)")
        }
        switch resultSet {
        case .array(let rows) where rows.isEmpty:
            return (nil, size)
        case .array(let rows) where rows.count == 1:
            if case .object(let bindings) = rows[0], let value = bindings["result"] { return (value, size) }
            throw .evaluationFailed("unexpected result set \(OPAPolicyInstance.preview(resultSet))")
        default:
            throw .evaluationFailed("unexpected result set \(OPAPolicyInstance.preview(resultSet))")
        }
    }

    /// Names the cause of a failed call: deadline, memory cap, abort, builtin or trap.
    private func classify(_ error: WasmError, memoryBefore: Int, deadlineMilliseconds: Int,
                          memoryLimitBytes: Int) -> WasmPolicyFailure {
        var trap: WasmTrap?
        if case .trap(let raised) = error { trap = raised }
        var nested: WasmTrap?
        if case .nestedTrap(let raised)? = bridge.failure { nested = raised }
        if trap?.cause == .interrupt || nested?.cause == .interrupt {
            return .deadlineExceeded(milliseconds: deadlineMilliseconds)
        }
        // Growth past the cap fails silently inside wasm (memory.grow returns -1); what follows is
        // an out-of-bounds access or an allocator's abort. Memory at the cap, or an abort saying
        // memory ran out, identifies it.
        let size = memory.byteCount(store.context)
        let atCap = size + WasmMemory.pageSize > memoryLimitBytes
        let outOfBounds = trap?.cause == .outOfBounds || nested?.cause == .outOfBounds
        if atCap && (size > memoryBefore || outOfBounds) {
            return .memoryLimitReached(bytes: memoryLimitBytes)
        }
        // One allocation larger than the room left is refused below the cap: OPA's allocator
        // then moves its heap pointer past the end of memory, and the next write traps.
        if outOfBounds, let heap = try? store.call(exports.heapPointerGet),
           OPAHostBridge.offset(heap) > size {
            return .memoryLimitReached(bytes: memoryLimitBytes)
        }
        if case .aborted(let message)? = bridge.failure, OPAPolicyInstance.reportsMemoryExhaustion(message) {
            return .memoryLimitReached(bytes: memoryLimitBytes)
        }
        switch bridge.failure {
        case .aborted(let message)?: return .aborted(message)
        case .builtin(let name, let message)?: return .builtinFailed(name: name, message: message)
        case .nestedTrap(let raised)?: return .trap(raised.summary)
        case nil: break
        }
        if let trap { return .trap(trap.summary) }
        return .evaluationFailed(error.description)
    }

    /// Whether an abort message says an allocation failed for lack of memory.
    static func reportsMemoryExhaustion(_ message: String) -> Bool {
        let lowered = message.lowercased()
        // "opa_malloc: failed" is what OPA's own allocator says when memory.grow is refused.
        return lowered.contains("out of memory") || lowered.contains("memory exhausted")
            || lowered.contains("opa_malloc: failed")
    }

    // MARK: - Set-up helpers

    private static func readABI(_ instance: WasmInstance, store: WasmStore) throws(WasmPolicyFailure) -> OPAABIVersion {
        let major: Int32?
        let minor: Int32?
        do {
            major = try instance.i32Global("opa_wasm_abi_version", in: store)
            minor = try instance.i32Global("opa_wasm_abi_minor_version", in: store)
        } catch {
            throw .missingExports(["\(error)"])
        }
        // Modules from before OPA 0.27 carry no version globals: they speak ABI 1.0.
        let abi = OPAABIVersion(major: major ?? 1, minor: major == nil ? 0 : (minor ?? 0))
        guard abi.major == 1 else { throw .unsupportedABI(major: abi.major, minor: abi.minor) }
        return abi
    }

    /// Calls an export returning a `{name: id}` object and decodes it.
    private static func readNameMap(_ function: WasmFunction, what: String, store: WasmStore, memory: WasmMemory,
                                    exports: OPAExports) throws(WasmPolicyFailure) -> [String: Int32] {
        let text: Int32
        do {
            let value = try store.call(function)
            text = try store.call(exports.jsonDump, value)
        } catch {
            throw .instantiationFailed("\(what): \(error)")
        }
        let parsed = memory.withCString(store.context, at: OPAHostBridge.offset(text), limit: Int.max) { bytes in
            Result { () throws(JSONParseError) -> JSONValue in try JSONValue.parse(bytes, limits: .lenient) }
        }
        guard case .success(.object(let fields))? = parsed else {
            throw .instantiationFailed("\(what) did not return a JSON object")
        }
        var map: [String: Int32] = [:]
        for (name, value) in fields {
            guard case .int(let id) = value, let id32 = Int32(exactly: id) else {
                throw .instantiationFailed("\(what) maps \(name) to a non-integer id")
            }
            map[name] = id32
        }
        return map
    }

    /// Parses the data document inside the instance; returns its address.
    private static func loadData(_ data: [UInt8], store: WasmStore, memory: WasmMemory,
                                 exports: OPAExports) throws(WasmPolicyFailure) -> Int32 {
        guard let length = Int32(exactly: data.count) else { throw .invalidData("\(data.count) bytes is too large") }
        do {
            let address = try store.call(exports.malloc, length)
            try memory.write(store.context, data, at: OPAHostBridge.offset(address))
            let value = try store.call(exports.jsonParse, address, length)
            guard value != 0 else { throw WasmPolicyFailure.invalidData("not valid JSON") }
            return value
        } catch let failure as WasmPolicyFailure {
            throw failure
        } catch let error as WasmError {
            if case .trap(let trap) = error {
                throw .invalidData("parsing \(data.count) bytes inside the policy failed (is the memory limit too small?): trap: \(trap.summary)")
            }
            throw .invalidData("loading failed: \(error)")
        } catch {
            throw .invalidData("loading failed: \(error)")
        }
    }

    /// A JSON value cut to 200 characters for messages.
    static func preview(_ value: JSONValue) -> String {
        let text = value.jsonString
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
