/// Finds the policies of one harness and reads their METADATA.
package enum PolicyDiscovery {
    /// Largest .rego file read, in bytes.
    package static let maxPolicyBytes = 4 << 20

    /// Reads every .rego file under `<policyDirectory>/policies/<harness>/` (recursively, sorted
    /// by path, following symbolic links: see `PolicyTreeWalk`), returning the policies and
    /// warnings. A policy without routing is skipped with a warning naming the file, and so is a
    /// file that cannot be read (permission denied, larger than `maxPolicyBytes`, ...); a malformed
    /// METADATA block is an error. `system/` directories (the aggregator), names starting with
    /// `.` and OPA test files (`*_test.rego`) are skipped. A missing harness directory gives no
    /// policies and a warning.
    package static func discover(policyDirectory: String, harness: String) throws(PolicyError) -> (policies: [PolicyInfo], warnings: [String]) {
        try discover(policyDirectory: policyDirectory, harness: harness, limits: PolicyWalkLimits())
    }

    static func discover(policyDirectory: String, harness: String, limits: PolicyWalkLimits = PolicyWalkLimits(),
                         maxBytes: Int = maxPolicyBytes, cacheDirectory: String? = nil) throws(PolicyError) -> (policies: [PolicyInfo], warnings: [String]) {
        let base = policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
        let root = base + "/policies/" + harness
        var (paths, warnings, identities) = try PolicyTreeWalk.regoFiles(under: root, harness: harness, limits: limits)
        var cache = DiscoveryCache(root: PathResolver.resolve(root, from: PathResolver.processDirectory()).path,
                                   cacheDirectory: cacheDirectory)
        var policies: [PolicyInfo] = []
        var kept: Set<String> = []
        kept.reserveCapacity(paths.count)
        for path in paths {
            let identity = identities[path]
            // Remembered under the path below the harness directory, so the directory may be
            // named any way (relative, absolute, through a link) and the cache still serves.
            let name = DiscoveryCache.name(of: path, under: root)
            kept.insert(name)
            let outcome: DiscoveryCache.Outcome
            if let identity, let known = cache.outcome(name, identity: identity.text) {
                outcome = known.placed(at: path)
            } else {
                outcome = try examine(path, maxBytes: maxBytes, identity: identity?.text ?? "")
                // A file without an identity, or changed too recently to trust one, is read every time.
                if let identity, identity.isSettled { cache.remember(name, outcome.named(name, from: path)) }
            }
            warnings += outcome.warnings
            if let policy = outcome.policy { policies.append(policy) }
        }
        cache.save(keeping: kept)
        return (policies, warnings)
    }

    /// Reads and parses one policy file: its policy, or nil and why it is skipped.
    static func examine(_ path: String, maxBytes: Int, identity: String) throws(PolicyError) -> DiscoveryCache.Outcome {
        let source: String
        switch BundleFileIO.read(path, limit: maxBytes) {
        case .success(let bytes):
            source = String(decoding: bytes, as: UTF8.self)
        case .failure(.tooLarge):
            return .init(identity: identity, policy: nil, warnings: ["\(path): larger than the \(maxBytes)-byte limit; skipped"])
        case .failure(let failure):
            return .init(identity: identity, policy: nil, warnings: ["\(path): cannot read the file (\(failure)); skipped"])
        }
        let info = try parseMetadata(source: source, path: path)
        guard let routing = info.routing else {
            return .init(identity: identity, policy: nil, warnings: ["\(path): no custom.routing in a # METADATA block; policy skipped"])
        }
        var warnings: [String] = []
        if routing.requiredEvents.isEmpty {
            warnings.append("\(path): custom.routing.required_events is empty; the policy will never run")
        }
        return .init(identity: identity, policy: info, warnings: warnings)
    }

    /// Reads the package name and the first `# METADATA` block of a .rego source: `title`,
    /// `scope`, `custom.id`, `custom.severity`, `custom.routing.required_events/required_tools/required_signals`.
    /// A malformed block is an error naming `path` and the line in the .rego file.
    package static func parseMetadata(source: String, path: String) throws(PolicyError) -> PolicyInfo {
        try parseLocatedMetadata(source: source, path: path).info
    }

    /// `parseMetadata` with where each thing is, for messages that name a line.
    static func parseLocatedMetadata(source: String, path: String) throws(PolicyError) -> LocatedMetadata {
        // Split on bytes: splitting a String on Character boundaries walks grapheme clusters and
        // cost most of discovery (a hook reads every policy file).
        let lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
            Substring(bytes.last == 0x0D ? bytes.dropLast() : bytes)
        }
        guard let package = PolicyMetadata.package(in: lines) else {
            throw .missingPackage(path: path)
        }
        var located = LocatedMetadata(info: PolicyInfo(path: path, packageName: package.name), packageLine: package.line)
        guard let block = PolicyMetadata.firstBlock(in: lines) else { return located }
        let parsed: (value: JSONValue, locations: [String: YAMLLocation])
        do {
            parsed = try YAML.parseWithLocations(block.yaml, origin: path)
        } catch {
            let (line, column) = regoPosition(of: error.location, in: block)
            throw .malformedMetadata(path: path, line: line, column: column, message: error.message)
        }
        let reader = MetadataReader(path: path, block: block, locations: parsed.locations)
        try reader.fill(&located.info, from: parsed.value)
        located.block = block
        located.locations = parsed.locations
        return located
    }

    /// Maps a location in the block's YAML to the .rego line and column.
    static func regoPosition(of location: YAMLLocation, in block: PolicyMetadata.Block) -> (line: Int, column: Int) {
        let index = location.line - 1
        guard block.regoLines.indices.contains(index) else {
            return ((block.regoLines.last ?? 0) + 1, 1)
        }
        return (block.regoLines[index], location.column + block.prefixWidths[index])
    }
}

