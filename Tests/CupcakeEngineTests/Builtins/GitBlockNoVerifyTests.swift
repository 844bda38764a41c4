import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: git_block_no_verify")
struct GitBlockNoVerifyTests {
    static let rulebook = "builtins:\n  git_block_no_verify:\n    enabled: true\n"

    @Test("skipping hooks is denied with upstream's reason", arguments: [
        "git commit --no-verify -m 'x'", "git commit -n -m x", "git commit -am 'x' -n", "git commit -nm x",
        "git push --no-verify origin main", "git merge --no-verify feature", "git -C repo commit --no-verify",
        "cd repo && git commit --no-verify", "FOO=1 git commit -n", "bash -c 'git commit --no-verify'",
        "echo ok; git   commit   --no-verify",
    ])
    func skips(command: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let decision = try await project.decide(BuiltinProject.bash(command))
        #expect(decision.name == "deny", "\(command)")
        #expect(decision.reason == GitBlockNoVerify.upstreamReason, "\(command)")
        #expect(decision.ruleIDs == ["BUILTIN-GIT-BLOCK-NO-VERIFY"])
    }

    @Test("ordinary git, and -n or --no-verify that is no hook switch, are allowed", arguments: [
        "git commit -m 'fix -n handling'", "git commit -m \"--no-verify in a message\"", "git log -n 5", "git push origin main",
        "git status", "echo git commit --no-verify", "git config --get core.hooksPath", "chmod +x .git/hooks/pre-commit",
        "git commit -F notes-n.txt", "grep -n no-verify README.md",
    ])
    func allowed(command: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        #expect(try await project.decide(BuiltinProject.bash(command)) == .allow(context: []), "\(command)")
    }

    @Test("switching hooks off is denied", arguments: [
        "git config core.hooksPath /dev/null", "git config --global core.hooksPath /tmp/none", "rm -rf .git/hooks",
        "mv .git/hooks .git/hooks.off", "chmod -x .git/hooks/pre-commit",
    ])
    func disablesHooks(command: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try project.write(".git/hooks/pre-commit", "#!/bin/sh\n")
        let decision = try await project.decide(BuiltinProject.bash(command))
        #expect(decision.name == "deny", "\(command)")
        #expect(decision.reason == GitBlockNoVerify.hooksReason, "\(command)")
    }

    @Test("a configured message replaces upstream's reason")
    func message() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  git_block_no_verify:\n    message: \"Hooks run here\"\n")
        #expect(try await project.decide(BuiltinProject.bash("git commit -n")).reason == "Hooks run here")
    }

    @Test("an exception variable set in the hook's environment stands the builtin aside")
    func exceptions() throws {
        var options = try BuiltinOptions(name: "builtins.git_block_no_verify", value: ["exceptions": ["CI_ENVIRONMENT"]],
                                         fail: { ConfigError.invalid(file: "rulebook.yml", line: nil, keyPath: $0, message: $1) })
        let builtin = try GitBlockNoVerify.parse(&options, enabled: true)
        let event = EventView(try HookEvent.decode(Array(BuiltinProject.bash("git commit --no-verify").utf8), harness: .claude))
        func decide(_ variables: [String: String]) -> DecisionSet {
            builtin.evaluate(event, signals: [:], environment: BuiltinEnvironment(policyDirectory: "/p", home: nil, variables: variables))
        }
        #expect(decide([:]).denials.count == 1)
        #expect(decide(["CI_ENVIRONMENT": ""]).denials.count == 1, "an empty variable is not set")
        #expect(decide(["CI_ENVIRONMENT": "1"]).isEmpty)
        #expect(builtin.inputConfig == ["message": .string(GitBlockNoVerify.defaultMessage), "exceptions": ["CI_ENVIRONMENT"]])
    }

    @Test("Cursor's shell command is read too")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let decision = try await project.decide(
            #"{"hook_event_name":"beforeShellExecution","conversation_id":"c","command":"git push --no-verify","cwd":"/tmp"}"#, harness: .cursor)
        #expect(decision.name == "deny")
    }
}
