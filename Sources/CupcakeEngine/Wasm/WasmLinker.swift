import CWasmtime

/// The shape of a host function over i32 values, as the shim calls it: `user` is the pointer given
/// at definition, `context` the calling store's context, `arguments` the i32 arguments; write the
/// result (if the function has one) to `result`, and return nil, or a trap made with
/// `cw_trap_from_message` to stop the wasm code.
package typealias WasmI32HostFunction = @convention(c) (
    _ user: UnsafeMutableRawPointer?,
    _ context: OpaquePointer?,
    _ arguments: UnsafePointer<Int32>?,
    _ argumentCount: Int,
    _ result: UnsafeMutablePointer<Int32>?
) -> OpaquePointer?

/// Resolves a module's imports by name and instantiates it. Used by one thread at a time.
package final class WasmLinker {
    /// Kept so that the engine outlives the linker.
    let engine: WasmEngine
    let raw: OpaquePointer

    /// Creates an empty linker for `engine`.
    package init(engine: WasmEngine) throws(WasmError) {
        guard let linker = wasmtime_linker_new(engine.raw) else {
            throw .engineUnavailable("wasmtime_linker_new returned nothing")
        }
        self.engine = engine
        raw = linker
    }

    deinit {
        wasmtime_linker_delete(raw)
    }

    /// Defines `module.name` as a host function of `parameters` i32 values returning one i32 when
    /// `returnsValue`. `user` is passed to every call and is not retained: it must outlive every
    /// store instantiated with this definition.
    package func defineFunction(module: String, name: String, parameters: Int, returnsValue: Bool,
                               user: UnsafeMutableRawPointer?, _ function: WasmI32HostFunction) throws(WasmError) {
        if let error = cw_linker_define_i32_func(raw, module, name, parameters, returnsValue, function, user) {
            throw .linkFailed("\(module).\(name): \(flattenedMessage(takeErrorMessage(error)))")
        }
    }

    /// Defines `module.name` as a memory of `store`.
    package func define(memory: WasmMemory, module: String, name: String, in store: WasmStore) throws(WasmError) {
        var item = wasmtime_extern_t()
        item.kind = wasmtime_extern_kind_t(WASMTIME_EXTERN_MEMORY)
        item.of.memory = memory.raw
        let error = module.withCString { modulePointer in
            name.withCString { namePointer in
                wasmtime_linker_define(raw, store.context, modulePointer, module.utf8.count,
                                       namePointer, name.utf8.count, &item)
            }
        }
        if let error { throw .linkFailed("\(module).\(name): \(flattenedMessage(takeErrorMessage(error)))") }
    }

    /// Instantiates `module` in `store`. A trap in the start function is thrown as `.trap`.
    package func instantiate(_ module: WasmModule, in store: WasmStore) throws(WasmError) -> WasmInstance {
        var instance = wasmtime_instance_t()
        var trap: OpaquePointer?
        if let error = wasmtime_linker_instantiate(raw, store.context, module.raw, &instance, &trap) {
            throw .instantiationFailed(flattenedMessage(takeErrorMessage(error)))
        }
        if let trap { throw .trap(takeTrap(trap)) }
        return WasmInstance(raw: instance)
    }
}
