import Foundation

/// `cupcake init`: a policy directory with a rulebook listing every builtin, the standard
/// aggregator, an example policy and a README, and the agent's hook configuration merged into
/// its settings (or, for OpenCode, its plugin). Safe to run again: files that exist are left as
/// they are (unless `force`), hooks already running Cupcake are not added twice, and a settings
/// file that is not valid JSON stops everything before any file is written.
package struct ProjectSetup: Sendable {
    /// What happened to one file.
    package enum Outcome: Sendable, Equatable {
        case created
        case updated(added: [String])
        case unchanged
        /// Left as it was, with the reason (e.g. it differs and `force` was not given).
        case kept(String)
    }

    package var harness: Harness
    /// The project root (`.cupcake/` and the agent's settings go under it), or for a global
    /// installation the machine-wide policy directory itself.
    package var directory: String
    package var global: Bool
    /// The user's home, where a global installation's hook settings go.
    package var home: String
    /// How hooks name cupcake: a PATH name or an absolute path (quoted here for the shell).
    package var binary: String
    /// Overwrite the files init writes (never the agent's settings, which are merged).
    package var force: Bool
    /// Builtins to enable in the new rulebook (their blocks uncommented).
    package var builtins: [String]

    package init(harness: Harness, directory: String, global: Bool = false, home: String, binary: String,
                force: Bool = false, builtins: [String] = []) {
        self.harness = harness
        self.directory = directory
        self.global = global
        self.home = home
        self.binary = binary
        self.force = force
        self.builtins = builtins
    }

    /// The home directory init installs global hooks under: `HOME` when absolute, else the
    /// account's.
    package static func home(environment: [String: String]) -> String {
        HomeDirectory.from(environment) ?? NSHomeDirectory()
    }

    /// The machine-wide directory `init --global` writes: `CUPCAKE_GLOBAL_DIR` when it names one,
    /// else the location `eval` looks in (``GlobalDirectory``).
    package static func globalDirectory(environment: [String: String]) -> String {
        if let named = environment[GlobalDirectory.environmentVariable], !named.isEmpty,
           !GlobalDirectory.disabling.contains(named.lowercased()) {
            return named
        }
        return GlobalDirectory.defaultLocation(environment: environment) ?? home(environment: environment) + "/.config/cupcake"
    }

    /// The policy directory written.
    package var policyDirectory: String { global ? directory : directory + "/.cupcake" }

    /// The hook settings (or plugin) file.
    package var hookFile: String {
        let path = installation.path
        return path.hasPrefix("/") ? path : directory + "/" + path
    }

    var installation: HookInstallation {
        HookInstallation.make(harness, binary: ShellQuoting.quote(binary), globalDirectory: global ? directory : nil, home: home)
    }

    /// Writes everything; returns each file with what happened to it, in the order written.
    package func run() throws(SetupError) -> [(path: String, outcome: Outcome)] {
        // Everything that can be refused is checked before anything is written.
        let rulebook = try Self.rulebook(global: global, enabling: builtins)
        let hook = try plannedHook()
        var results: [(path: String, outcome: Outcome)] = []
        let files: [(String, String)] = [
            ("rulebook.yml", rulebook),
            ("system/evaluate.rego", SetupTemplates.aggregator),
            ("policies/\(harness.rawValue)/example.rego", SetupTemplates.examplePolicy(harness)),
            ("README.md", SetupTemplates.readme(harness)),
        ]
        for (relative, text) in files {
            let path = policyDirectory + "/" + relative
            results.append((path, try Self.write(text, to: path, replace: force)))
        }
        if let (text, outcome) = hook {
            if let text { try Self.writeFile(text, to: hookFile) }
            results.append((hookFile, outcome))
        }
        return results
    }

    /// The new text of the hook file (nil: nothing to write) and what that means.
    private func plannedHook() throws(SetupError) -> (String?, Outcome)? {
        let existing = try Self.read(hookFile)
        if harness == .opencode {
            let policyDirectory = global ? directory : ".cupcake"
            let plugin = OpenCodePlugin.source(binary: binary, policyDirectory: policyDirectory)
            guard let existing else { return (plugin, .created) }
            if String(decoding: existing, as: UTF8.self) == plugin { return (nil, .unchanged) }
            return force ? (plugin, .updated(added: [])) : (nil, .kept("it differs from the plugin init writes; --force replaces it"))
        }
        var settings: OrderedJSON?
        if let existing {
            do {
                settings = try OrderedJSON.parse(existing)
            } catch {
                throw .invalidJSON(path: hookFile, reason: "\(error)")
            }
        }
        let (merged, added) = try installation.merged(into: settings)
        if settings != nil && added.isEmpty { return (nil, .unchanged) }
        return (merged.prettyText, settings == nil ? .created : .updated(added: added))
    }

    /// The rulebook template with `names`' blocks uncommented.
    static func rulebook(global: Bool, enabling names: [String]) throws(SetupError) -> String {
        var text = SetupTemplates.rulebook(global: global)
        let blocks = global ? SetupTemplates.globalBuiltins : SetupTemplates.projectBuiltins
        let known = blocks.compactMap { $0.split(separator: ":").first.map(String.init) }
        for name in names {
            guard let block = blocks.first(where: { $0.hasPrefix(name + ":") }) else { throw .unknownBuiltin(name, known: known) }
            let commented = block.split(separator: "\n").map { "  # " + $0 }.joined(separator: "\n")
            let active = block.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            text = text.replacingOccurrences(of: commented, with: active)
        }
        return text
    }

    // MARK: - Files

    private static func read(_ path: String) throws(SetupError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        switch BundleFileIO.read(path, limit: 16 << 20) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw .unreadable(path: path, reason: "\(failure)")
        }
    }

    /// Writes `text` unless the file exists (and `replace` is false); returns what happened.
    private static func write(_ text: String, to path: String, replace: Bool) throws(SetupError) -> Outcome {
        if FileManager.default.fileExists(atPath: path) {
            if (try? String(contentsOfFile: path, encoding: .utf8)) == text { return .unchanged }
            guard replace else { return .kept("it exists; --force replaces it") }
            try writeFile(text, to: path)
            return .updated(added: [])
        }
        try writeFile(text, to: path)
        return .created
    }

    /// Writes atomically (a temporary file renamed over), keeping an existing file's mode. A
    /// settings file that is a symbolic link (as dotfile managers install them) is written
    /// through: its target changes, the link stays.
    private static func writeFile(_ text: String, to path: String) throws(SetupError) {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int
            try Data(text.utf8).write(to: url, options: .atomic)
            if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path) }
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
