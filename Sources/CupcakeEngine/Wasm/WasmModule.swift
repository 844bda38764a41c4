import CWasmtime
import Glibc

/// A compiled WebAssembly module. Immutable and thread-safe; instantiate it in any number of stores
/// of the same engine.
///
/// `@unchecked Sendable`: wasmtime modules are immutable and safe to share between threads.
package final class WasmModule: @unchecked Sendable {
    /// The engine the module was compiled for.
    package let engine: WasmEngine
    let raw: OpaquePointer

    private init(engine: WasmEngine, raw: OpaquePointer) {
        self.engine = engine
        self.raw = raw
    }

    deinit {
        wasmtime_module_delete(raw)
    }

    /// Validates and compiles a binary module.
    package static func compile(_ bytes: [UInt8], engine: WasmEngine) throws(WasmError) -> WasmModule {
        try bytes.withUnsafeBufferPointer { (buffer) throws(WasmError) -> WasmModule in
            let base = buffer.baseAddress
            if let error = wasmtime_module_validate(engine.raw, base, buffer.count) {
                throw .invalidModule(flattenedMessage(takeErrorMessage(error)))
            }
            var module: OpaquePointer?
            if let error = wasmtime_module_new(engine.raw, base, buffer.count, &module) {
                throw .compilationFailed(takeErrorMessage(error))
            }
            guard let module else { throw .compilationFailed("wasmtime_module_new returned nothing") }
            return WasmModule(engine: engine, raw: module)
        }
    }

    /// Rebuilds a module from `serialize()` output of a compatible engine.
    ///
    /// The library trusts these bytes completely (they contain machine code): callers must only pass
    /// bytes they produced themselves and verified, such as `WasmModuleCache` entries whose checksum
    /// matched.
    static func deserializeVerified(_ bytes: UnsafeRawBufferPointer, engine: WasmEngine) throws(WasmError) -> WasmModule {
        var module: OpaquePointer?
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        if let error = wasmtime_module_deserialize(engine.raw, base, bytes.count, &module) {
            throw .deserializationFailed(takeErrorMessage(error))
        }
        guard let module else { throw .deserializationFailed("wasmtime_module_deserialize returned nothing") }
        return WasmModule(engine: engine, raw: module)
    }

    /// Maps a file holding exactly `serialize()` output of a compatible engine. Trusted as
    /// `deserializeVerified` trusts its bytes: only for files whose content was verified and whose
    /// identity has not changed since (see `WasmModuleCache.moduleForBundle`).
    static func deserializeVerifiedFile(_ path: String, engine: WasmEngine) throws(WasmError) -> WasmModule {
        var module: OpaquePointer?
        if let error = wasmtime_module_deserialize_file(engine.raw, path, &module) {
            throw .deserializationFailed(takeErrorMessage(error))
        }
        guard let module else { throw .deserializationFailed("wasmtime_module_deserialize_file returned nothing") }
        return WasmModule(engine: engine, raw: module)
    }

    /// Another `WasmModule` sharing the compiled code of `handle`.
    static func sharing(_ handle: CompiledModuleHandle, engine: WasmEngine) -> WasmModule? {
        guard let clone = wasmtime_module_clone(handle.raw) else { return nil }
        return WasmModule(engine: engine, raw: clone)
    }

    /// A handle to this module's compiled code that does not keep the engine alive (for the
    /// engine's own cache, which would otherwise form a reference cycle).
    func handle() -> CompiledModuleHandle? {
        wasmtime_module_clone(raw).map(CompiledModuleHandle.init)
    }

    /// The compiled artifact, loadable with the same library version and engine configuration.
    package func serialize() throws(WasmError) -> [UInt8] {
        var output = wasm_byte_vec_t(size: 0, data: nil)
        if let error = wasmtime_module_serialize(raw, &output) {
            throw .serializationFailed(takeErrorMessage(error))
        }
        defer { wasm_byte_vec_delete(&output) }
        guard let data = output.data, output.size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: output.size))
    }

    /// The imports the module declares, in declaration order.
    package var imports: [WasmImport] {
        var list = cw_imports_t()
        cw_module_imports(raw, &list)
        defer { cw_imports_free(&list) }
        guard let items = list.items else { return [] }
        return (0..<list.count).map { index in WasmImport(items[index]) }
    }
}

/// One import a module declares.
package struct WasmImport: Sendable, Hashable {
    /// What kind of item is imported.
    package enum Kind: Sendable, Hashable {
        case function, global, table, memory, tag, other
    }

    /// The module namespace, such as `env`.
    package var module: String
    /// The field name, such as `memory` or `opa_abort`.
    package var name: String
    /// The kind of item.
    package var kind: Kind
    /// For memories: the minimum size in 64 KiB pages.
    package var memoryMinimumPages: UInt64
    /// For memories: the declared maximum in pages, if any.
    package var memoryMaximumPages: UInt64?
    /// For memories: whether addresses are 64-bit.
    package var memoryIs64: Bool

    /// `module.name`, as messages show it.
    package var qualifiedName: String { "\(module).\(name)" }

    init(_ item: cw_import_t) {
        module = WasmImport.text(item.module, item.module_length)
        name = WasmImport.text(item.name, item.name_length)
        switch Int(item.kind) {
        case Int(WASM_EXTERN_FUNC): kind = .function
        case Int(WASM_EXTERN_GLOBAL): kind = .global
        case Int(WASM_EXTERN_TABLE): kind = .table
        case Int(WASM_EXTERN_MEMORY): kind = .memory
        case Int(WASM_EXTERN_TAG): kind = .tag
        default: kind = .other
        }
        memoryMinimumPages = item.memory_minimum
        memoryMaximumPages = item.memory_has_maximum ? item.memory_maximum : nil
        memoryIs64 = item.memory_is_64
    }

    private static func text(_ bytes: UnsafePointer<UInt8>?, _ length: Int) -> String {
        guard let bytes, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}

/// Translates WebAssembly text (WAT) into a binary module; used by tests and tools.
package func wasmBinary(fromText text: String) throws(WasmError) -> [UInt8] {
    var output = wasm_byte_vec_t(size: 0, data: nil)
    let error = text.withCString { pointer in
        wasmtime_wat2wasm(pointer, strlen(pointer), &output)
    }
    if let error { throw .invalidText(flattenedMessage(takeErrorMessage(error))) }
    defer { wasm_byte_vec_delete(&output) }
    guard let data = output.data, output.size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: output.size))
}

/// A raw module handle owned by an engine's in-process cache.
///
/// `@unchecked Sendable`: wasmtime modules are immutable and safe to share between threads.
final class CompiledModuleHandle: @unchecked Sendable {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    deinit {
        wasmtime_module_delete(raw)
    }
}
