import CupcakeTestSupport
import Foundation
import Testing

@Suite("cupcake verify")
struct VerifyCommandTests {
    @Test("shows the routing map, policies, signals and bundle")
    func report() throws {
        let result = try CLI.run(["verify", "--harness", "claude", "--policy-dir", CLI.project, "--cache-dir", CLI.cache])
        #expect(result.status == 0)
        let text = result.stdout
        // The routing map whole: each event (and tool) with the policies it reaches.
        let lines = text.split(separator: "\n").map(String.init)
        let routing = lines.drop { $0 != "routing:" }.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(Array(routing) == [
            "  PostToolUse:Edit -> cupcake.policies.env_files",
            "  PostToolUse:Write -> cupcake.policies.env_files",
            "  PreToolUse -> cupcake.policies.aws_keys",
            "  PreToolUse:Bash -> cupcake.policies.aws_keys, cupcake.policies.bash_guard, cupcake.policies.fork_bomb, "
                + "cupcake.policies.git_commit_main, cupcake.policies.git_force_push, cupcake.policies.npm_scripts",
            "  PreToolUse:Edit -> cupcake.policies.aws_keys, cupcake.policies.system_paths",
            "  PreToolUse:Write -> cupcake.policies.aws_keys, cupcake.policies.system_paths",
            "  UserPromptSubmit -> cupcake.policies.test_reminder",
        ])
        #expect(text.contains("cupcake.policies.bash_guard"))
        #expect(text.contains("id: BASH-001"))
        #expect(text.contains("signals: git_branch"))
        #expect(text.contains("entrypoints: cupcake/system/evaluate, cupcake/policies/aws_keys"))
        #expect(text.contains("evaluation: every policy through cupcake/system/evaluate (prebuilt bundle)"))
        let bundle = CLI.project + "/bundles/claude.tar.gz"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bundle)[.size] as? Int)
        #expect(lines.contains("bundle: \(bundle) (\(size) bytes)"))
    }

    @Test("a missing directory exits 66")
    func missing() throws {
        let result = try CLI.run(["verify", "--harness", "claude", "--policy-dir", "/nonexistent"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["cupcake verify: policy directory /nonexistent does not exist or is not a directory"])
    }

    @Test("--evaluation routed on a bundle with an entrypoint per package: verify says so, eval answers the same")
    func routedEvaluation() throws {
        let routed = try CLI.run(["verify", "--harness", "claude", "--policy-dir", CLI.project, "--cache-dir", CLI.cache,
                                  "--evaluation", "routed"])
        #expect(routed.status == 0)
        #expect(routed.stdout.contains("evaluation: routed packages only, aggregated by the host (routed)"), "\(routed.stdout)")
        let event = try CLI.event("pretooluse-bash-rm-rf")
        var answers: [String] = []
        for mode in ["aggregate", "routed"] {
            let result = try CLI.run(["eval", "--harness", "claude", "--policy-dir", CLI.project, "--cache-dir", CLI.cache,
                                      "--global-dir", "none", "--evaluation", mode], stdin: event)
            #expect(result.status == 0)
            answers.append(result.stdout)
        }
        #expect(answers[0] == answers[1])
        #expect(answers[0].contains("deny"))
        let bad = try CLI.run(["eval", "--harness", "claude", "--evaluation", "fastest"], stdin: event)
        // An unknown mode is refused before anything is read or loaded.
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--evaluation must be automatic, aggregate or routed"))
    }
}
