/// What discovery found in each policy file, remembered across hooks by the file's identity, so
/// a hook reads and parses only the files that changed (the directory is still walked, and every
/// file stat-ed, each time: a new, removed or edited file is always seen). Stored as one text file
/// per policy root in the cache directory, a line per file with tab-separated fields (parsed far
/// faster than JSON, which matters on a hook's cold path); unreadable or foreign content is
/// ignored and rewritten. Parse errors are not remembered: a broken file fails every load until
/// fixed.
struct DiscoveryCache {
    static let version = 3
    static let magic = "cupcake-discovery"

    /// What one file gave: its policy (nil if skipped) and its warnings.
    struct Outcome: Equatable {
        var identity: String
        var policy: PolicyInfo?
        var warnings: [String]

        /// As remembered: the policy's path and the warnings' leading path are the file's `name`
        /// below the harness directory (warnings keep the rest: `": no custom.routing…"`).
        func named(_ name: String, from path: String) -> Outcome {
            var outcome = self
            outcome.policy?.path = name
            outcome.warnings = warnings.map { $0.hasPrefix(path + ": ") ? String($0.dropFirst(path.utf8.count)) : $0 }
            return outcome
        }

        /// A remembered outcome for the file reached as `path`.
        func placed(at path: String) -> Outcome {
            var outcome = self
            outcome.policy?.path = path
            outcome.warnings = warnings.map { $0.hasPrefix(": ") ? path + $0 : $0 }
            return outcome
        }
    }

    /// `path` below the walk's `root` (`<root>/sub/p.rego` → `sub/p.rego`).
    static func name(of path: String, under root: String) -> String {
        let prefix = root.utf8.count + 1
        guard path.utf8.count > prefix, path.hasPrefix(root + "/") else { return path }
        return String(decoding: path.utf8.dropFirst(prefix), as: UTF8.self)
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
        if case .success(let bytes) = CacheFileIO.read(file) {
            outcomes = Self.decode(bytes, root: root) ?? [:]
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
        let bytes = Self.encode(outcomes, root: root)
        _ = bytes.withUnsafeBytes { CacheFileIO.writeAtomically([$0], to: file, directory: directory) }
        changed = false
    }

    // MARK: - The file format

    // Line 1: `cupcake-discovery <TAB> 3 <TAB> root`. Then one line per file:
    //   name (the path below root), identity, warnings (their leading path cut off), and for a
    //   policy: package, title, id, severity, scope, events, tools, signals (or `-` there when it
    //   has no routing).
    // A list is empty, or `+` and its items joined by U+001F; an absent optional is `-`, a
    // present one starts with `=`.
    // Backslash, tab, newline, carriage return and U+001F are escaped (\\, \t, \n, \r, \u).

    private static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, unit: UInt8 = 0x1F, backslash: UInt8 = 0x5C

    static func encode(_ outcomes: [String: Outcome], root: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(outcomes.count * 160)
        func field(_ text: String) {
            for byte in text.utf8 {
                switch byte {
                case backslash: out += [backslash, backslash]
                case tab: out += [backslash, 0x74]
                case newline: out += [backslash, 0x6E]
                case 0x0D: out += [backslash, 0x72]
                case unit: out += [backslash, 0x75]
                default: out.append(byte)
                }
            }
        }
        func optional(_ text: String?) {
            out.append(tab)
            if let text {
                out.append(0x3D)
                field(text)
            } else {
                out.append(0x2D)
            }
        }
        func list(_ items: [String]) {
            out.append(tab)
            // `+` marks a list that is not empty, so [""] and [] differ.
            if !items.isEmpty { out.append(0x2B) }
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(unit) }
                field(item)
            }
        }
        field(magic)
        out.append(tab)
        field(String(version))
        out.append(tab)
        field(root)
        out.append(newline)
        for path in outcomes.keys.sorted() {
            guard let outcome = outcomes[path] else { continue }
            field(path)
            out.append(tab)
            field(outcome.identity)
            list(outcome.warnings)
            if let policy = outcome.policy {
                out.append(tab)
                field(policy.packageName)
                optional(policy.title)
                optional(policy.id)
                optional(policy.severity)
                optional(policy.scope)
                if let routing = policy.routing {
                    list(routing.requiredEvents)
                    list(routing.requiredTools)
                    list(routing.requiredSignals)
                } else {
                    out += [tab, 0x2D]
                }
            }
            out.append(newline)
        }
        return out
    }

    /// The outcomes in `bytes`, or nil when they are not a cache of `root` in this format.
    static func decode(_ bytes: [UInt8], root: String) -> [String: Outcome]? {
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let head = header.split(separator: tab, omittingEmptySubsequences: false)
        guard head.count == 3, unescape(head[0]) == magic, unescape(head[1]) == String(version), unescape(head[2]) == root else { return nil }
        var outcomes: [String: Outcome] = [:]
        outcomes.reserveCapacity(lines.count)
        for line in lines {
            let parts = line.split(separator: tab, omittingEmptySubsequences: false)
            guard parts.count == 3 || parts.count == 9 || parts.count == 11 else { return nil }
            let path = unescape(parts[0]), identity = unescape(parts[1]), warnings = items(parts[2])
            guard parts.count > 3 else {
                outcomes[path] = Outcome(identity: identity, policy: nil, warnings: warnings)
                continue
            }
            guard let title = optional(parts[4]), let id = optional(parts[5]), let severity = optional(parts[6]),
                  let scope = optional(parts[7]) else { return nil }
            var policy = PolicyInfo(path: path, packageName: unescape(parts[3]), title: title, id: id, severity: severity, scope: scope)
            if parts.count == 11 {
                policy.routing = PolicyRouting(requiredEvents: items(parts[8]), requiredTools: items(parts[9]),
                                               requiredSignals: items(parts[10]))
            } else if !parts[8].elementsEqual([0x2D]) {
                return nil
            }
            outcomes[path] = Outcome(identity: identity, policy: policy, warnings: warnings)
        }
        return outcomes
    }

    /// `-` is nil (returned as .some(nil)); `=text` is text; anything else is damage (nil).
    private static func optional(_ field: ArraySlice<UInt8>) -> String?? {
        if field.elementsEqual([0x2D]) { return .some(nil) }
        guard field.first == 0x3D else { return nil }
        return .some(unescape(field.dropFirst()))
    }

    /// A list field: items split before they are unescaped, so an escaped U+001F stays inside.
    private static func items(_ field: ArraySlice<UInt8>) -> [String] {
        guard field.first == 0x2B else { return [] }
        return field.dropFirst().split(separator: unit, omittingEmptySubsequences: false).map(unescape)
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(backslash) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case 0x74: out.append(tab)
                case 0x6E: out.append(newline)
                case 0x72: out.append(0x0D)
                case 0x75: out.append(unit)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
