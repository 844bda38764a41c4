import Foundation

/// Where and how each agent is told to run Cupcake: its hook settings file and the entries
/// `cupcake init` adds there.
struct HookInstallation: Sendable {
    let harness: Harness
    /// The settings file (or, for OpenCode, the plugin file), relative to the project root or
    /// absolute for a global installation.
    let path: String
    /// The command each entry runs.
    let command: String
    /// (event, matcher) pairs; a nil matcher is an entry without one.
    let entries: [(event: String, matcher: String?)]

    /// The installation for `harness`. `binary` is how hooks name cupcake (a PATH name or an
    /// absolute path, already shell-quoted); `globalDirectory`, when set, is the absolute policy
    /// directory of a machine-wide installation, whose hooks live in the user's home.
    static func make(_ harness: Harness, binary: String, globalDirectory: String?, home: String) -> HookInstallation {
        let policyDirectory: String
        if let globalDirectory {
            policyDirectory = ShellQuoting.quote(globalDirectory) + " --global-dir none"
        } else {
            switch harness {
            // The agents set these to the project root for every hook.
            case .claude: policyDirectory = "\"$CLAUDE_PROJECT_DIR\"/.cupcake"
            case .factory: policyDirectory = "\"$FACTORY_PROJECT_DIR\"/.cupcake"
            // Cursor runs a project's hooks in the project root; the plugin passes its own.
            case .cursor, .opencode: policyDirectory = ".cupcake"
            }
        }
        let command = "\(binary) eval --harness \(harness.rawValue) --policy-dir \(policyDirectory)"
        let base = globalDirectory == nil ? "" : home + "/"
        switch harness {
        case .claude:
            return HookInstallation(harness: harness, path: base + ".claude/settings.json", command: command, entries: [
                ("PreToolUse", "*"), ("PostToolUse", "*"), ("UserPromptSubmit", nil), ("SessionStart", nil), ("SessionEnd", nil),
                ("Stop", nil), ("SubagentStop", nil), ("PreCompact", nil), ("Notification", nil),
            ])
        case .factory:
            return HookInstallation(harness: harness, path: base + ".factory/settings.json", command: command, entries: [
                ("PreToolUse", "*"), ("PostToolUse", "*"), ("UserPromptSubmit", nil), ("SessionStart", nil), ("SessionEnd", nil),
                ("Stop", nil), ("SubagentStop", nil), ("PreCompact", nil), ("Notification", nil),
            ])
        case .cursor:
            return HookInstallation(harness: harness, path: base + ".cursor/hooks.json", command: command, entries: [
                ("beforeShellExecution", nil), ("beforeMCPExecution", nil), ("beforeReadFile", nil), ("afterFileEdit", nil),
                ("beforeSubmitPrompt", nil), ("stop", nil),
            ])
        case .opencode:
            let plugin = globalDirectory == nil ? ".opencode/plugin/cupcake.js" : home + "/.config/opencode/plugin/cupcake.js"
            return HookInstallation(harness: harness, path: plugin, command: command, entries: [])
        }
    }

    /// Whether `command` is a Cupcake hook for this harness, however cupcake was named in it: a
    /// second `init` (or one from another binary path) must not add a second evaluation.
    func isCupcakeHook(_ command: String) -> Bool {
        guard let first = command.split(separator: " ").first else { return false }
        let program = first.split(separator: "/").last.map { $0.trimmingCharacters(in: ["'", "\""]) } ?? ""
        return program == "cupcake" && command.contains(" eval --harness \(harness.rawValue)")
    }

    /// `settings` with the missing entries added (nil: no file yet), and the events added to.
    func merged(into settings: OrderedJSON?) throws(SetupError) -> (OrderedJSON, added: [String]) {
        var document = settings ?? .object([])
        guard case .object = document else { throw .notAnObject(path: path) }
        if harness == .cursor, document["version"] == nil { document = document.setting("version", to: .number("1")) }
        var hooks = document["hooks"] ?? .object([])
        guard case .object = hooks else { throw .wrongShape(path: path, key: "hooks", expected: "an object") }
        var added: [String] = []
        for (event, matcher) in entries {
            var list: [OrderedJSON] = []
            switch hooks[event] {
            case nil, .null?: list = []
            case .array(let existing)?: list = existing
            default: throw .wrongShape(path: path, key: "hooks.\(event)", expected: "an array")
            }
            if list.contains(where: containsCupcake) { continue }
            list.append(entry(matcher: matcher))
            hooks = hooks.setting(event, to: .array(list))
            added.append(event)
        }
        return (document.setting("hooks", to: hooks), added)
    }

    private func entry(matcher: String?) -> OrderedJSON {
        if harness == .cursor { return .object([("command", .string(command))]) }
        let hook: OrderedJSON = .object([("type", .string("command")), ("command", .string(command))])
        var members: [(key: String, value: OrderedJSON)] = []
        if let matcher { members.append(("matcher", .string(matcher))) }
        members.append(("hooks", .array([hook])))
        return .object(members)
    }

    /// An entry that already runs Cupcake: `{command}` (Cursor) or `{hooks: [{command}]}`.
    private func containsCupcake(_ entry: OrderedJSON) -> Bool {
        if case .string(let command)? = entry["command"], isCupcakeHook(command) { return true }
        guard case .array(let hooks)? = entry["hooks"] else { return false }
        return hooks.contains { hook in
            if case .string(let command)? = hook["command"] { return isCupcakeHook(command) }
            return false
        }
    }
}
