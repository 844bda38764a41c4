import Testing
@testable import CupcakeEngine

/// The OPA-shaped fixture modules in Fixtures/policies through the runtime.
@Suite struct WasmFixturePolicyTests {
    /// Fixtures/ at the package root, found from this file's path.
    static let fixtures: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4) // Tests/CupcakeEngineTests/Wasm/<file>
        return components.joined(separator: "/") + "/Fixtures"
    }()

    /// A committed fixture's bytes; a missing one fails the test (never skips it).
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        try #require(try? CacheFileIO.read(fixtures + "/" + relativePath).get(), "missing fixture Fixtures/\(relativePath)")
    }

    static func policy(_ name: String) throws -> [UInt8] {
        try bytes("policies/\(name).wasm")
    }

    static func runtime(_ name: String, data: [UInt8]? = nil,
                        configuration: WasmPolicyConfiguration = WasmPolicyConfiguration()) throws -> WasmPolicyRuntime {
        try WasmPolicyRuntime(wasm: try policy(name), dataJSON: data, origin: "Fixtures/policies/\(name).wasm",
                              configuration: configuration, cache: .memoryOnly)
    }

    static func json(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aggregateReturnsADecisionSet() async throws {
        let runtime = try Self.runtime("aggregate")
        #expect(runtime.abiVersion == OPAABIVersion(major: 1, minor: 3))
        #expect(runtime.entrypoints.first == "cupcake/policies/aws_keys")
        #expect(runtime.entrypoints.count == 14 && runtime.entrypoints.contains("cupcake/system/evaluate"))
        let event = try Self.bytes("events/claude/pretooluse-bash-rm-rf.json")
        let evaluation = try await runtime.evaluate(entrypoint: "cupcake/system/evaluate", input: event)
        let denials = try #require(evaluation.result?["denials"]?.arrayValue)
        #expect(denials.map { $0["rule_id"] } == [.string("BASH-001")])
        #expect(evaluation.stats.decisionCount == 1)
        #expect(evaluation.stats.inputSizeBytes == event.count)
        #expect(evaluation.stats.outputSizeBytes > 0)

        let quiet = try Self.bytes("events/claude/pretooluse-bash-ls.json")
        let allow = try await runtime.evaluate(entrypoint: "cupcake.system.evaluate", input: quiet)
        #expect(allow.stats.decisionCount == 0)
        #expect(allow.result?["halts"] == .array([]))
    }

    @Test func builtinsAreServedByTheHost() async throws {
        let runtime = try Self.runtime("builtins")
        #expect(runtime.builtins == ["crypto.sha256", "sprintf", "time.now_ns"])
        let before = MonotonicClock.wallNanoseconds()
        let evaluation = try await runtime.evaluate(entrypoint: "builtins/main", input: Self.json(#"{"user":"alice","count":3}"#))
        let result = try #require(evaluation.result)
        #expect(result["message"] == .string("alice ran 3 commands"))
        // SHA-256 of "alice".
        #expect(result["hash"] == .string("2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90"))
        let now = try #require(result["now"]?.intValue)
        #expect(now >= before && now <= MonotonicClock.wallNanoseconds())
        // Undefined without the inputs it needs.
        #expect(try await runtime.evaluate(entrypoint: "builtins/main", input: Self.json("{}")).isUndefined)
    }

    @Test func aFailingBuiltinLeavesOnlyItsRuleUndefined() async throws {
        let runtime = try Self.runtime("builtin_error")
        let denial: JSONValue = .object([
            "rule_id": .string("HEX-001"), "reason": .string("always denied"), "severity": .string("HIGH"),
        ])
        let failed = try await runtime.evaluate(entrypoint: "builtin_error/main", input: Self.json(#"{"value":"zz"}"#))
        #expect(failed.result == .object(["deny": denial]))
        #expect(failed.builtinErrors == [WasmBuiltinError(name: "hex.decode", message: "encoding/hex: invalid byte: U+007A 'z'")])
        #expect(failed.builtinErrorCount == 1)

        let decoded = try await runtime.evaluate(entrypoint: "builtin_error/main", input: Self.json(#"{"value":"6869"}"#))
        #expect(decoded.result == .object(["deny": denial, "encoded": .string("hi")]))
        #expect(decoded.builtinErrors.isEmpty && decoded.builtinErrorCount == 0)
    }

    @Test func sprintfSeesSetsAndNumbersAsThePolicyHasThem() async throws {
        let runtime = try Self.runtime("sprintf_values")
        let evaluation = try await runtime.evaluate(entrypoint: "sprintf_values/main", input: Self.json("{}"))
        #expect(evaluation.result == .object([
            "mixed": .string(#"{"a", "b"} 12345678901234567890 1e400"#),
            "empty": .string("set()"),
            "ordered": .string(#"{9, 10, "x"}"#),
        ]))
        #expect(evaluation.builtinErrorCount == 0)
        // The module reads its input as Rego text, so sets can come from the input too.
        let fromInput = try await runtime.evaluate(
            entrypoint: "sprintf_values/main", input: Self.json(#"{"values": {"b", set(), "a", {"k": {2, 1}}}}"#))
        #expect(fromInput.result?["input"] == .string(#"{"a", "b", {"k": {1, 2}}, set()}"#))
    }

    @Test func unsupportedBuiltinFailsAtLoad() async throws {
        let error = await wasmPolicyFailure { _ = try Self.runtime("unsupported_builtin") }
        #expect(error?.reason == .unsupportedBuiltins(["http.send"]))
        #expect(error?.description == "policy Fixtures/policies/unsupported_builtin.wasm: the policy uses builtins Cupcake does not support: http.send")
    }

    @Test func readsTheDataDocument() async throws {
        let data = try Self.bytes("policies/with_data.json")
        let runtime = try Self.runtime("with_data", data: data)
        let blocked = try await runtime.evaluate(entrypoint: "data/check", input: Self.json(#"{"path":"/etc/passwd"}"#))
        #expect(blocked.result == .object(["denied": .bool(true), "matched": .string("/etc")]))
        let allowed = try await runtime.evaluate(entrypoint: "data/check", input: Self.json(#"{"path":"/home/dev"}"#))
        #expect(allowed.result == .object(["denied": .bool(false), "matched": .null]))
        let withoutData = try Self.runtime("with_data")
        #expect(try await withoutData.evaluate(entrypoint: "data/check", input: Self.json(#"{"path":"/etc/passwd"}"#)).result?["denied"] == .bool(false))
        let error = await wasmPolicyFailure { _ = try Self.runtime("with_data", data: Self.json("{\"blocked_prefixes\": [")) }
        #expect(error?.reason == .invalidData("not valid JSON"))
    }

    @Test func abi11UsesTheContextPath() async throws {
        let runtime = try Self.runtime("abi11")
        #expect(runtime.abiVersion == OPAABIVersion(major: 1, minor: 1))
        #expect(try await runtime.evaluate(entrypoint: "legacy/allow", input: Self.json(#"{"user":"alice"}"#)).result == .object(["allow": .bool(true)]))
        #expect(try await runtime.evaluate(entrypoint: "legacy/allow", input: Self.json(#"{"user":"bob"}"#)).result == .object(["allow": .bool(false)]))
    }

    static let faultLimits = WasmPolicyConfiguration(memoryLimitBytes: 4 * WasmPolicyConfiguration.mebibyte,
                                                     deadlineMilliseconds: 200, maxInstances: 1)

    @Test func faultsAreReportedAndTheRuntimeRecovers() async throws {
        let runtime = try Self.runtime("faults", configuration: Self.faultLimits)
        let origin = "policy Fixtures/policies/faults.wasm: "
        let cases: [(String, WasmPolicyFailure, String)] = [
            ("loop", .deadlineExceeded(milliseconds: 200), "evaluation exceeded its 200 ms deadline"),
            ("bomb", .memoryLimitReached(bytes: 4 * WasmPolicyConfiguration.mebibyte), "memory limit of 4 MiB reached"),
            ("oob", .trap("out of bounds memory access"), "trap: out of bounds memory access"),
            ("abort", .aborted("faults: deliberate abort"), "opa_abort: faults: deliberate abort"),
        ]
        for (mode, reason, message) in cases {
            // Each fault ends the evaluation, the loop at its deadline: well within 20 times it (a
            // loose bound for a slow shared machine; a deadline that never fires fails, not hangs).
            let error = try await wasmPolicyFailure(within: .milliseconds(20 * 200)) {
                _ = try await runtime.evaluate(entrypoint: "faults/main", input: Self.json(#"{"mode":"\#(mode)"}"#))
            }
            #expect(error?.reason == reason, "mode \(mode)")
            #expect(error?.description == origin + message)
            let next = try await runtime.evaluate(entrypoint: "faults/main", input: Self.json(#"{"mode":"fine"}"#))
            #expect(next.result == .object(["ok": .bool(true)]), "after \(mode)")
        }
    }

    @Test(arguments: [
        ("loop", "loop/main", WasmPolicyFailure.deadlineExceeded(milliseconds: 200)),
        ("membomb", "membomb/main", .memoryLimitReached(bytes: 4 * WasmPolicyConfiguration.mebibyte)),
        ("oob", "oob/main", .trap("out of bounds memory access")),
        ("abort", "abort/main", .aborted("abort: policy aborted deliberately")),
    ])
    func watFaultModulesFailEveryTime(name: String, entrypoint: String, reason: WasmPolicyFailure) async throws {
        let runtime = try Self.runtime(name, configuration: Self.faultLimits)
        for _ in 0..<2 {
            let error = try await wasmPolicyFailure(within: .milliseconds(20 * 200)) {
                _ = try await runtime.evaluate(entrypoint: entrypoint, input: Self.json("{}"))
            }
            #expect(error?.reason == reason)
        }
    }

    @Test func concurrentAggregateEvaluationsAreCorrect() async throws {
        let runtime = try Self.runtime("aggregate", configuration: WasmPolicyConfiguration(maxInstances: 3))
        let events: [(String, String?)] = [
            ("pretooluse-bash-rm-rf", "BASH-001"), ("pretooluse-bash-ls", nil),
            ("pretooluse-write-etc", "FS-001"), ("pretooluse-bash-aws-key", "SEC-001"),
        ]
        let inputs = try events.map { (try Self.bytes("events/claude/\($0.0).json"), $0.1) }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                let (input, expected) = inputs[index % inputs.count]
                group.addTask {
                    let result = try await runtime.evaluate(entrypoint: "cupcake/system/evaluate", input: input).result
                    let rules = result?["denials"]?.arrayValue?.compactMap { $0["rule_id"]?.stringValue } ?? []
                    return rules == (expected.map { [$0] } ?? [])
                }
            }
            var all: [Bool] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 100)
        #expect(outcomes.allSatisfy { $0 })
    }

    @Test func memoryIsStableOverAThousandEvaluations() async throws {
        let runtime = try Self.runtime("aggregate", configuration: WasmPolicyConfiguration(maxInstances: 1))
        let event = try Self.bytes("events/claude/pretooluse-bash-npm-install.json")
        let first = try await runtime.evaluate(entrypoint: "cupcake/system/evaluate", input: event)
        #expect(first.stats.decisionCount == 1)
        var memory = first.stats.memoryBytes
        for _ in 0..<1_000 {
            memory = try await runtime.evaluate(entrypoint: "cupcake/system/evaluate", input: event).stats.memoryBytes
        }
        #expect(memory == first.stats.memoryBytes)
    }
}
