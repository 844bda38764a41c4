import CWasmtime

/// An instantiated module inside a store. Exports are looked up through the store's context.
package struct WasmInstance: Sendable {
    let raw: wasmtime_instance_t

    /// The export `name`, if any.
    func export(_ name: String, in store: WasmStore) -> wasmtime_extern_t? {
        var item = wasmtime_extern_t()
        let found = withUnsafePointer(to: raw) { instance in
            name.withCString { pointer in
                wasmtime_instance_export_get(store.context, instance, pointer, name.utf8.count, &item)
            }
        }
        return found ? item : nil
    }

    /// The exported function `name`, verified to take `parameters` i32 values and return one i32
    /// when `returnsValue` (nothing otherwise); nil if there is no such export.
    package func function(_ name: String, parameters: Int, returnsValue: Bool, in store: WasmStore) throws(WasmError) -> WasmFunction? {
        guard let item = export(name, in: store) else { return nil }
        guard item.kind == WASMTIME_EXTERN_FUNC else {
            throw .signatureMismatch(name: name, expected: "function")
        }
        var raw = item.of.func
        guard cw_func_has_i32_signature(store.context, &raw, parameters, returnsValue ? 1 : 0) else {
            let params = Array(repeating: "i32", count: parameters).joined(separator: ", ")
            throw .signatureMismatch(name: name, expected: "(\(params)) -> \(returnsValue ? "i32" : "()")")
        }
        return WasmFunction(raw: raw, parameterCount: parameters, hasResult: returnsValue)
    }

    /// The value of the exported i32 global `name`; nil if there is no such export.
    package func i32Global(_ name: String, in store: WasmStore) throws(WasmError) -> Int32? {
        guard let item = export(name, in: store) else { return nil }
        guard item.kind == WASMTIME_EXTERN_GLOBAL else {
            throw .signatureMismatch(name: name, expected: "i32 global")
        }
        var global = item.of.global
        var value: Int32 = 0
        guard cw_global_get_i32(store.context, &global, &value) else {
            throw .signatureMismatch(name: name, expected: "i32 global")
        }
        return value
    }

    /// The exported memory `name`; nil if there is no such export.
    package func memory(_ name: String, in store: WasmStore) throws(WasmError) -> WasmMemory? {
        guard let item = export(name, in: store) else { return nil }
        guard item.kind == WASMTIME_EXTERN_MEMORY else {
            throw .signatureMismatch(name: name, expected: "memory")
        }
        return WasmMemory(raw: item.of.memory)
    }
}
