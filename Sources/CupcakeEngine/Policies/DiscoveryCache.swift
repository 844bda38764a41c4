/// What discovery found in each policy file, remembered across hooks by the file's identity, so
/// a hook reads and parses only the files that changed (the directory is still walked, and every
/// file stat-ed, each time: a new, removed or edited file is always seen). Stored as one JSON
/// file per policy root in the cache directory; unreadable or foreign content is ignored and
/// rewritten. Parse errors are not remembered: a broken file fails every load until fixed.
struct DiscoveryCache {
    static let version: Int64 = 1

    /// What one file gave: its policy (nil if skipped) and its warnings.
    struct Outcome: Equatable {
        var identity: String
        var policy: PolicyInfo?
        var warnings: [String]
    }

    let file: String?
    let directory: String?
    let root: String
    private(set) var outcomes: [String: Outcome]
    private(set) var changed = false

    /// The cache of `root` (an absolute policy root) under `cacheDirectory`, nil for none.
    init(root: String, cacheDirectory: String?) {
        self.root = root
        guard let cacheDirectory else {
            (file, directory, outcomes) = (nil, nil, [:])
            return
        }
        let directory = cacheDirectory + "/discovery"
        let file = CacheFileIO.recordPath(in: directory, for: root)
        (self.directory, self.file) = (directory, file)
        outcomes = [:]
        if let value = CacheFileIO.readRecord(file), value["version"]?.intValue == Self.version, value["root"]?.stringValue == root,
           let files = value["files"]?.objectValue {
            for (path, entry) in files {
                if let outcome = Self.decode(entry) { outcomes[path] = outcome }
            }
        }
    }

    /// The remembered outcome of `path`, if its identity is still `identity`.
    func outcome(_ path: String, identity: String) -> Outcome? {
        guard let outcome = outcomes[path], outcome.identity == identity else { return nil }
        return outcome
    }

    mutating func remember(_ path: String, _ outcome: Outcome) {
        if outcomes[path] != outcome {
            outcomes[path] = outcome
            changed = true
        }
    }

    /// Drops files no longer found and writes the cache if anything changed.
    mutating func save(keeping paths: Set<String>) {
        for path in outcomes.keys where !paths.contains(path) {
            outcomes[path] = nil
            changed = true
        }
        guard changed, let file, let directory else { return }
        var files: [String: JSONValue] = [:]
        for (path, outcome) in outcomes { files[path] = Self.encode(outcome) }
        let value: JSONValue = ["version": .int(Self.version), "root": .string(root), "files": .object(files)]
        CacheFileIO.writeRecord(value, to: file, directory: directory)
        changed = false
    }

    static func encode(_ outcome: Outcome) -> JSONValue {
        var entry: [String: JSONValue] = [
            "identity": .string(outcome.identity), "warnings": .array(outcome.warnings.map(JSONValue.string)),
        ]
        if let policy = outcome.policy {
            var info: [String: JSONValue] = ["path": .string(policy.path), "package": .string(policy.packageName)]
            if let title = policy.title { info["title"] = .string(title) }
            if let id = policy.id { info["id"] = .string(id) }
            if let severity = policy.severity { info["severity"] = .string(severity) }
            if let scope = policy.scope { info["scope"] = .string(scope) }
            if let routing = policy.routing {
                info["routing"] = [
                    "events": .array(routing.requiredEvents.map(JSONValue.string)),
                    "tools": .array(routing.requiredTools.map(JSONValue.string)),
                    "signals": .array(routing.requiredSignals.map(JSONValue.string)),
                ]
            }
            entry["policy"] = .object(info)
        }
        return .object(entry)
    }

    static func decode(_ entry: JSONValue) -> Outcome? {
        guard let identity = entry["identity"]?.stringValue, let warnings = strings(entry["warnings"]) else { return nil }
        guard let info = entry["policy"], !info.isNull else { return Outcome(identity: identity, policy: nil, warnings: warnings) }
        guard let path = info["path"]?.stringValue, let package = info["package"]?.stringValue else { return nil }
        var policy = PolicyInfo(path: path, packageName: package, title: info["title"]?.stringValue, id: info["id"]?.stringValue,
                                severity: info["severity"]?.stringValue, scope: info["scope"]?.stringValue)
        if let routing = info["routing"], !routing.isNull {
            guard let events = strings(routing["events"]), let tools = strings(routing["tools"]),
                  let signals = strings(routing["signals"]) else { return nil }
            policy.routing = PolicyRouting(requiredEvents: events, requiredTools: tools, requiredSignals: signals)
        }
        return Outcome(identity: identity, policy: policy, warnings: warnings)
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let array = value?.arrayValue else { return nil }
        let texts = array.compactMap(\.stringValue)
        return texts.count == array.count ? texts : nil
    }
}
