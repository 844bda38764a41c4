/// The raw files of a bundle, however it was stored (archive, directory, bare module), and the
/// checks that turn them into a `PolicyBundle`.
struct BundleSource {
    var origin: String
    /// `.manifest` bytes at the bundle root, if present.
    var manifest: [UInt8]?
    /// `data.json` bytes at the bundle root, if present.
    var dataJSON: [UInt8]?
    /// How messages name the data file.
    var dataJSONName = "data.json"
    /// `.rego` files: normalized path and bytes.
    var regoFiles: [(path: String, bytes: [UInt8])]
    /// Reads the member at a normalized path; nil if there is none.
    var readMember: (String) throws(BundleError) -> [UInt8]?

    /// Validates the files and builds the bundle.
    func assemble() throws(BundleError) -> PolicyBundle {
        var entrypoints: [String] = []
        var module = "policy.wasm"
        if let manifest {
            let parsed = try BundleManifest.parse(manifest, origin: origin)
            entrypoints = parsed.entrypoints
            if let named = parsed.module {
                guard let normalized = BundleMemberPath.normalize(named) else {
                    throw .pathTraversal(path: origin, member: named)
                }
                module = normalized
            }
        }
        guard let wasm = try readMember(module) else { throw .noPolicyWasm(path: origin, member: module) }
        guard PolicyBundle.isWasmModule(wasm) else { throw .notWasm(path: origin, member: module) }
        if let dataJSON {
            do {
                // The bundle limits already bound the size; JSON's own size cap must not be lower.
                let jsonLimits = JSONLimits(maxBytes: max(JSONLimits().maxBytes, dataJSON.count))
                _ = try JSONValue.parse(dataJSON, limits: jsonLimits)
            } catch {
                throw .badDataJSON(path: origin, member: dataJSONName, reason: "\(error)")
            }
        }
        var sources: [String: String] = [:]
        for file in regoFiles {
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                throw .badRegoSource(path: origin, member: file.path)
            }
            sources[file.path] = text
        }
        return PolicyBundle(origin: origin, wasm: wasm, dataJSON: dataJSON, entrypoints: entrypoints,
                            regoSources: sources)
    }
}
