import Glibc

/// Compiles each module once: per engine in memory, and across processes on disk as wasmtime's
/// serialized artifact, keyed by the wasm bytes themselves, the libwasmtime version and the
/// engine's code settings.
///
/// A cache entry holds a copy of the wasm bytes it was compiled from, compared byte for byte on
/// every hit (an exact identity, stronger than matching a digest and cheaper than computing
/// SHA-256 on each load), and an XXH64 checksum of the artifact. Everything is verified before the
/// artifact reaches `wasmtime_module_deserialize` (which trusts its input). Corrupt, truncated or
/// mismatched files are ignored, removed and rebuilt.
package struct WasmModuleCache: Sendable, Hashable {
    /// The directory holding cache files; nil turns the disk cache off.
    package var directory: String?

    /// A cache in `directory` (nil: in-process only).
    package init(directory: String?) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/cupcake/wasm`, else `$HOME/.cache/cupcake/wasm`; nil when neither is set.
    package static var standard: WasmModuleCache {
        WasmModuleCache(directory: standardDirectory(environment: { name in
            getenv(name).map { String(cString: $0) }
        }))
    }

    /// No disk cache: modules are compiled once per process and engine.
    package static let memoryOnly = WasmModuleCache(directory: nil)

    /// The standard directory given an environment lookup.
    static func standardDirectory(environment: (String) -> String?) -> String? {
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            return xdg + "/cupcake/wasm"
        }
        if let home = environment("HOME"), !home.isEmpty {
            return home + "/.cache/cupcake/wasm"
        }
        return nil
    }

    /// The compiled module for `wasm`, from memory, disk or a fresh compilation, with figures.
    package func module(for wasm: [UInt8], engine: WasmEngine) throws(WasmError) -> (WasmModule, WasmLoadStats) {
        let start = MonotonicClock.nanoseconds()
        let key = CacheKey(wasm: wasm, engine: engine)
        if let module = engine.cachedModule(key) {
            return (module, WasmLoadStats(source: .memory, compileMilliseconds: 0, deserializeMilliseconds: 0,
                                          totalMilliseconds: MonotonicClock.millisecondsSince(start)))
        }

        var note: String?
        if let directory {
            let path = "\(directory)/\(key.fileName)"
            let readStart = MonotonicClock.nanoseconds()
            switch CacheEntry.read(path: path, key: key, engine: engine) {
            case .success(let module):
                let module = engine.remember(module, key: key)
                return (module, WasmLoadStats(source: .disk, compileMilliseconds: 0,
                                              deserializeMilliseconds: MonotonicClock.millisecondsSince(readStart),
                                              totalMilliseconds: MonotonicClock.millisecondsSince(start)))
            case .failure(let problem):
                if problem != .absent {
                    CacheFileIO.remove(path)
                    note = problem.description
                }
            }
        }

        let compileStart = MonotonicClock.nanoseconds()
        let compiled = try WasmModule.compile(wasm, engine: engine)
        let compileMilliseconds = MonotonicClock.millisecondsSince(compileStart)
        if let directory {
            do {
                let artifact = try compiled.serialize()
                if let problem = CacheEntry.write(artifact: artifact, key: key,
                                                  path: "\(directory)/\(key.fileName)", directory: directory) {
                    note = problem.description
                }
            } catch {
                note = String(describing: error)
            }
        }
        let module = engine.remember(compiled, key: key)
        return (module, WasmLoadStats(source: .compiled, compileMilliseconds: compileMilliseconds, deserializeMilliseconds: 0,
                                      totalMilliseconds: MonotonicClock.millisecondsSince(start), cacheNote: note))
    }
}

/// What a cached module is keyed by: its exact wasm bytes and the settings its code depends on.
struct CacheKey {
    /// The module bytes (compared in full on every hit).
    let wasm: [UInt8]
    /// Library version, code settings and architecture, stored in the file and compared on read.
    let settings: [UInt8]
    /// A short name derived from both; a collision only costs a rebuild, never a wrong module.
    let fileName: String

    /// The XXH64 of the wasm bytes (part of the file name, and what a bundle index records).
    let wasmHash: UInt64

    init(wasm: [UInt8], engine: WasmEngine) {
        self.wasm = wasm
        settings = Self.settings(engine)
        wasmHash = wasm.withUnsafeBytes { ModuleDigest.xxh64($0) }
        fileName = Self.fileName(wasmHash: wasmHash, wasmSize: wasm.count, settings: settings)
    }

    /// Library version, code settings and architecture.
    static func settings(_ engine: WasmEngine) -> [UInt8] {
        #if arch(x86_64)
        let architecture = "x86_64"
        #elseif arch(arm64)
        let architecture = "aarch64"
        #else
        let architecture = "other"
        #endif
        return Array("\(engine.cacheFingerprint);arch=\(architecture)".utf8)
    }

    static func fileName(wasmHash: UInt64, wasmSize: Int, settings: [UInt8]) -> String {
        let settingsHash = settings.withUnsafeBytes { ModuleDigest.xxh64($0) }
        return "\(hex(wasmHash))-\(String(wasmSize, radix: 16))-\(hex(settingsHash)).cwasm"
    }

    /// Whether `bytes` are exactly this key's wasm bytes.
    func matches(wasm bytes: UnsafeRawBufferPointer) -> Bool {
        wasm.withUnsafeBytes { own in
            guard own.count == bytes.count else { return false }
            guard let left = own.baseAddress, let right = bytes.baseAddress else { return own.count == 0 }
            return memcmp(left, right, own.count) == 0
        }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The cache file format (integers little-endian):
///
///     0   8  magic "CCWASM\r\n"
///     8   4  format version (2)
///     12  4  settings length S
///     16  8  wasm length W
///     24  8  artifact length N
///     32  8  XXH64 of the artifact
///     40  8  XXH64 of bytes 0..<40 followed by the settings
///     48  S  settings (UTF-8: library version, code settings, architecture)
///     48+S W  the wasm bytes the artifact was compiled from
///     ...  N  artifact (wasmtime_module_serialize output)
enum CacheEntry {
    static let magic: [UInt8] = Array("CCWASM\r\n".utf8)
    static let formatVersion: UInt32 = 2
    static let headerSize = 48

    /// Writes an entry atomically.
    static func write(artifact: [UInt8], key: CacheKey, path: String, directory: String) -> CacheFileProblem? {
        var header = magic
        append(&header, UInt64(formatVersion) | UInt64(key.settings.count) << 32)
        append(&header, UInt64(key.wasm.count))
        append(&header, UInt64(artifact.count))
        append(&header, artifact.withUnsafeBytes { ModuleDigest.xxh64($0) })
        append(&header, headerChecksum(header, key.settings))
        return header.withUnsafeBytes { headerBuffer in
            key.settings.withUnsafeBytes { settingsBuffer in
                key.wasm.withUnsafeBytes { wasmBuffer in
                    artifact.withUnsafeBytes { artifactBuffer in
                        CacheFileIO.writeAtomically([headerBuffer, settingsBuffer, wasmBuffer, artifactBuffer],
                                                    to: path, directory: directory)
                    }
                }
            }
        }
    }

    /// Reads, verifies and only then deserializes an entry.
    static func read(path: String, key: CacheKey, engine: WasmEngine) -> Result<WasmModule, CacheFileProblem> {
        read(path: path, settings: key.settings, engine: engine, acceptsWasm: key.matches(wasm:))
    }

    /// `read`, with the wasm the entry was compiled from checked by `acceptsWasm`; `verified`
    /// sees the artifact once it has passed every check.
    static func read(path: String, settings: [UInt8], engine: WasmEngine,
                     acceptsWasm: (UnsafeRawBufferPointer) -> Bool,
                     verified: (UnsafeRawBufferPointer) -> Void = { _ in }) -> Result<WasmModule, CacheFileProblem> {
        let bytes: [UInt8]
        switch CacheFileIO.read(path) {
        case .success(let contents): bytes = contents
        case .failure(let problem): return .failure(problem)
        }
        return bytes.withUnsafeBytes { file -> Result<WasmModule, CacheFileProblem> in
            guard file.count >= headerSize else { return .failure(.invalid("truncated header")) }
            guard file.starts(with: magic) else { return .failure(.invalid("not a Cupcake module cache file")) }
            let versionAndSettingsLength = load(file, 8)
            let version = UInt32(truncatingIfNeeded: versionAndSettingsLength)
            guard version == formatVersion else { return .failure(.invalid("format version \(version)")) }
            let header = Array(UnsafeRawBufferPointer(rebasing: file[0..<40]))
            let settingsLength = Int(versionAndSettingsLength >> 32)
            let wasmLength = load(file, 16)
            let artifactLength = load(file, 24)
            let available = UInt64(file.count - headerSize)
            guard UInt64(settingsLength) <= available, wasmLength <= available, artifactLength <= available,
                  UInt64(settingsLength) + wasmLength + artifactLength == available else {
                return .failure(.invalid("truncated or mismatched lengths"))
            }
            let settingsEnd = headerSize + settingsLength
            let wasmEnd = settingsEnd + Int(wasmLength)
            guard load(file, 40) == headerChecksum(header, Array(UnsafeRawBufferPointer(rebasing: file[headerSize..<settingsEnd]))) else {
                return .failure(.invalid("header checksum mismatch"))
            }
            guard UnsafeRawBufferPointer(rebasing: file[headerSize..<settingsEnd]).elementsEqual(settings) else {
                return .failure(.invalid("made by another library version or engine configuration"))
            }
            guard acceptsWasm(UnsafeRawBufferPointer(rebasing: file[settingsEnd..<wasmEnd])) else {
                return .failure(.invalid("compiled from other wasm bytes"))
            }
            let artifact = UnsafeRawBufferPointer(rebasing: file[wasmEnd...])
            guard ModuleDigest.xxh64(artifact) == load(file, 32) else { return .failure(.invalid("artifact checksum mismatch")) }
            verified(artifact)
            do {
                return .success(try WasmModule.deserializeVerified(artifact, engine: engine))
            } catch {
                return .failure(.invalid(String(describing: error)))
            }
        }
    }

    private static func headerChecksum(_ header: [UInt8], _ settings: [UInt8]) -> UInt64 {
        (header.prefix(40) + settings).withUnsafeBytes { ModuleDigest.xxh64($0, seed: 0x6375_7063_616b_6521) }
    }

    private static func append(_ bytes: inout [UInt8], _ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private static func load(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
