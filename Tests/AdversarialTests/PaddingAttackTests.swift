import Foundation
import Testing

@testable import CupcakeEngine

/// Bypass by size: a multi-megabyte event must get a real verdict, and a resource limit reached
/// on an event must be a refusal, never an allow.
@Suite("Attacks: padding and resource limits")
struct PaddingAttackTests {
    static func paddedBash(megabytes: Int, tail: String) -> [String: Any] {
        Adversary.claude("Bash", ["command": "echo " + String(repeating: "A", count: megabytes << 20) + "; " + tail], cwd: "/tmp")
    }

    @Test("a 5 MB command ending in a destructive one is still denied, by the text policy and the path policy")
    func fiveMegabytes() async throws {
        let naive = try await Adversary.evaluate(Self.paddedBash(megabytes: 5, tail: "rm -rf /important"))
        #expect(naive.denies("ADV-NAIVE-001"), "\(naive.decision) \(naive.ruleIDs)")
        let etc = try await Adversary.evaluate(Self.paddedBash(megabytes: 5, tail: "rm -rf /etc/ssh"))
        #expect(etc.denies("ADV-ETC-001"), "\(etc.decision) \(etc.ruleIDs)")
    }

    @Test("padded commands are denied in every harness")
    func everyHarness() async throws {
        let command = "echo " + String(repeating: "B", count: 3 << 20) + " && rm -rf /etc/ssh"
        for harness in Harness.allCases {
            let verdict = try await Adversary.evaluate(Adversary.shell(command, harness: harness, cwd: "/tmp"), harness: harness)
            #expect(verdict.denies("ADV-ETC-001"), "\(harness): \(verdict.decision) \(verdict.ruleIDs)")
        }
    }

    @Test("a 12 MB Write into /etc through the CLI gets the policy's denial")
    func twelveMegabytesThroughTheCLI() throws {
        let event = Adversary.claude("Write", ["file_path": "/etc/profile.d/x.sh", "content": String(repeating: "x", count: 12 << 20)], cwd: "/tmp")
        let result = try Adversary.cli(try JSONSerialization.data(withJSONObject: event))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"deny\""))
        #expect(result.stdout.contains("Writes under /etc are refused"))
    }

    @Test("past the memory ceiling the answer is a refusal naming the limit, in default fail-open mode")
    func memoryCeiling() async throws {
        var configuration = EngineConfiguration(policyDirectory: Adversary.project, harness: .claude, cacheDirectory: Adversary.cache)
        configuration.wasm.maxMemoryLimitBytes = 12 * WasmPolicyConfiguration.mebibyte
        let engine = try Engine(configuration: configuration, tracer: .disabled)
        #expect(engine.failMode == .open)
        let verdict = try await Adversary.evaluate(Self.paddedBash(megabytes: 5, tail: "ls"), engine: engine)
        #expect(verdict.denies("CUPCAKE-RESOURCE-LIMIT"), "\(verdict.decision) \(verdict.ruleIDs)")
        #expect(verdict.reason.contains("memory limit of 12 MiB"))
        // A small event on the same engine is evaluated normally.
        #expect(try await Adversary.evaluate(Adversary.claude("Bash", ["command": "ls"], cwd: "/tmp"), engine: engine).isAllow)
    }

    @Test("past the deadline the answer is a refusal naming it")
    func deadline() async throws {
        var configuration = EngineConfiguration(policyDirectory: Adversary.project, harness: .claude, cacheDirectory: Adversary.cache)
        configuration.wasm.deadlineMilliseconds = 1
        let engine = try Engine(configuration: configuration, tracer: .disabled)
        let verdict = try await Adversary.evaluate(Self.paddedBash(megabytes: 8, tail: "ls"), engine: engine)
        #expect(verdict.denies("CUPCAKE-RESOURCE-LIMIT"), "\(verdict.decision) \(verdict.ruleIDs)")
        #expect(verdict.reason.contains("1 ms deadline"))
    }

    @Test("the CLI's limit on memory is a refusal too, with exit 0 and the harness's denial")
    func cliMemoryFlag() throws {
        let event = try JSONSerialization.data(withJSONObject: Self.paddedBash(megabytes: 3, tail: "ls"))
        let result = try Adversary.cli(event, extra: ["--wasm-max-memory", "8MiB"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"permissionDecision\":\"deny\""))
        #expect(result.stdout.contains("memory limit of 8 MiB"))
    }
}