/// A policy's METADATA with the .rego lines it came from.
struct LocatedMetadata {
    var info: PolicyInfo
    /// The line of the `package` declaration.
    var packageLine: Int
    /// The first `# METADATA` block; nil when the file has none.
    var block: PolicyMetadata.Block?
    /// Where each key path of the block is in its YAML ("custom.routing.required_events[0]").
    var locations: [String: YAMLLocation] = [:]

    /// The .rego line of a METADATA key path, else of its nearest parent that has one, else of
    /// the `# METADATA` marker (the package line without a block).
    func line(of keyPath: String) -> Int {
        guard let block else { return packageLine }
        var key = keyPath
        while true {
            if let location = locations[key] { return PolicyDiscovery.regoPosition(of: location, in: block).line }
            guard let cut = key.lastIndex(where: { $0 == "." || $0 == "[" }) else { return block.markerLine }
            key = String(key[..<cut])
        }
    }
}

/// Checks the types of the METADATA fields Cupcake uses.
private struct MetadataReader {
    let path: String
    let block: PolicyMetadata.Block
    let locations: [String: YAMLLocation]

    func fail(_ keyPath: String, _ message: String) -> PolicyError {
        let (line, _) = locations[keyPath].map { PolicyDiscovery.regoPosition(of: $0, in: block) }
            ?? (block.markerLine, 0)
        return .malformedMetadata(path: path, line: line, column: nil, message: "\(keyPath): \(message)")
    }

    func fill(_ info: inout PolicyInfo, from value: JSONValue) throws(PolicyError) {
        if value.isNull { return }
        guard let root = value.objectValue else {
            throw fail("(block)", "expected a mapping, got \(value.typeName)")
        }
        info.title = try string(root["title"], "title")
        info.scope = try string(root["scope"], "scope")
        guard let customValue = root["custom"], !customValue.isNull else { return }
        guard let custom = customValue.objectValue else {
            throw fail("custom", "expected a mapping, got \(customValue.typeName)")
        }
        info.id = try string(custom["id"], "custom.id")
        info.severity = try string(custom["severity"], "custom.severity")
        guard let routingValue = custom["routing"], !routingValue.isNull else { return }
        guard let routing = routingValue.objectValue else {
            throw fail("custom.routing", "expected a mapping with required_events, required_tools, required_signals, got \(routingValue.typeName)")
        }
        info.routing = PolicyRouting(
            requiredEvents: try strings(routing["required_events"], "custom.routing.required_events"),
            requiredTools: try strings(routing["required_tools"], "custom.routing.required_tools"),
            requiredSignals: try strings(routing["required_signals"], "custom.routing.required_signals"))
    }

    func string(_ value: JSONValue?, _ keyPath: String) throws(PolicyError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw fail(keyPath, "expected a string, got \(value.typeName) \(value)")
        }
        return text
    }

    func strings(_ value: JSONValue?, _ keyPath: String) throws(PolicyError) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            throw fail(keyPath, "expected a list of strings, got \(value.typeName) \(value)")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue, !text.isEmpty else {
                throw fail(keyPath, "expected a list of non-empty strings, got the element \(item)")
            }
            if !result.contains(text) { result.append(text) }
        }
        return result
    }
}
