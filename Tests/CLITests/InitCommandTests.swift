import CupcakeTestSupport
import Foundation
import Testing

/// `cupcake init` end to end: the hook command it writes, run as the agent runs it.
@Suite("cupcake init")
struct InitCommandTests {
    /// An empty project, a stand-in `opa` (it checks the arguments cupcake compiles with and
    /// produces the demo project's bundle, which, like the example policy, denies `rm -rf /`), and
    /// a directory to run hooks from that is not the project.
    final class Sandbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-init-\(UUID().uuidString)").path
        var project: String { root + "/project" }
        var elsewhere: String { root + "/elsewhere" }
        var bin: String { root + "/bin" }

        init() throws {
            for directory in [project, elsewhere, bin] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let bundle = CLI.root.appendingPathComponent("Fixtures/project/.cupcake/bundles/claude.tar.gz").path
            let opa = """
                #!/bin/sh
                case "$1" in
                version) echo "Version: 1.0.0"; exit 0 ;;
                build)
                  case "$*" in *"-e cupcake/system/evaluate"*"-e cupcake/policies/example"*) ;; *) echo "unexpected: $*" >&2; exit 3 ;; esac
                  while [ $# -gt 0 ]; do if [ "$1" = "-o" ]; then cp "\(bundle)" "$2"; exit 0; fi; shift; done
                  exit 4 ;;
                esac
                exit 2
                """
            try opa.write(toFile: bin + "/opa", atomically: true, encoding: .utf8)
            chmod(bin + "/opa", 0o755)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        var environment: [String: String] { ["HOME": root + "/home", "PATH": "\(bin):/usr/local/bin:/usr/bin:/bin", "XDG_CACHE_HOME": root + "/cache"] }

        func initialize(_ harness: String, extra: [String] = []) throws -> ChildProcess.Result {
            try CLI.run(["init", "--harness", harness, "--dir", project] + extra, environment: environment)
        }

        func settings(_ relative: String) throws -> [String: Any] {
            try CLI.json(String(contentsOfFile: project + "/" + relative, encoding: .utf8))
        }

        /// Runs a hook command as the agents do: `sh -c`, the event on stdin.
        func hook(_ command: String, event: Data, from directory: String, environment extra: [String: String] = [:]) throws
            -> ChildProcess.Result
        {
            try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: environment.merging(extra) { $1 },
                                 stdin: event, currentDirectory: directory)
        }
    }

    /// The first command registered for `event` in a Claude-shaped settings file.
    static func command(_ settings: [String: Any], _ event: String) -> String? {
        let entries = (settings["hooks"] as? [String: Any])?[event] as? [[String: Any]]
        let hooks = entries?.first?["hooks"] as? [[String: Any]]
        return hooks?.first?["command"] as? String
    }

    @Test("Claude Code: the PreToolUse command init wrote, run from elsewhere with CLAUDE_PROJECT_DIR, denies rm -rf /")
    func claude() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.initialize("claude")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("created    .claude/settings.json"))
        let command = try #require(Self.command(try sandbox.settings(".claude/settings.json"), "PreToolUse"))
        let denied = try sandbox.hook(command, event: try CLI.event("pretooluse-bash-rm-rf"), from: sandbox.elsewhere,
                                      environment: ["CLAUDE_PROJECT_DIR": sandbox.project])
        #expect(denied.status == 0, "\(denied.stderr)")
        let output = try CLI.json(denied.stdout)["hookSpecificOutput"] as? [String: Any]
        #expect(output?["permissionDecision"] as? String == "deny", "\(denied.stdout)")
        let allowed = try sandbox.hook(command, event: try CLI.event("pretooluse-bash-ls"), from: sandbox.elsewhere,
                                       environment: ["CLAUDE_PROJECT_DIR": sandbox.project])
        #expect(allowed.status == 0)
        #expect(!allowed.stdout.contains("\"deny\""))
    }

    @Test("a builtin enabled by init answers through the same hook")
    func builtinThroughTheHook() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize("claude", extra: ["--builtins", "git_block_no_verify"]).status == 0)
        let command = try #require(Self.command(try sandbox.settings(".claude/settings.json"), "PreToolUse"))
        let event = #"{"hook_event_name":"PreToolUse","session_id":"s","transcript_path":"/t","cwd":"/tmp","tool_name":"Bash","tool_input":{"command":"git commit --no-verify -m x"}}"#
        let result = try sandbox.hook(command, event: Data(event.utf8), from: sandbox.elsewhere,
                                      environment: ["CLAUDE_PROJECT_DIR": sandbox.project])
        #expect(result.stdout.contains("--no-verify are not permitted"), "\(result.stdout) \(result.stderr)")
    }

    @Test("Factory Droid: the command with FACTORY_PROJECT_DIR denies rm -rf /")
    func factory() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize("factory").status == 0)
        let command = try #require(Self.command(try sandbox.settings(".factory/settings.json"), "PreToolUse"))
        let result = try sandbox.hook(command, event: try CLI.event("pretooluse-execute-rm-rf", harness: "factory"),
                                      from: sandbox.elsewhere, environment: ["FACTORY_PROJECT_DIR": sandbox.project])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"deny\""), "\(result.stdout)")
    }

    @Test("Cursor: the command runs in the project root, as Cursor runs project hooks, and denies rm -rf /")
    func cursor() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize("cursor").status == 0)
        let settings = try sandbox.settings(".cursor/hooks.json")
        #expect(settings["version"] as? Int == 1)
        let entries = (settings["hooks"] as? [String: Any])?["beforeShellExecution"] as? [[String: Any]]
        let command = try #require(entries?.first?["command"] as? String)
        let result = try sandbox.hook(command, event: try CLI.event("before-shell-execution-rm-rf", harness: "cursor"),
                                      from: sandbox.project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"permission\":\"deny\""), "\(result.stdout)")
    }

    @Test("OpenCode: the plugin is written once and names cupcake's policy directory")
    func opencode() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize("opencode").status == 0)
        let plugin = try String(contentsOfFile: sandbox.project + "/.opencode/plugin/cupcake.js", encoding: .utf8)
        #expect(plugin.contains("\"tool.execute.before\""))
        #expect(plugin.contains("const POLICY_DIR = \".cupcake\";"))
        let again = try sandbox.initialize("opencode")
        #expect(again.stdout.contains("unchanged  .opencode/plugin/cupcake.js"))
    }

    @Test("an invalid settings file: exit 78, the file untouched, nothing written")
    func invalidSettings() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.project + "/.claude", withIntermediateDirectories: true)
        try "{\"hooks\": [".write(toFile: sandbox.project + "/.claude/settings.json", atomically: true, encoding: .utf8)
        let result = try sandbox.initialize("claude")
        #expect(result.status == 78)
        #expect(result.stderr.contains(".claude/settings.json is not valid JSON"))
        #expect(try String(contentsOfFile: sandbox.project + "/.claude/settings.json", encoding: .utf8) == "{\"hooks\": [")
        #expect(!FileManager.default.fileExists(atPath: sandbox.project + "/.cupcake"))
    }

    @Test("usage: no harness, an unknown one, an unknown builtin")
    func usage() throws {
        let sandbox = try Sandbox()
        #expect(try CLI.run(["init"], environment: sandbox.environment).status == 64)
        #expect(try CLI.run(["init", "--harness", "vim"], environment: sandbox.environment).status == 64)
        let unknown = try sandbox.initialize("claude", extra: ["--builtins", "nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown builtin nope"))
    }

    @Test("--version and version name cupcake and libwasmtime")
    func version() throws {
        for word in ["--version", "version"] {
            let result = try CLI.run([word])
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("cupcake 0.5.2\nlibwasmtime 50.0.1"), "\(result.stdout)")
        }
    }

    @Test("what init writes validates clean for every agent", arguments: ["claude", "cursor", "factory", "opencode"])
    func initThenValidate(harness: String) throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize(harness).status == 0)
        let result = try CLI.run(["validate", "--policy-dir", sandbox.project + "/.cupcake", "--json"], environment: sandbox.environment)
        #expect(result.status == 0, "\(result.stdout)")
        let report = try CLI.json(result.stdout)
        #expect((report["findings"] as? [Any])?.isEmpty == true, "\(result.stdout)")
    }

    /// node, when this machine has it (the OpenCode plugin is JavaScript; CI machines with only
    /// the Swift toolchain skip the test that runs it, and say so).
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("OpenCode: the plugin init wrote, run by node as OpenCode runs it, stops rm -rf / and lets ls through",
          .enabled(if: node != nil, "needs node to run the OpenCode plugin"))
    func opencodePluginRuns() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.initialize("opencode").status == 0)
        // Loaded as a module, the way OpenCode imports plugins.
        let plugin = sandbox.root + "/plugin.mjs"
        try FileManager.default.copyItem(atPath: sandbox.project + "/.opencode/plugin/cupcake.js", toPath: plugin)
        let runner = """
            import { CupcakePlugin } from "\(plugin)";
            const hooks = await CupcakePlugin({ directory: process.argv[2] });
            for (const command of ["ls -la", "rm -rf /"]) {
              try {
                await hooks["tool.execute.before"]({ tool: "bash", sessionID: "s" }, { args: { command } });
                console.log(`${command}: allowed`);
              } catch (error) {
                console.log(`${command}: stopped: ${error.message}`);
              }
            }
            """
        try runner.write(toFile: sandbox.root + "/runner.mjs", atomically: true, encoding: .utf8)
        let result = try ChildProcess.run(URL(fileURLWithPath: try #require(Self.node)), [sandbox.root + "/runner.mjs", sandbox.project],
                                          environment: sandbox.environment, currentDirectory: sandbox.elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ls -la: allowed"), "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("rm -rf /: stopped: Dangerous command blocked"), "\(result.stdout) \(result.stderr)")
    }
}
