import CWasmtime

/// A wasmtime store: the home of instances, memories and their state.
///
/// A store must never be used by two threads at once. `@unchecked Sendable` lets a pool hand a
/// store from one task to another; the pool guarantees exclusive use while it is checked out.
package final class WasmStore: @unchecked Sendable {
    /// The engine the store belongs to.
    package let engine: WasmEngine
    let raw: OpaquePointer
    let context: OpaquePointer

    /// Creates an empty store.
    package init(engine: WasmEngine) throws(WasmError) {
        guard let store = wasmtime_store_new(engine.raw, nil, nil) else {
            throw .engineUnavailable("wasmtime_store_new returned nothing")
        }
        guard let context = wasmtime_store_context(store) else {
            wasmtime_store_delete(store)
            throw .engineUnavailable("wasmtime_store_context returned nothing")
        }
        self.engine = engine
        self.raw = store
        self.context = context
        clearDeadline()
    }

    deinit {
        wasmtime_store_delete(raw)
    }

    /// Caps every linear memory of this store at `bytes` (growth past it fails inside wasm).
    package func limitMemory(bytes: Int) {
        wasmtime_store_limiter(raw, Int64(bytes), -1, -1, -1, -1)
    }

    /// Lets wasm run for about `milliseconds` from now (whole epoch ticks), then trap. The epoch
    /// only advances inside `withEpochTicking`, so make the calls there.
    package func setDeadline(milliseconds: Int) {
        wasmtime_context_set_epoch_deadline(context, engine.deadlineTicks(milliseconds: milliseconds))
    }

    /// Lets wasm run without a deadline (epoch interruption is always on, and a store's initial
    /// deadline would trap at once).
    package func clearDeadline() {
        wasmtime_context_set_epoch_deadline(context, 1 << 48)
    }

    /// Creates a linear memory of 32-bit addresses, sizes in 64 KiB pages.
    package func createMemory(minimumPages: UInt64, maximumPages: UInt64?) throws(WasmError) -> WasmMemory {
        var type: OpaquePointer?
        if let error = wasmtime_memorytype_new(minimumPages, maximumPages != nil, maximumPages ?? 0, false, false, 16, &type) {
            throw .instantiationFailed("memory type: \(flattenedMessage(takeErrorMessage(error)))")
        }
        guard let type else { throw .instantiationFailed("memory type: wasmtime_memorytype_new returned nothing") }
        defer { wasm_memorytype_delete(type) }
        var memory = wasmtime_memory_t()
        if let error = wasmtime_memory_new(context, type, &memory) {
            throw .instantiationFailed("memory: \(flattenedMessage(takeErrorMessage(error)))")
        }
        return WasmMemory(raw: memory)
    }

    /// Runs `body` between the ticker's enter and leave, so that epoch deadlines can fire; throws
    /// `unavailable` instead when the ticker cannot run (wasm must not run without a deadline).
    @inline(__always)
    package func withEpochTicking<T, E: Error>(unavailable: @autoclosure () -> E, _ body: () throws(E) -> T) throws(E) -> T {
        guard engine.ticker.enter() else { throw unavailable() }
        defer { engine.ticker.leave() }
        return try body()
    }

    /// Calls a function whose i32 signature was verified (see `WasmInstance.function`).
    /// Returns its result, or 0 for functions without one.
    @inline(__always)
    package func call(_ function: WasmFunction, _ arguments: UnsafeBufferPointer<Int32>) throws(WasmError) -> Int32 {
        try callI32(context, function, arguments)
    }

    /// Calls a verified i32 function with the given arguments (at most 7).
    package func call(_ function: WasmFunction, _ arguments: Int32...) throws(WasmError) -> Int32 {
        guard arguments.count <= 7 else { throw .callFailed("at most 7 arguments are supported") }
        let slots: [Int32] = arguments + Array(repeating: 0, count: 7 - arguments.count)
        return try callI32(context, function, slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6])
    }
}

/// A store's context as seen from inside a host function call (valid only during that call).
struct WasmCallerContext {
    let raw: OpaquePointer

    /// Calls a verified i32 function re-entrantly from a host function; unused slots are ignored.
    func call(_ function: WasmFunction, _ a0: Int32 = 0, _ a1: Int32 = 0, _ a2: Int32 = 0) throws(WasmError) -> Int32 {
        try callI32(raw, function, a0, a1, a2)
    }
}

/// An exported function whose signature (i32 parameters, at most one i32 result) was verified.
package struct WasmFunction: Sendable {
    let raw: wasmtime_func_t
    /// The number of i32 parameters.
    package let parameterCount: Int
    /// Whether it returns one i32.
    package let hasResult: Bool
}

/// Calls a verified i32 function through the shim's unchecked path (the signature check done when
/// the `WasmFunction` was made is what makes the unchecked call safe).
@inline(__always)
func callI32(_ context: OpaquePointer, _ function: WasmFunction, _ arguments: UnsafeBufferPointer<Int32>) throws(WasmError) -> Int32 {
    guard arguments.count == function.parameterCount else {
        throw .callFailed("expected \(function.parameterCount) arguments, got \(arguments.count)")
    }
    var raw = function.raw
    var result: Int32 = 0
    var trap: OpaquePointer?
    let error: OpaquePointer?
    if function.hasResult {
        error = cw_call_i32(context, &raw, arguments.baseAddress, arguments.count, &result, &trap)
    } else {
        error = cw_call_i32(context, &raw, arguments.baseAddress, arguments.count, nil, &trap)
    }
    if let error { throw .callFailed(flattenedMessage(takeErrorMessage(error))) }
    if let trap { throw .trap(takeTrap(trap)) }
    return result
}

/// Calls a verified i32 function with its arguments in fixed slots (only the first
/// `function.parameterCount` are passed), without allocating.
@inline(__always)
func callI32(_ context: OpaquePointer, _ function: WasmFunction, _ a0: Int32 = 0, _ a1: Int32 = 0, _ a2: Int32 = 0,
             _ a3: Int32 = 0, _ a4: Int32 = 0, _ a5: Int32 = 0, _ a6: Int32 = 0) throws(WasmError) -> Int32 {
    var slots = (a0, a1, a2, a3, a4, a5, a6)
    let outcome = withUnsafePointer(to: &slots) { tuple -> Result<Int32, WasmError> in
        // A homogeneous tuple is laid out like an array of its element type.
        let first = UnsafeRawPointer(tuple).assumingMemoryBound(to: Int32.self)
        let count = min(function.parameterCount, 7)
        return Result { () throws(WasmError) -> Int32 in try callI32(context, function, UnsafeBufferPointer(start: first, count: count)) }
    }
    return try outcome.get()
}
