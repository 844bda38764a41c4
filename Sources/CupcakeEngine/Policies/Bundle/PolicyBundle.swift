/// A compiled OPA policy bundle: the WebAssembly module, its data and entrypoints.
///
/// Loads what `opa build -t wasm -e cupcake/system/evaluate … -o bundle.tar.gz` writes (a gzip'd
/// tar with `/policy.wasm`, `/data.json`, `/.manifest` and the `.rego` sources), the same bundle
/// unpacked into a directory, or a bare `.wasm` file. Nothing is ever written to disk: archive
/// members are read in memory, so hostile names cannot escape, and are refused anyway.
package struct PolicyBundle: Sendable {
    /// Path the bundle came from, for messages.
    package var origin: String
    /// The policy module (`policy.wasm`, or the module the manifest names).
    package var wasm: [UInt8]
    /// `data.json` bytes, if present (validated as JSON, kept as bytes).
    package var dataJSON: [UInt8]?
    /// Entrypoints from `.manifest` `wasm[].entrypoint`, in order; empty without a manifest (the
    /// runtime then asks the module's own `entrypoints` export).
    package var entrypoints: [String]
    /// `.rego` members: path without leading "/" -> source text.
    package var regoSources: [String: String]

    /// A bundle from parts already in memory (e.g. a module compiled in-process).
    package init(
        origin: String, wasm: [UInt8], dataJSON: [UInt8]? = nil, entrypoints: [String] = [],
        regoSources: [String: String] = [:]
    ) {
        self.origin = origin
        self.wasm = wasm
        self.dataJSON = dataJSON
        self.entrypoints = entrypoints
        self.regoSources = regoSources
    }

    /// Loads the bundle at `path`: a gzip'd tar (recognized by the gzip magic, whatever the name),
    /// a bare WebAssembly module with an optional `data.json` beside it, or an unpacked bundle
    /// directory (`policy.wasm`, optional `data.json` and `.manifest`, `.rego` files anywhere below).
    package static func load(path: String, limits: BundleLimits = BundleLimits()) throws(BundleError) -> PolicyBundle {
        switch BundleFileIO.kind(path, followLinks: true) {
        case .failure(let failure):
            throw fileError(failure, path: path, limit: 0)
        case .success(.missing):
            throw .notFound(path: path)
        case .success(.directory):
            return try BundleDirectory(root: path, limits: limits).load()
        case .success(.regular), .success(.symlink):
            break
        case .success(.other):
            throw .unreadable(path: path, reason: "not a regular file or directory")
        }
        let readLimit = max(limits.maxCompressedBytes, limits.maxUncompressedBytes)
        let bytes: [UInt8]
        switch BundleFileIO.read(path, limit: readLimit) {
        case .success(let b): bytes = b
        case .failure(let failure): throw fileError(failure, path: path, limit: readLimit)
        }
        if Gzip.hasMagic(bytes) {
            return try load(tarGz: bytes, origin: path, limits: limits)
        }
        if isWasmModule(bytes) || path.hasSuffix(".wasm") {
            return try loadBareModule(bytes, path: path, limits: limits)
        }
        throw .notGzip(path: path)
    }

    /// True when `bytes` starts with the WebAssembly magic `\0asm` and binary format version 1.
    static func isWasmModule(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
    }

    /// A bare module; `data.json` in the same directory, if there, comes with it.
    private static func loadBareModule(
        _ bytes: [UInt8], path: String, limits: BundleLimits
    ) throws(BundleError) -> PolicyBundle {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard bytes.count <= limits.maxUncompressedBytes else {
            throw .tooLarge(path: path, what: "module size", limit: limits.maxUncompressedBytes)
        }
        guard isWasmModule(bytes) else { throw .notWasm(path: path, member: name) }
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let dataPath = (directory.isEmpty ? "" : directory) + "/data.json"
        var data: [UInt8]?
        switch BundleFileIO.read(dataPath, limit: limits.maxUncompressedBytes) {
        case .success(let b): data = b
        case .failure(.missing): data = nil
        case .failure(let failure): throw fileError(failure, path: dataPath, limit: limits.maxUncompressedBytes)
        }
        var source = BundleSource(origin: path, manifest: nil, dataJSON: data, regoFiles: [],
                                  readMember: { (_: String) throws(BundleError) in bytes })
        source.dataJSONName = dataPath
        return try source.assemble()
    }

    static func fileError(_ failure: BundleFileIO.ReadFailure, path: String, limit: Int) -> BundleError {
        switch failure {
        case .missing: return .notFound(path: path)
        case .tooLarge: return .tooLarge(path: path, what: "file size", limit: limit)
        case .failed(let reason): return .unreadable(path: path, reason: reason)
        }
    }
}
