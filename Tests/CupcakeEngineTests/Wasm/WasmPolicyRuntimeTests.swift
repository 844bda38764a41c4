import Dispatch
import Synchronization
import Testing
@testable import CupcakeEngine

/// The OPA ABI host through the hand-written fake module (no OPA or fixtures needed).
@Suite struct WasmPolicyRuntimeTests {
    static let origin = "test/fake.wasm"

    static func runtime(major: Int32? = 1, minor: Int32 = 3, builtins: String = "{}", data: String? = nil,
                        configuration: WasmPolicyConfiguration = WasmPolicyConfiguration()) throws -> WasmPolicyRuntime {
        let wasm = try FakeOPA.wasm(major: major, minor: minor, builtins: builtins)
        return try WasmPolicyRuntime(wasm: wasm, dataJSON: data.map { Array($0.utf8) }, origin: origin,
                                     configuration: configuration, cache: .memoryOnly)
    }

    @Test(arguments: [Int32(3), 2, 1])
    func echoesInputThroughBothEvaluationPaths(minor: Int32) async throws {
        let runtime = try Self.runtime(minor: minor)
        #expect(runtime.abiVersion == OPAABIVersion(major: 1, minor: minor))
        let input = #"{"tool_name":"Bash","tool_input":{"command":"ls -la"},"n":[1,2.5,true,null]}"#
        let evaluation = try await runtime.evaluate(entrypoint: "echo", input: Array(input.utf8))
        #expect(evaluation.result == (try JSONValue.parse(input)))
        #expect(evaluation.stats.inputSizeBytes == input.utf8.count)
        #expect(evaluation.stats.outputSizeBytes == input.utf8.count + 13)
        #expect(evaluation.stats.memoryBytes >= 2 * WasmMemory.pageSize)
        #expect(evaluation.stats.decisionCount == 0)
    }

    @Test func modulesWithoutVersionGlobalsUseABI10() async throws {
        let runtime = try Self.runtime(major: nil)
        #expect(runtime.abiVersion == OPAABIVersion(major: 1, minor: 0))
        let evaluation = try await runtime.evaluate(entrypoint: "echo", input: Array("[1]".utf8))
        #expect(evaluation.result == .array([.int(1)]))
    }

    @Test func rejectsOtherMajorABIVersions() async throws {
        let error = await wasmPolicyFailure { _ = try Self.runtime(major: 2, minor: 0) }
        #expect(error?.reason == .unsupportedABI(major: 2, minor: 0))
        #expect(error?.description == "policy test/fake.wasm: OPA WebAssembly ABI 2.0 is not supported (Cupcake supports 1.x)")
    }

    @Test func undefinedResultIsNil() async throws {
        let runtime = try Self.runtime()
        let evaluation = try await runtime.evaluate(entrypoint: "undefined", input: Array("{}".utf8))
        #expect(evaluation.isUndefined)
        #expect(evaluation.result == nil)
    }

    @Test func passesTheDataDocument() async throws {
        let data = #"{"blocked":["/etc"]}"#
        let withData = try Self.runtime(data: data)
        #expect(try await withData.evaluate(entrypoint: "data", input: Array("{}".utf8)).result == (try JSONValue.parse(data)))
        let withoutData = try Self.runtime()
        #expect(try await withoutData.evaluate(entrypoint: "data", input: Array("{}".utf8)).result == .object([:]))
        let contextPath = try Self.runtime(minor: 1, data: data)
        #expect(try await contextPath.evaluate(entrypoint: "data", input: Array("{}".utf8)).result == (try JSONValue.parse(data)))
    }

    @Test func invalidDataDocumentFailsLoading() async throws {
        let error = await wasmPolicyFailure { _ = try Self.runtime(data: "!not json") }
        #expect(error?.reason == .invalidData("not valid JSON"))
        #expect(error?.description == "policy test/fake.wasm: data.json: not valid JSON")
    }

