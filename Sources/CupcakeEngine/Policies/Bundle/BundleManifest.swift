/// The parts of OPA's `.manifest` the loader uses: `wasm[].entrypoint` and `wasm[].module`.
///
/// Shape checked: a JSON object; `revision` a string, `roots` an array of strings, `wasm` an array
/// of objects with string `entrypoint` and `module` (null counts as absent, as in OPA's Go decoder).
/// Other fields are ignored.
enum BundleManifest {
    struct Parsed: Equatable {
        var entrypoints: [String]
        /// The one module the entrypoints live in; nil when `wasm` is absent or empty.
        var module: String?
    }

    static func parse(_ bytes: [UInt8], origin: String) throws(BundleError) -> Parsed {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .badManifest(path: origin, reason: "not valid JSON: \(error)")
        }
        func bad(_ reason: String) -> BundleError { .badManifest(path: origin, reason: reason) }
        guard case .object(let fields) = value else { throw bad("must be a JSON object") }
        if let revision = fields["revision"], !isNull(revision) {
            guard case .string = revision else { throw bad("field \"revision\" must be a string") }
        }
        if let roots = fields["roots"], !isNull(roots) {
            guard case .array(let items) = roots, items.allSatisfy({ if case .string = $0 { true } else { false } })
            else { throw bad("field \"roots\" must be an array of strings") }
        }
        guard let wasm = fields["wasm"], !isNull(wasm) else { return Parsed(entrypoints: [], module: nil) }
        guard case .array(let resolvers) = wasm else { throw bad("field \"wasm\" must be an array") }
        var entrypoints: [String] = []
        var modules: [String] = []
        for (i, resolver) in resolvers.enumerated() {
            guard case .object(let r) = resolver else { throw bad("field \"wasm[\(i)]\" must be an object") }
            guard case .string(let entrypoint)? = r["entrypoint"] else {
                throw bad("field \"wasm[\(i)].entrypoint\" must be a string")
            }
            guard case .string(let module)? = r["module"], !module.isEmpty else {
                throw bad("field \"wasm[\(i)].module\" must be a non-empty string")
            }
            entrypoints.append(entrypoint)
            if !modules.contains(module) { modules.append(module) }
        }
        if modules.count > 1 {
            throw bad("field \"wasm\" names several modules (\(modules.joined(separator: ", "))); one is supported")
        }
        return Parsed(entrypoints: entrypoints, module: modules.first)
    }

    private static func isNull(_ v: JSONValue) -> Bool {
        if case .null = v { return true }
        return false
    }
}
