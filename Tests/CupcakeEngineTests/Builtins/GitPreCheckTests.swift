import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: git_pre_check")
struct GitPreCheckTests {
    /// Checks that leave a mark in the project when they run.
    static func rulebook(_ root: String, passing: Bool) -> String {
        """
        builtins:
          git_pre_check:
            checks:
              - command: "touch \(root)/ran-first; \(passing ? "true" : "echo 'tests: 2 failed'; exit 1")"
                message: "Tests must pass"
              - command: "touch \(root)/ran-second"
                message: "Lint must pass"
        """
    }

    @Test("a failing check halts git commit, push and merge with its message and output", arguments: [
        "git commit -m x", "git push origin main", "cd . && git merge feature",
    ])
    func failing(command: String) async throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write(".cupcake/rulebook.yml", Self.rulebook(project.root, passing: false))
        let decision = try await project.decide(BuiltinProject.bash(command))
        #expect(decision.name == "halt", "\(command)")
        #expect(decision.ruleIDs == ["BUILTIN-GIT-CHECK"])
        #expect(decision.reason == "Git pre-checks failed:\n- Tests must pass: exit code 1: tests: 2 failed", "\(String(describing: decision.reason))")
    }

    @Test("passing checks allow the command")
    func passing() async throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write(".cupcake/rulebook.yml", Self.rulebook(project.root, passing: true))
        #expect(try await project.decide(BuiltinProject.bash("git commit -m ok")) == .allow(context: []))
        #expect(FileManager.default.fileExists(atPath: project.root + "/ran-first"))
        #expect(FileManager.default.fileExists(atPath: project.root + "/ran-second"))
    }

    @Test("checks do not run for other commands", arguments: ["git status", "ls -la", "echo git commit"])
    func notRun(command: String) async throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write(".cupcake/rulebook.yml", Self.rulebook(project.root, passing: false))
        #expect(try await project.decide(BuiltinProject.bash(command)) == .allow(context: []))
        #expect(!FileManager.default.fileExists(atPath: project.root + "/ran-first"), "\(command)")
    }

    @Test("operations limits the checks to those git operations")
    func operations() async throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write(".cupcake/rulebook.yml", Self.rulebook(project.root, passing: false) + "\n    operations: [\"push\"]\n")
        #expect(try await project.decide(BuiltinProject.bash("git commit -m x")) == .allow(context: []))
        #expect(try await project.decide(BuiltinProject.bash("git push")).name == "halt")
        let error = captureError { try BuiltinProject(rulebook: "builtins:\n  git_pre_check:\n    checks: [{command: x, message: y}]\n    operations: [rebase]\n").engine() }
        #expect(error.contains("builtins.git_pre_check.operations: unknown git operation \"rebase\""), "\(error)")
    }

    @Test("Cursor asks instead")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write(".cupcake/rulebook.yml", Self.rulebook(project.root, passing: false))
        let decision = try await project.decide(
            JSONValue.object(["hook_event_name": "beforeShellExecution", "conversation_id": "c", "command": "git commit -m x",
                              "cwd": .string(project.root)]).jsonString, harness: .cursor)
        #expect(decision.name == "ask")
        #expect(decision.ruleIDs == ["BUILTIN-GIT-PRE-CHECK"])
    }

    @Test("a check that hangs is cut off and counts as failed")
    func timeout() throws {
        let outcome = CheckOutcome.failure(of: ["success": false, "timed_out": true, "error": "timed out after 30s"])
        #expect(outcome == "timed out after 30s")
        #expect(CheckOutcome.failure(of: ["success": true, "exit_code": 0]) == nil)
        #expect(CheckOutcome.failure(of: ["success": false, "exit_code": 2]) == "exit code 2")
    }

    @Test("a check without command or message is refused", arguments: [
        ("checks: [{command: \"make test\"}]", "checks[0]"), ("checks: []", "enabled but no checks configured"),
        ("checks: [{command: \" \", message: m}]", "command cannot be empty"),
    ])
    func invalid(yaml: String, message: String) {
        let error = captureError { try BuiltinProject(rulebook: "builtins:\n  git_pre_check:\n    \(yaml)\n").engine() }
        #expect(error.contains(message), "\(error)")
    }
}