    @Test func unknownEntrypointListsTheAvailableOnes() async throws {
        let runtime = try Self.runtime()
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "nope", input: Array("{}".utf8)) }
        #expect(error?.reason == .unknownEntrypoint("nope", available: FakeOPA.entrypoints.sorted()))
        #expect(error?.description.contains("available: abort, bomb, builtin, data, echo") == true)
        #expect(runtime.entrypoints == FakeOPA.entrypoints.sorted())
    }

    @Test func countsDecisionsOfADecisionSet() async throws {
        let runtime = try Self.runtime()
        let input = #"{"halts":[{"rule_id":"A"}],"denials":[{"rule_id":"B"},{"rule_id":"C"}],"blocks":[],"asks":[{}],"modifications":[],"add_context":["x"],"other":[1,2,3]}"#
        let evaluation = try await runtime.evaluate(entrypoint: "echo", input: Array(input.utf8))
        #expect(evaluation.stats.decisionCount == 5)
    }

    @Test func callsHostBuiltins() async throws {
        let runtime = try Self.runtime(builtins: #"{"crypto.sha256":0}"#)
        #expect(runtime.builtins == ["crypto.sha256"])
        let evaluation = try await runtime.evaluate(entrypoint: "builtin", input: Array(#""abc""#.utf8))
        #expect(evaluation.result == .string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        let contextPath = try Self.runtime(minor: 1, builtins: #"{"crypto.sha256":0}"#)
        #expect(try await contextPath.evaluate(entrypoint: "builtin", input: Array(#""abc""#.utf8)).result
                == .string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }

    @Test func aFailingBuiltinIsUndefinedAndRecorded() async throws {
        let runtime = try Self.runtime(builtins: #"{"crypto.sha256":0}"#)
        let failed = try await runtime.evaluate(entrypoint: "builtin", input: Array("42".utf8))
        #expect(failed.isUndefined)
        #expect(failed.builtinErrors == [WasmBuiltinError(name: "crypto.sha256", message: "operand 1 must be string but got number")])
        #expect(failed.builtinErrorCount == 1)
        #expect(failed.builtinErrors.first?.description == "crypto.sha256: operand 1 must be string but got number")
        // The next evaluation on the same instance starts with no errors.
        let fine = try await runtime.evaluate(entrypoint: "builtin", input: Array(#""abc""#.utf8))
        #expect(fine.result == .string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(fine.builtinErrors.isEmpty && fine.builtinErrorCount == 0)
    }

    @Test func anArgumentTheBridgeCannotReadStillStopsTheEvaluation() async throws {
        let runtime = try Self.runtime(builtins: #"{"crypto.sha256":0}"#)
        // The fake module hands the raw input to the builtin, so text that is no value reaches the bridge.
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "builtin", input: Array("{oops".utf8)) }
        guard case .builtinFailed(let name, let message)? = error?.reason else {
            Issue.record("expected a builtin failure, got \(String(describing: error))")
            return
        }
        #expect(name == "crypto.sha256")
        #expect(message.hasPrefix("argument 1 "), "\(message)")
        #expect(error?.description.hasPrefix("policy test/fake.wasm: builtin crypto.sha256 failed: ") == true)
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("1".utf8)).result == .int(1))
    }

    @Test func theBuiltinErrorLogKeepsEightAndCountsAll() {
        var log = BuiltinErrorLog()
        for index in 0..<11 { log.record(name: "hex.decode", message: "error \(index)") }
        #expect(log.count == 11)
        #expect(log.recorded.map(\.message) == (0..<8).map { "error \($0)" })
    }

    @Test func unsupportedBuiltinsFailLoadingAndAreListed() async throws {
        let error = await wasmPolicyFailure { _ = try Self.runtime(builtins: #"{"http.send":0,"crypto.sha256":1,"net.lookup_ip_addr":2}"#) }
        #expect(error?.reason == .unsupportedBuiltins(["http.send", "net.lookup_ip_addr"]))
        #expect(error?.description.contains("http.send, net.lookup_ip_addr") == true)
    }

    @Test func missingImportsAreNamed() async throws {
        let wasm = try FakeOPA.wasm(extraImports: #"(import "env" "mystery" (func)) (import "wasi" "clock" (func (param i32)))"#)
        let error = await wasmPolicyFailure {
            _ = try WasmPolicyRuntime(wasm: wasm, dataJSON: nil, origin: "m.wasm", cache: .memoryOnly)
        }
        #expect(error?.reason == .missingImports(["env.mystery", "wasi.clock"]))
        #expect(error?.description.hasPrefix("policy m.wasm: the module imports env.mystery, wasi.clock, which Cupcake does not provide") == true)
    }

    @Test func bytesThatAreNotWasmGiveAClearError() async throws {
        let error = await wasmPolicyFailure {
            _ = try WasmPolicyRuntime(wasm: Array("{\"not\": \"wasm\"}".utf8), dataJSON: nil, origin: "bad.wasm", cache: .memoryOnly)
        }
        guard case .invalidModule(let message)? = error?.reason else {
            Issue.record("expected invalidModule, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("not a valid WebAssembly module: "))
        #expect(error?.description.hasPrefix("policy bad.wasm: not a valid WebAssembly module") == true)
    }

    @Test func rejectsMemoryLimitsOutsideTheAllowedRange() async throws {
        for bytes in [0, WasmPolicyConfiguration.mebibyte - 1, 4_097 * WasmPolicyConfiguration.mebibyte] {
            let error = await wasmPolicyFailure { _ = try Self.runtime(configuration: WasmPolicyConfiguration(memoryLimitBytes: bytes)) }
            guard case .configuration(let message)? = error?.reason else {
                Issue.record("expected a configuration error for \(bytes) bytes")
                continue
            }
            #expect(message.contains("outside the allowed 1 MiB...4096 MiB"))
        }
        let inverted = await wasmPolicyFailure {
            _ = try Self.runtime(configuration: WasmPolicyConfiguration(memoryLimitBytes: 8 * WasmPolicyConfiguration.mebibyte,
                                                                        maxMemoryLimitBytes: 4 * WasmPolicyConfiguration.mebibyte))
        }
        #expect(inverted?.description.contains("memory ceiling of 4 MiB is outside the allowed 8 MiB...4096 MiB") == true)
        #expect(throws: Never.self) { try Self.runtime(configuration: WasmPolicyConfiguration(memoryLimitBytes: 100 * WasmPolicyConfiguration.mebibyte)) }
    }

    @Test func moduleNeedingMoreMemoryThanTheCapFailsLoading() async throws {
        let wasm = try FakeOPA.wasm(memoryMinimumPages: 40)
        let error = await wasmPolicyFailure {
            _ = try WasmPolicyRuntime(wasm: wasm, dataJSON: nil, origin: "big.wasm",
                                      configuration: WasmPolicyConfiguration(memoryLimitBytes: 2 * WasmPolicyConfiguration.mebibyte),
                                      cache: .memoryOnly)
        }
        guard case .instantiationFailed(let message)? = error?.reason else {
            Issue.record("expected instantiationFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("above the memory limit of 2 MiB"))
    }

    @Test func printlnLinesReachTheHandler() async throws {
        let lines = Mutex<[String]>([])
        let configuration = WasmPolicyConfiguration(printHandler: { line in lines.withLock { $0.append(line) } })
        let runtime = try Self.runtime(configuration: configuration)
        #expect(try await runtime.evaluate(entrypoint: "println", input: Array("7".utf8)).result == .int(7))
        #expect(lines.withLock { $0 } == [FakeOPA.printedLine])
    }

    // MARK: - Faults, each followed by a successful evaluation on the same runtime

    static let shortDeadline = WasmPolicyConfiguration(memoryLimitBytes: 2 * WasmPolicyConfiguration.mebibyte,
                                                       deadlineMilliseconds: 200, maxInstances: 2)

    @Test(arguments: [Int32(3), 1])
    func infiniteLoopIsStoppedAtTheDeadline(minor: Int32) async throws {
        let runtime = try Self.runtime(minor: minor, configuration: Self.shortDeadline)
        // Cut off by the deadline, so well within 20 times it (a loose bound: a shared CI machine
        // can be slow; a deadline that never fires still fails here instead of hanging).
        let error = try await wasmPolicyFailure(within: .milliseconds(20 * 200)) {
            _ = try await runtime.evaluate(entrypoint: "loop", input: Array("{}".utf8))
        }
        #expect(error?.reason == .deadlineExceeded(milliseconds: 200))
        #expect(error?.description == "policy test/fake.wasm: evaluation exceeded its 200 ms deadline")
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("true".utf8)).result == .bool(true))
    }

    @Test func memoryBombIsStoppedAtTheCap() async throws {
        let runtime = try Self.runtime(configuration: Self.shortDeadline)
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "bomb", input: Array("{}".utf8)) }
        #expect(error?.reason == .memoryLimitReached(bytes: 2 * WasmPolicyConfiguration.mebibyte))
        #expect(error?.description == "policy test/fake.wasm: memory limit of 2 MiB reached")
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("1".utf8)).result == .int(1))
    }

    @Test func inputLargerThanAFixedLimitIsAMemoryLimitError() async throws {
        var fixed = Self.shortDeadline
        fixed.memoryPerInputByte = 0
        let runtime = try Self.runtime(configuration: fixed)
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "echo", input: Self.quotedString(megabytes: 3)) }
        #expect(error?.reason == .memoryLimitReached(bytes: 2 * WasmPolicyConfiguration.mebibyte))
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("2".utf8)).result == .int(2))
    }

    static func quotedString(megabytes: Int) -> [UInt8] {
        Array("\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: megabytes * WasmPolicyConfiguration.mebibyte) + Array("\"".utf8)
    }

    @Test("the memory limit grows with the input, up to the ceiling, and a grown instance is not kept")
    func memoryFollowsTheInput() async throws {
        let runtime = try Self.runtime(configuration: Self.shortDeadline)
        let evaluation = try await runtime.evaluate(entrypoint: "echo", input: Self.quotedString(megabytes: 3))
        #expect(evaluation.result?.stringValue?.utf8.count == 3 * WasmPolicyConfiguration.mebibyte)
        #expect(evaluation.stats.memoryLimitBytes == 50 * WasmPolicyConfiguration.mebibyte)
        #expect(evaluation.stats.memoryBytes > 2 * WasmPolicyConfiguration.mebibyte)
        #expect(runtime.instanceCount == 0, "an instance grown past the floor is dropped, not pooled")
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("3".utf8)).stats.memoryLimitBytes
            == 2 * WasmPolicyConfiguration.mebibyte)

        var capped = Self.shortDeadline
        capped.memoryPerInputByte = 1
        let small = try Self.runtime(configuration: capped)
        let error = await wasmPolicyFailure { _ = try await small.evaluate(entrypoint: "echo", input: Self.quotedString(megabytes: 3)) }
        #expect(error?.reason == .memoryLimitReached(bytes: 5 * WasmPolicyConfiguration.mebibyte))
    }

    @Test("aborts that say an allocation failed are read as the memory limit", arguments: [
        ("opa_malloc: failed", true), ("opa_malloc: out of memory", true), ("Memory exhausted", true),
        ("var assignment conflict", false), ("opa_malloc: illegal builtin cache index", false),
    ])
    func memoryExhaustionMessages(message: String, isMemory: Bool) {
        #expect(OPAPolicyInstance.reportsMemoryExhaustion(message) == isMemory)
    }

    @Test("memoryLimit(forInputBytes:): floor plus whole pages of the per-byte share, at most the ceiling")
    func memoryLimitArithmetic() {
        let mebibyte = WasmPolicyConfiguration.mebibyte
        let configuration = WasmPolicyConfiguration(memoryLimitBytes: 10 * mebibyte, memoryPerInputByte: 16,
                                                    maxMemoryLimitBytes: 100 * mebibyte)
        #expect(configuration.memoryLimit(forInputBytes: 0) == 10 * mebibyte)
        #expect(configuration.memoryLimit(forInputBytes: 4_095) == 10 * mebibyte, "under a page of share adds nothing")
        #expect(configuration.memoryLimit(forInputBytes: 4_096) == 10 * mebibyte + 65_536)
        #expect(configuration.memoryLimit(forInputBytes: mebibyte) == 26 * mebibyte)
        #expect(configuration.memoryLimit(forInputBytes: 16 * mebibyte) == 100 * mebibyte)
        #expect(configuration.memoryLimit(forInputBytes: Int.max) == 100 * mebibyte)
    }

    @Test func outOfBoundsAccessIsATrap() async throws {
        let runtime = try Self.runtime(configuration: Self.shortDeadline)
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "oob", input: Array("{}".utf8)) }
        #expect(error?.reason == .trap("out of bounds memory access"))
        #expect(error?.description == "policy test/fake.wasm: trap: out of bounds memory access")
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("3".utf8)).result == .int(3))
    }

    @Test func unreachableIsATrap() async throws {
        let runtime = try Self.runtime(configuration: Self.shortDeadline)
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "unreachable", input: Array("{}".utf8)) }
        #expect(error?.reason == .trap("unreachable instruction executed"))
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("4".utf8)).result == .int(4))
    }

    @Test(arguments: [Int32(3), 1])
    func abortCarriesTheGuestMessage(minor: Int32) async throws {
        let runtime = try Self.runtime(minor: minor, configuration: Self.shortDeadline)
        let error = await wasmPolicyFailure { _ = try await runtime.evaluate(entrypoint: "abort", input: Array("{}".utf8)) }
        #expect(error?.reason == .aborted(FakeOPA.abortMessage))
        #expect(error?.description == "policy test/fake.wasm: opa_abort: \(FakeOPA.abortMessage)")
        #expect(try await runtime.evaluate(entrypoint: "echo", input: Array("5".utf8)).result == .int(5))
    }

    // MARK: - Concurrency and reuse

    @Test func hundredConcurrentEvaluationsAllGetTheirOwnResult() async throws {
        let runtime = try Self.runtime(configuration: WasmPolicyConfiguration(maxInstances: 4))
        let results = try await withThrowingTaskGroup(of: (Int, JSONValue?).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let input = #"{"n":\#(index),"pad":"\#(String(repeating: "p", count: index))"}"#
                    return (index, try await runtime.evaluate(entrypoint: "echo", input: Array(input.utf8)).result)
                }
            }
            var collected: [Int: JSONValue?] = [:]
            for try await (index, value) in group { collected[index] = value }
            return collected
        }
        #expect(results.count == 100)
        for (index, value) in results {
            #expect(value?["n"] == .int(Int64(index)))
            #expect(value?["pad"] == .string(String(repeating: "p", count: index)))
        }
        #expect(runtime.instanceCount <= 4)
    }

    @Test func blockingEvaluationsFromManyThreadsShareABoundedPool() throws {
        let runtime = try Self.runtime(configuration: WasmPolicyConfiguration(maxInstances: 2))
        let mismatches = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let outcome = try? runtime.evaluateBlocking(entrypoint: "echo", input: Array("[\(index)]".utf8))
            if outcome?.result != .array([.int(Int64(index))]) { mismatches.add(1, ordering: .relaxed) }
        }
        #expect(mismatches.load(ordering: .relaxed) == 0)
        #expect(runtime.instanceCount <= 2)
    }

    @Test(arguments: [Int32(3), 1])
    func memoryDoesNotGrowAcrossEvaluations(minor: Int32) async throws {
        let runtime = try Self.runtime(minor: minor, configuration: WasmPolicyConfiguration(maxInstances: 1))
        let input = Array(#"{"tool_name":"Bash","tool_input":{"command":"\#(String(repeating: "a", count: 2_000))"}}"#.utf8)
        let first = try await runtime.evaluate(entrypoint: "echo", input: input).stats.memoryBytes
        var last = first
        for _ in 0..<1_000 {
            last = try await runtime.evaluate(entrypoint: "echo", input: input).stats.memoryBytes
        }
        #expect(last == first)
    }

    @Test func prewarmingAddsInstancesUpToTheBound() throws {
        let runtime = try Self.runtime(configuration: WasmPolicyConfiguration(maxInstances: 2))
        #expect(runtime.instanceCount == 1)
        let stats = try runtime.instantiate()
        #expect(stats.microseconds > 0)
        #expect(stats.memoryBytes >= 2 * WasmMemory.pageSize)
        #expect(runtime.instanceCount == 2)
        try runtime.instantiate()
        #expect(runtime.instanceCount == 2)
    }
}
