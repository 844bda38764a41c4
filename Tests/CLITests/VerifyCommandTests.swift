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
        #expect(text.contains("PreToolUse:Bash -> "))
        #expect(text.contains("cupcake.policies.bash_guard"))
        #expect(text.contains("id: BASH-001"))
        #expect(text.contains("signals: git_branch"))
        #expect(text.contains("entrypoints: cupcake/system/evaluate, cupcake/policies/aws_keys"))
        #expect(text.contains("evaluation: every policy through cupcake/system/evaluate (prebuilt bundle)"))
        #expect(text.contains("bundle: "))
    }

    @Test("a missing directory exits 66")
    func missing() throws {
        let result = try CLI.run(["verify", "--harness", "claude", "--policy-dir", "/nonexistent"])
        #expect(result.status == 66)
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
