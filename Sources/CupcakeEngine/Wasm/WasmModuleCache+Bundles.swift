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
///
/// The mapped image: beside the entry, the cache keeps the bare artifact (`<entry>.image`), which
/// wasmtime maps instead of the hook reading, hashing and copying ~1 MB (code pages then load
/// only as they run). It is trusted the way the bundle is: once its bytes were found equal to a
/// verified entry's artifact while the file had settled, its identity goes into the index, and
/// from then on an equal identity lets it be mapped unread. Any other state (missing, changed,
/// unsettled) takes the verified path above, which also writes or re-checks the image.
struct BundleIndexHit {
    let module: WasmModule
    let stats: WasmLoadStats
    let dataJSON: [UInt8]?
    let wasmSize: Int
    /// What the module's first instance learned when the bundle was indexed, if recorded: with
    /// it, instantiation can wait for the first evaluation.
    let facts: OPAModuleFacts?
}

extension WasmModuleCache {
    static let bundleIndexVersion: Int64 = 2

    private func indexLocation(bundle path: String) -> (directory: String, file: String)? {
        guard let directory else { return nil }
        let bundles = directory + "/bundles"
        return (bundles, CacheFileIO.recordPath(in: bundles, for: path))
    }

    /// The module of the bundle at `path` (whose identity is `identity`), if the index knows it.
    func moduleForBundle(at path: String, identity: FileIdentity, engine: WasmEngine) -> BundleIndexHit? {
        let start = MonotonicClock.nanoseconds()
        guard let directory, let location = indexLocation(bundle: path),
              case .object(var index)? = CacheFileIO.readRecord(location.file),
              index["version"]?.intValue == Self.bundleIndexVersion, index["bundle"]?.stringValue == path,
              index["identity"]?.stringValue == identity.text,
              let entry = index["entry"]?.stringValue, let hashText = index["wasm_xxh64"]?.stringValue,
              let wasmHash = UInt64(hashText, radix: 16), let size = index["wasm_size"]?.intValue, size >= 0 else { return nil }
        let settings = CacheKey.settings(engine)
        // The entry's name follows from what the index claims; a name pointing elsewhere is refused.
        guard entry == CacheKey.fileName(wasmHash: wasmHash, wasmSize: Int(size), settings: settings) else { return nil }
        let entryPath = "\(directory)/\(entry)"
        let imagePath = entryPath + ".image"
        let data = index["data"]?.stringValue.map { Array($0.utf8) }
        func hit(_ module: WasmModule, _ source: WasmModuleSource) -> BundleIndexHit {
            let milliseconds = MonotonicClock.millisecondsSince(start)
            return BundleIndexHit(
                module: module,
                stats: WasmLoadStats(source: source, compileMilliseconds: 0, deserializeMilliseconds: milliseconds,
                                     totalMilliseconds: milliseconds),
                dataJSON: data, wasmSize: Int(size), facts: index["facts"].flatMap(OPAModuleFacts.init(json:)))
        }
        if let trusted = index["image_identity"]?.stringValue, FileIdentity(path: imagePath)?.text == trusted,
           let module = try? WasmModule.deserializeVerifiedFile(imagePath, engine: engine) {
            return hit(module, .mappedImage)
        }
        var imageTrusted: String?
        let read = CacheEntry.read(path: entryPath, settings: settings, engine: engine) { wasm in
            wasm.count == Int(size) && ModuleDigest.xxh64(wasm) == wasmHash
        } verified: { artifact in
            imageTrusted = Self.checkImage(at: imagePath, against: artifact, directory: directory)
        }
        guard case .success(let module) = read else { return nil }
        if let imageTrusted {
            index["image_identity"] = .string(imageTrusted)
            CacheFileIO.writeRecord(.object(index), to: location.file, directory: location.directory)
        }
        return hit(module, .bundleIndex)
    }

    /// The image beside a verified entry: written when missing, removed when it differs from
    /// `artifact`, and its identity returned when it holds exactly `artifact` and has settled.
    private static func checkImage(at path: String, against artifact: UnsafeRawBufferPointer, directory: String) -> String? {
        guard let identity = FileIdentity(path: path) else {
            _ = CacheFileIO.writeAtomically([artifact], to: path, directory: directory)
            return nil
        }
        guard identity.isSettled else { return nil }
        guard case .success(let bytes) = CacheFileIO.read(path),
              bytes.withUnsafeBytes({ $0.elementsEqual(artifact) }),
              FileIdentity(path: path) == identity else {
            CacheFileIO.remove(path)
            return nil
        }
        return identity.text
    }

    /// Records that the bundle at `path`, whose identity was `identity` before it was read, holds
    /// `module`, compiled from `wasm`, with `facts`, and the data document `dataJSON`; writes the module's cache
    /// entry too if it is not on disk (a module found in memory was never written). Best effort:
    /// a failure only costs the next hook a read of the bundle.
    func recordBundle(at path: String, identity: FileIdentity, wasm: [UInt8], module: WasmModule, dataJSON: [UInt8]?,
                      facts: OPAModuleFacts?, engine: WasmEngine) {
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
            "facts": facts?.json ?? .null,
        ]
        CacheFileIO.writeRecord(index, to: location.file, directory: location.directory)
    }
}
