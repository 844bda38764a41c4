import Foundation

/// Finds the policies of one harness and reads their METADATA.
public enum PolicyDiscovery {
    /// Largest .rego file read, in bytes.
    public static let maxPolicyBytes = 4 << 20

    /// Reads every .rego file under `<policyDirectory>/policies/<harness>/` (recursively, sorted
    /// by path), returning the policies and warnings: a policy without routing is skipped with a
    /// warning naming the file. `system/` directories (the aggregator) and OPA test files
    /// (`*_test.rego`) are skipped. A missing harness directory gives no policies and a warning.
    public static func discover(policyDirectory: String, harness: String) throws(PolicyError) -> (policies: [PolicyInfo], warnings: [String]) {
        let base = policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
        let root = base + "/policies/" + harness
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], ["\(root): no policy directory for harness \"\(harness)\""])
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .unreadable(path: root, reason: "cannot list the directory")
        }
        var relativePaths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains("system") || components.contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.hasSuffix(".rego") && !relative.hasSuffix("_test.rego") {
                relativePaths.append(relative)
            }
        }
        var policies: [PolicyInfo] = []
        var warnings: [String] = []
        for relative in relativePaths.sorted() {
            let path = root + "/" + relative
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue else { continue }
            let info = try parseMetadata(source: try readSource(path), path: path)
            guard let routing = info.routing else {
                warnings.append("\(path): no custom.routing in a # METADATA block; policy skipped")
                continue
            }
            if routing.requiredEvents.isEmpty {
                warnings.append("\(path): custom.routing.required_events is empty; the policy will never run")
            }
            policies.append(info)
        }
        return (policies, warnings)
    }

    private static func readSource(_ path: String) throws(PolicyError) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? NSNumber, size.intValue > maxPolicyBytes {
            throw .unreadable(path: path, reason: "file of \(size.intValue) bytes is larger than the \(maxPolicyBytes)-byte limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads the package name and the first `# METADATA` block of a .rego source: `title`,
    /// `scope`, `custom.id`, `custom.severity`, `custom.routing.required_events/required_tools/required_signals`.
    /// A malformed block is an error naming `path` and the line in the .rego file.
    public static func parseMetadata(source: String, path: String) throws(PolicyError) -> PolicyInfo {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        guard let packageName = PolicyMetadata.packageName(in: lines) else {
            throw .missingPackage(path: path)
        }
        var info = PolicyInfo(path: path, packageName: packageName)
        guard let block = PolicyMetadata.firstBlock(in: lines) else { return info }
        let parsed: (value: JSONValue, locations: [String: YAMLLocation])
        do {
            parsed = try YAML.parseWithLocations(block.yaml, origin: path)
        } catch {
            let (line, column) = regoPosition(of: error.location, in: block)
            throw .malformedMetadata(path: path, line: line, column: column, message: error.message)
        }
        let reader = MetadataReader(path: path, block: block, locations: parsed.locations)
        try reader.fill(&info, from: parsed.value)
        return info
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

/// Checks the types of the METADATA fields Cupcake uses.
private struct MetadataReader {
    let path: String
    let block: PolicyMetadata.Block
    let locations: [String: YAMLLocation]

    func fail(_ keyPath: String, _ message: String) -> PolicyError {
        let (line, _) = locations[keyPath].map { PolicyDiscovery.regoPosition(of: $0, in: block) }
            ?? ((block.regoLines.first ?? 1) - 1, 0)
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
