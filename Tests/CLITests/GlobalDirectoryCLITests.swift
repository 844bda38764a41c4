import CupcakeTestSupport
import Foundation
import Testing

/// The global configuration as the CLI finds it: upstream's location, `--global-dir`,
/// `CUPCAKE_GLOBAL_DIR`, and `none`.
@Suite("cupcake: global configuration directory")
struct GlobalDirectoryCLITests {
    /// A home with `~/.config/cupcake` holding a global rulebook of the three global builtins,
    /// and a project of no policies.
    final class Machine {
        let root: String
        var home: String { root + "/home" }
        var global: String { home + "/.config/cupcake" }
        var project: String { root + "/project/.cupcake" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-global-\(UUID().uuidString)").path
            for directory in [global, project] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            try Data("builtins:\n  system_protection: {}\n  cupcake_exec_protection: {}\n".utf8)
                .write(to: URL(fileURLWithPath: global + "/rulebook.yml"))
            try Data("builtins:\n  git_block_no_verify: {}\n".utf8).write(to: URL(fileURLWithPath: project + "/rulebook.yml"))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func eval(_ command: String, extra: [String] = [], environment: [String: String] = [:]) throws -> ChildProcess.Result {
            let event = #"{"hook_event_name":"PreToolUse","session_id":"s","cwd":"/tmp","tool_name":"Bash","tool_input":{"command":"CMD"}}"#
                .replacingOccurrences(of: "CMD", with: command)
            return try CLI.eval(Data(event.utf8), policyDirectory: project, extra: extra, environment: ["HOME": home].merging(environment) { $1 })
        }
    }

    @Test("~/.config/cupcake is found and its halt answers first")
    func defaultLocation() throws {
        let machine = try Machine()
        let result = try machine.eval("sudo cat /etc/shadow")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"permissionDecision\":\"deny\""), "\(result.stdout)")
        #expect(result.stdout.contains("critical system paths"), "\(result.stdout)")
        let project = try machine.eval("git commit --no-verify -m x")
        #expect(project.stdout.contains("--no-verify"), "the project's builtins still run: \(project.stdout)")
        #expect(try machine.eval("ls").stdout.contains("deny") == false)
    }

    @Test("XDG_CONFIG_HOME moves the default location")
    func xdg() throws {
        let machine = try Machine()
        let elsewhere = machine.root + "/xdg"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let moved = try machine.eval("sudo ls", environment: ["XDG_CONFIG_HOME": elsewhere])
        #expect(!moved.stdout.contains("deny"), "no cupcake under XDG_CONFIG_HOME: no global layer: \(moved.stdout)")
        try FileManager.default.moveItem(atPath: machine.global, toPath: elsewhere + "/cupcake")
        let found = try machine.eval("sudo ls", environment: ["XDG_CONFIG_HOME": elsewhere])
        #expect(found.stdout.contains("deny"), "\(found.stdout)")
    }

    @Test("none, by flag or variable, disables it; the flag wins over the variable")
    func disabled() throws {
        let machine = try Machine()
        #expect(!(try machine.eval("sudo ls", extra: ["--global-dir", "none"]).stdout.contains("deny")))
        #expect(!(try machine.eval("sudo ls", environment: ["CUPCAKE_GLOBAL_DIR": "none"]).stdout.contains("deny")))
        let flagWins = try machine.eval("sudo ls", extra: ["--global-dir", machine.global], environment: ["CUPCAKE_GLOBAL_DIR": "none"])
        #expect(flagWins.stdout.contains("deny"))
        let upstreamName = try machine.eval("sudo ls", extra: ["--global-config", machine.global], environment: ["CUPCAKE_GLOBAL_DIR": "none"])
        #expect(upstreamName.stdout.contains("deny"), "--global-config is upstream's name for the flag")
    }

    @Test("an override that is relative, missing or a file is a configuration error (78; 2 with --strict)", arguments: [
        ("relative/dir", "must be an absolute path"), ("/nonexistent/cupcake-global", "does not exist"), ("/etc/hostname", "is not a directory"),
    ])
    func badOverride(path: String, problem: String) throws {
        let machine = try Machine()
        let byFlag = try machine.eval("ls", extra: ["--global-dir", path])
        #expect(byFlag.status == 78)
        #expect(byFlag.stderr.contains("global configuration directory \(path) (from --global-dir): \(problem)"), "\(byFlag.stderr)")
        let byVariable = try machine.eval("ls", environment: ["CUPCAKE_GLOBAL_DIR": path])
        #expect(byVariable.status == 78)
        #expect(byVariable.stderr.contains("(from CUPCAKE_GLOBAL_DIR)"))
        #expect(try machine.eval("ls", extra: ["--global-dir", path, "--strict"]).status == 2)
    }

    @Test("a global-only builtin in the project's rulebook is ignored with a warning")
    func globalOnlyInProject() throws {
        let machine = try Machine()
        try Data("builtins:\n  system_protection: {}\n".utf8).write(to: URL(fileURLWithPath: machine.project + "/rulebook.yml"))
        let result = try machine.eval("sudo ls", extra: ["--global-dir", "none"], environment: ["CUPCAKE_TRACE": "eval"])
        #expect(!result.stdout.contains("deny"))
        #expect(result.stderr.contains("system_protection is read from the global configuration only"), "\(result.stderr)")
    }

    @Test("cupcake verify shows both layers and their builtins")
    func verify() throws {
        let machine = try Machine()
        let result = try CLI.run(["verify", "--harness", "claude", "--policy-dir", machine.project, "--cache-dir", CLI.cache],
                                 environment: ["HOME": machine.home])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("global directory: \(machine.global)"), "\(result.stdout)")
        #expect(result.stdout.contains("rulebook builtins:\n  git_block_no_verify"), "\(result.stdout)")
        #expect(result.stdout.contains("rulebook builtins:\n  system_protection\n  cupcake_exec_protection"), "\(result.stdout)")
        let none = try CLI.run(["verify", "--harness", "claude", "--policy-dir", machine.project, "--global-dir", "none"])
        #expect(none.stdout.contains("global directory: none"))
    }

    @Test("an unknown builtin or a bad option is a load error naming the key (exit 78)", arguments: [
        ("builtins:\n  protected_path: {paths: [x]}\n", "builtins.protected_path: unknown builtin"),
        ("builtins:\n  enforce_full_file_read:\n    max_lines: many\n", "builtins.enforce_full_file_read.max_lines"),
        ("builtins:\n  git_block_no_verify:\n    exception: [CI]\n", "builtins.git_block_no_verify.exception"),
    ])
    func badBuiltins(rulebook: String, named: String) throws {
        let machine = try Machine()
        try Data(rulebook.utf8).write(to: URL(fileURLWithPath: machine.project + "/rulebook.yml"))
        let result = try machine.eval("ls", extra: ["--global-dir", "none"])
        #expect(result.status == 78)
        #expect(result.stderr.contains(named), "\(result.stderr)")
    }
}
