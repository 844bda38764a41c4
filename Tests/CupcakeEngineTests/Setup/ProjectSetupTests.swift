import Foundation
import Testing

@testable import CupcakeEngine

/// `cupcake init`'s files and its merge into the agents' settings.
@Suite struct ProjectSetupTests {
    final class Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-setup-\(UUID().uuidString)").path

        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func setup(_ harness: Harness, force: Bool = false, builtins: [String] = [], binary: String = "cupcake") -> ProjectSetup {
            ProjectSetup(harness: harness, directory: root, home: root + "/home", binary: binary, force: force, builtins: builtins)
        }

        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func read(_ relative: String) throws -> String { try String(contentsOfFile: root + "/" + relative, encoding: .utf8) }
        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }
    }

    static let userSettings = """
        {"model": "opus", "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./lint.sh", "timeout": 5}]}],
         "Stop": [{"hooks": [{"type": "command", "command": "say done"}]}]}, "env": {"N": 1.50, "Ü": "\\u00fc\\n"}, "permissions": {"allow": []}}
        """

    @Test("other keys, values, order and hooks survive; Cupcake's hooks are added to every event it handles")
    func mergeKeepsEverything() throws {
        let project = try Project()
        try project.write(".claude/settings.json", Self.userSettings)
        let results = try project.setup(.claude).run()
        #expect(results.last?.outcome == .updated(added: ["PreToolUse", "PostToolUse", "UserPromptSubmit", "SessionStart",
                                                           "SessionEnd", "Stop", "SubagentStop", "PreCompact", "Notification"]))
        let merged = try OrderedJSON.parse(Array(try project.read(".claude/settings.json").utf8))
        guard case .object(let members) = merged else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["model", "hooks", "env", "permissions"])
        #expect(merged["env"] == .object([("N", .number("1.50")), ("Ü", .string("ü\n"))]))
        #expect(merged["permissions"] == .object([("allow", .array([]))]))
        guard case .array(let pre)? = merged["hooks"]?["PreToolUse"], case .array(let stop)? = merged["hooks"]?["Stop"] else {
            Issue.record("hooks lost")
            return
        }
        #expect(pre.count == 2 && stop.count == 2)
        #expect(pre[0]["hooks"] == .array([.object([("type", .string("command")), ("command", .string("./lint.sh")), ("timeout", .number("5"))])]))
        #expect(pre[1]["matcher"] == .string("*"))
        #expect(stop[1]["matcher"] == nil)
        let command = "cupcake eval --harness claude --policy-dir \"$CLAUDE_PROJECT_DIR\"/.cupcake"
        #expect(pre[1]["hooks"] == .array([.object([("type", .string("command")), ("command", .string(command))])]))
    }

    @Test("a second init changes nothing, byte for byte, even from another binary path", arguments: Harness.allCases)
    func secondInitIsANoOp(harness: Harness) throws {
        let project = try Project()
        _ = try project.setup(harness).run()
        let hookFile = project.setup(harness).hookFile
        let before = try Data(contentsOf: URL(fileURLWithPath: hookFile))
        let again = try project.setup(harness, binary: harness == .opencode ? "cupcake" : "/opt/cupcake/bin/cupcake").run()
        #expect(again.allSatisfy { $0.outcome == .unchanged }, "\(again)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: hookFile)) == before)
    }

    @Test("a settings file that is not valid JSON is refused and nothing is written", arguments: [
        "{\"hooks\": {", "{\"a\": 1,}", "[1, 2]", "{\"hooks\": []}", "{\"hooks\": {\"PreToolUse\": {}}}", "\u{FEFF}{}garbage",
    ])
    func invalidSettingsAreRefused(text: String) throws {
        let project = try Project()
        try project.write(".claude/settings.json", text)
        #expect(throws: SetupError.self) { try project.setup(.claude).run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: project.root + "/.claude/settings.json")) == Data(text.utf8))
        #expect(!project.exists(".cupcake"))
    }

    @Test("Cursor: version 1 added when missing, a user's entries kept, one entry per event")
    func cursorHooks() throws {
        let project = try Project()
        try project.write(".cursor/hooks.json", "{\"hooks\": {\"stop\": [{\"command\": \"./notify.sh\"}]}}")
        _ = try project.setup(.cursor).run()
        let merged = try OrderedJSON.parse(Array(try project.read(".cursor/hooks.json").utf8))
        #expect(merged["version"] == .number("1"))
        #expect(merged["hooks"]?["stop"] == .array([.object([("command", .string("./notify.sh"))]),
                                                    .object([("command", .string("cupcake eval --harness cursor --policy-dir .cupcake"))])]))
        #expect(merged["hooks"]?["beforeShellExecution"]
            == .array([.object([("command", .string("cupcake eval --harness cursor --policy-dir .cupcake"))])]))
    }

    @Test("the rulebook lists every builtin disabled, and each block, uncommented, turns its builtin on", arguments: [false, true])
    func rulebookTemplate(global: Bool) throws {
        let blocks = global ? SetupTemplates.globalBuiltins : SetupTemplates.projectBuiltins
        let directory = try Project()
        let disabled = try Self.loadRulebook(SetupTemplates.rulebook(global: global), in: directory, global: global)
        #expect(disabled.builtins.enabledNames.isEmpty)
        #expect(blocks.count == (global ? BuiltinSettings.names.count : BuiltinSettings.names.count - 3))
        for block in blocks {
            let name = try #require(block.split(separator: ":").first.map(String.init))
            let rulebook = try Self.loadRulebook(try ProjectSetup.rulebook(global: global, enabling: [name]), in: directory, global: global)
            let key = BuiltinSettings.aliases[name] ?? name
            #expect(rulebook.builtins.enabledNames == [key], "\(name)")
        }
        #expect(throws: SetupError.unknownBuiltin("nope", known: blocks.compactMap { $0.split(separator: ":").first.map(String.init) })) {
            try ProjectSetup.rulebook(global: global, enabling: ["nope"])
        }
    }

    static func loadRulebook(_ text: String, in project: Project, global: Bool) throws -> Rulebook {
        try project.write(".cupcake/rulebook.yml", text)
        return try Rulebook.load(policyDirectory: project.root + "/.cupcake", isGlobal: global)
    }

    @Test("the aggregator is the standard one and the example policy routes for each harness", arguments: Harness.allCases)
    func policyTemplates(harness: Harness) throws {
        let aggregator = try AggregatorRecognizer.recognize([("evaluate.rego", SetupTemplates.aggregator)]).get()
        #expect(aggregator.entrypoint == "cupcake/system/evaluate")
        let policy = try PolicyDiscovery.parseMetadata(source: SetupTemplates.examplePolicy(harness), path: "example.rego")
        #expect(policy.packageName == "cupcake.policies.example")
        #expect(policy.id == "EXAMPLE-001")
        let events = policy.routing?.requiredEvents ?? []
        #expect(events == [harness == .cursor ? "beforeShellExecution" : "PreToolUse"])
    }

    @Test("--force replaces init's own files; a user's rulebook is otherwise kept")
    func force() throws {
        let project = try Project()
        try project.write(".cupcake/rulebook.yml", "builtins: {}\n")
        let kept = try project.setup(.claude).run()
        #expect(kept.first?.outcome == .kept("it exists; --force replaces it"))
        #expect(try project.read(".cupcake/rulebook.yml") == "builtins: {}\n")
        let replaced = try project.setup(.claude, force: true).run()
        #expect(replaced.first?.outcome == .updated(added: []))
        #expect(try project.read(".cupcake/rulebook.yml") == SetupTemplates.rulebook(global: false))
    }

    @Test func shellQuoting() {
        #expect(ShellQuoting.quote("/usr/local/bin/cupcake") == "/usr/local/bin/cupcake")
        #expect(ShellQuoting.quote("/Users/Jo Doe/bin/cupcake") == "'/Users/Jo Doe/bin/cupcake'")
        #expect(ShellQuoting.quote("/tmp/it's") == "'/tmp/it'\\''s'")
        #expect(ShellQuoting.quote("") == "''")
    }

    @Test("--global: the policy directory itself, hooks in the home's settings naming it absolutely")
    func global() throws {
        let project = try Project()
        let directory = project.root + "/config/cup cake"
        let setup = ProjectSetup(harness: .claude, directory: directory, global: true, home: project.root + "/home", binary: "cupcake")
        let results = try setup.run()
        #expect(results.map(\.path).first == directory + "/rulebook.yml")
        #expect(setup.hookFile == project.root + "/home/.claude/settings.json")
        let settings = try OrderedJSON.parse(Array(try String(contentsOfFile: setup.hookFile, encoding: .utf8).utf8))
        guard case .array(let entries)? = settings["hooks"]?["PreToolUse"], case .array(let hooks)? = entries.first?["hooks"] else {
            Issue.record("no PreToolUse hook")
            return
        }
        #expect(hooks.first?["command"] == .string("cupcake eval --harness claude --policy-dir '\(directory)' --global-dir none"))
        let rulebook = try String(contentsOfFile: directory + "/rulebook.yml", encoding: .utf8)
        #expect(rulebook.contains("# system_protection:"))
    }

    @Test("a settings file that is a symbolic link is merged through the link, and its mode kept")
    func linkedSettings() throws {
        let project = try Project()
        try project.write("dotfiles/claude-settings.json", "{\"model\": \"opus\"}")
        chmod(project.root + "/dotfiles/claude-settings.json", 0o640)
        try FileManager.default.createDirectory(atPath: project.root + "/.claude", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/.claude/settings.json",
                                                   withDestinationPath: project.root + "/dotfiles/claude-settings.json")
        _ = try project.setup(.claude).run()
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: project.root + "/.claude/settings.json")
        #expect(link == project.root + "/dotfiles/claude-settings.json")
        let merged = try OrderedJSON.parse(Array(try project.read("dotfiles/claude-settings.json").utf8))
        #expect(merged["model"] == .string("opus"))
        let command = "cupcake eval --harness claude --policy-dir \"$CLAUDE_PROJECT_DIR\"/.cupcake"
        #expect(merged["hooks"]?["PreToolUse"] == .array([.object([
            ("matcher", .string("*")), ("hooks", .array([.object([("type", .string("command")), ("command", .string(command))])])),
        ])]))
        let mode = try FileManager.default.attributesOfItem(atPath: project.root + "/dotfiles/claude-settings.json")[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test("init --global writes where eval looks: CUPCAKE_GLOBAL_DIR when it names one, else the XDG or home location")
    func globalLocation() {
        #expect(ProjectSetup.globalDirectory(environment: ["CUPCAKE_GLOBAL_DIR": "/etc/cupcake", "HOME": "/h"]) == "/etc/cupcake")
        #if !os(macOS)
        #expect(ProjectSetup.globalDirectory(environment: ["CUPCAKE_GLOBAL_DIR": "none", "XDG_CONFIG_HOME": "/x/", "HOME": "/h"]) == "/x/cupcake")
        #expect(ProjectSetup.globalDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/cupcake")
        #endif
        #expect(ProjectSetup.home(environment: ["HOME": "/h"]) == "/h")
        #expect(ProjectSetup.home(environment: ["HOME": "relative"]).hasPrefix("/"))
    }
}
