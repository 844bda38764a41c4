#if canImport(Glibc)
import Glibc
#endif

/// A bundle's compiled module found without reading the bundle: the cache remembers, per bundle
/// path, the bundle's `FileIdentity` when it was last read, the cache entry of its module and its
/// data document. A hook on an unchanged bundle then skips reading, inflating and hashing it.
///
/// Never stale: the index is used only when the bundle's identity (inode, size, modification
/// and status-change times) is the one recorded, which any change to the file alters; the entry
/// it names is verified as every entry is (format, settings, artifact checksum) and must hold
/// wasm bytes of the recorded size and XXH64. Anything else is a miss, and the bundle is read.
struct BundleIndexHit {
    let module: WasmModule
    let stats: WasmLoadStats
    let dataJSON: [UInt8]?
    let wasmSize: Int
}

extension WasmModuleCache {
    static let bundleIndexVersion: Int64 = 1

    private func indexLocation(bundle path: String) -> (directory: String, file: String)? {
        guard let directory else { return nil }
        let bundles = directory + "/bundles"
        return (bundles, CacheFileIO.recordPath(in: bundles, for: path))
    }

    /// The module of the bundle at `path` (whose identity is `identity`), if the index knows it.
    func moduleForBundle(at path: String, identity: FileIdentity, engine: WasmEngine) -> BundleIndexHit? {
        let start = MonotonicClock.nanoseconds()
        guard let directory, let location = indexLocation(bundle: path),
              let index = CacheFileIO.readRecord(location.file),
              index["version"]?.intValue == Self.bundleIndexVersion, index["bundle"]?.stringValue == path,
              index["identity"]?.stringValue == identity.text,
              let entry = index["entry"]?.stringValue, let hashText = index["wasm_xxh64"]?.stringValue,
              let wasmHash = UInt64(hashText, radix: 16), let size = index["wasm_size"]?.intValue, size >= 0 else { return nil }
        let settings = CacheKey.settings(engine)
        // The entry's name follows from what the index claims; a name pointing elsewhere is refused.
        guard entry == CacheKey.fileName(wasmHash: wasmHash, wasmSize: Int(size), settings: settings) else { return nil }
        let read = CacheEntry.read(path: "\(directory)/\(entry)", settings: settings, engine: engine) { wasm in
            wasm.count == Int(size) && ModuleDigest.xxh64(wasm) == wasmHash
        }
        guard case .success(let module) = read else { return nil }
        let milliseconds = MonotonicClock.millisecondsSince(start)
        let data = index["data"]?.stringValue.map { Array($0.utf8) }
        return BundleIndexHit(
            module: module,
            stats: WasmLoadStats(source: .bundleIndex, compileMilliseconds: 0, deserializeMilliseconds: milliseconds,
                                 totalMilliseconds: milliseconds),
            dataJSON: data, wasmSize: Int(size))
    }

    /// Records that the bundle at `path`, whose identity was `identity` before it was read, holds
    /// `module`, compiled from `wasm`, and the data document `dataJSON`; writes the module's cache
    /// entry too if it is not on disk (a module found in memory was never written). Best effort:
    /// a failure only costs the next hook a read of the bundle.
    func recordBundle(at path: String, identity: FileIdentity, wasm: [UInt8], module: WasmModule, dataJSON: [UInt8]?,
                      engine: WasmEngine) {
        // A bundle changed moments ago may change again within one timestamp: not recorded yet.
        guard identity.isSettled, let directory, let location = indexLocation(bundle: path) else { return }
        // The data document travels as text; one that is not UTF-8 is not indexed (read each time).
        if let dataJSON, String(validating: dataJSON, as: UTF8.self) == nil { return }
        let key = CacheKey(wasm: wasm, engine: engine)
        let entryPath = "\(directory)/\(key.fileName)"
        if access(entryPath, F_OK) != 0 {
            guard let artifact = try? module.serialize(),
                  CacheEntry.write(artifact: artifact, key: key, path: entryPath, directory: directory) == nil else { return }
        }
        let index: JSONValue = [
            "version": .int(Self.bundleIndexVersion), "bundle": .string(path), "identity": .string(identity.text),
            "entry": .string(key.fileName), "wasm_xxh64": .string(CacheKey.hex(key.wasmHash)), "wasm_size": .int(Int64(wasm.count)),
            "data": dataJSON.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null,
        ]
        CacheFileIO.writeRecord(index, to: location.file, directory: location.directory)
    }
}
