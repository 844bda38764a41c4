import CWasmtime
import Glibc

/// A linear memory inside a store. Every access names the store (or, inside host functions, the
/// caller's context) and checks bounds.
package struct WasmMemory: Sendable {
    /// Bytes in one WebAssembly page.
    package static let pageSize = 65_536

    let raw: wasmtime_memory_t

    /// The current size in bytes.
    func byteCount(_ context: OpaquePointer) -> Int {
        withUnsafePointer(to: raw) { wasmtime_memory_data_size(context, $0) }
    }

    /// Grows the memory by `pages`, returning the previous size in pages.
    @discardableResult
    func grow(_ context: OpaquePointer, pages: UInt64) throws(WasmError) -> UInt64 {
        var previous: UInt64 = 0
        let error = withUnsafePointer(to: raw) { wasmtime_memory_grow(context, $0, pages, &previous) }
        if let error { throw .memoryGrowFailed(flattenedMessage(takeErrorMessage(error))) }
        return previous
    }

    /// Runs `body` over the whole memory. The buffer is valid only inside `body`, and `body`
    /// must not call into wasm (the memory could grow and move).
    func withBytes<T, E: Error>(_ context: OpaquePointer, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> T) throws(E) -> T {
        let (base, size) = withUnsafePointer(to: raw) { pointer in
            (wasmtime_memory_data(context, pointer), wasmtime_memory_data_size(context, pointer))
        }
        return try body(UnsafeMutableRawBufferPointer(start: base, count: base == nil ? 0 : size))
    }

    /// Copies `bytes` into memory at `offset`.
    func write(_ context: OpaquePointer, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(WasmError) {
        try withBytes(context) { (memory) throws(WasmError) in
            guard offset >= 0, bytes.count <= memory.count, offset <= memory.count - bytes.count else {
                throw .memoryOutOfBounds(offset: offset, length: bytes.count, memorySize: memory.count)
            }
            if bytes.count > 0, let source = bytes.baseAddress, let target = memory.baseAddress {
                memcpy(target + offset, source, bytes.count)
            }
        }
    }

    /// Copies an array into memory at `offset`.
    func write(_ context: OpaquePointer, _ bytes: [UInt8], at offset: Int) throws(WasmError) {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(WasmError) in try write(context, buffer, at: offset) }
        }
        try outcome.get()
    }

    /// Copies `length` bytes out of memory at `offset`.
    func read(_ context: OpaquePointer, at offset: Int, length: Int) throws(WasmError) -> [UInt8] {
        try withBytes(context) { (memory) throws(WasmError) -> [UInt8] in
            guard offset >= 0, length >= 0, length <= memory.count, offset <= memory.count - length else {
                throw .memoryOutOfBounds(offset: offset, length: length, memorySize: memory.count)
            }
            return Array(UnsafeRawBufferPointer(rebasing: memory[offset..<(offset + length)]))
        }
    }

    /// The bytes of the NUL-terminated string at `offset` (without the NUL), at most `limit` bytes
    /// long; nil if no NUL occurs within the limit or the memory.
    func withCString<T, E: Error>(_ context: OpaquePointer, at offset: Int, limit: Int,
                                          _ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T? {
        try withBytes(context) { (memory) throws(E) -> T? in
            guard offset >= 0, offset < memory.count, let base = memory.baseAddress else { return nil }
            let available = memory.count - offset
            let window = available > limit ? limit + 1 : available
            guard let nul = memchr(base + offset, 0, window) else { return nil }
            let length = UnsafeRawPointer(nul) - UnsafeRawPointer(base + offset)
            return try body(UnsafeRawBufferPointer(start: base + offset, count: length))
        }
    }

    // MARK: - Public access through a store

    /// The current size in bytes.
    package func byteCount(in store: WasmStore) -> Int {
        byteCount(store.context)
    }

    /// Grows the memory by `pages` (64 KiB each), returning the previous size in pages.
    @discardableResult
    package func grow(by pages: UInt64, in store: WasmStore) throws(WasmError) -> UInt64 {
        try grow(store.context, pages: pages)
    }

    /// Copies `bytes` into memory at `offset`; throws if they do not fit.
    package func write(_ bytes: [UInt8], at offset: Int, in store: WasmStore) throws(WasmError) {
        try write(store.context, bytes, at: offset)
    }

    /// Copies `length` bytes out of memory at `offset`; throws if they are not all inside.
    package func read(at offset: Int, length: Int, in store: WasmStore) throws(WasmError) -> [UInt8] {
        try read(store.context, at: offset, length: length)
    }

    /// The NUL-terminated string at `offset` (without the NUL), at most `limit` bytes long; nil
    /// if no NUL occurs within the limit or the memory.
    package func cString(at offset: Int, limit: Int, in store: WasmStore) -> [UInt8]? {
        withCString(store.context, at: offset, limit: limit) { Array($0) }
    }
}
