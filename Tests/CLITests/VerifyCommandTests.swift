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
}
