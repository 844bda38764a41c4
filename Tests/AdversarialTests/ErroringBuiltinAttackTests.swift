import Foundation
import CupcakeTestSupport
import Testing

@testable import CupcakeEngine

/// A policy whose builtin fails on a value the attacker chose must not throw away another
/// policy's denial: the failing expression is undefined, as in OPA's SDKs.
@Suite("Attacks: erroring builtins")
struct ErroringBuiltinAttackTests {
    @Test("hex.decode fails on the command, the naive policy still denies, in every harness")
    func besideADenial() async throws {
        for harness in Harness.allCases {
            let verdict = try await Adversary.evaluate(Adversary.shell("rm -rf /important zz", harness: harness, cwd: "/tmp"), harness: harness)
            #expect(verdict.denies("ADV-NAIVE-001"), "\(harness): \(verdict)")
            #expect(!verdict.ruleIDs.contains("ADV-DECODE-001"))
        }
    }

    @Test("when the builtin succeeds, its policy decides")
    func decodes() async throws {
        let hex = Array("rm -rf /".utf8).map { String(format: "%02x", $0) }.joined()
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": hex], cwd: "/tmp"))
        #expect(verdict.denies("ADV-DECODE-001"), "\(verdict)")
    }

    @Test("the failure is in the trace of the evaluation")
    func traced() throws {
        let event = try JSONSerialization.data(withJSONObject: Adversary.claude("Bash", ["command": "ls -la"], cwd: "/tmp"))
        let result = try ChildProcess.run(
            try ChildProcess.executable(named: "cupcake"),
            ["eval", "--harness", "claude", "--policy-dir", Adversary.project, "--cache-dir", Adversary.cache, "--trace", "wasm"],
            stdin: event)
        #expect(result.status == 0)
        let wasmEval = result.stderrLines.first { $0.contains("\"span\":\"wasm_eval\"") } ?? ""
        #expect(wasmEval.contains("\"builtin_error_count\":1"), "\(wasmEval)")
        #expect(wasmEval.contains("hex.decode"))
    }
}
