import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// The runtime's spans: module load, instantiation and evaluation, with their fields.
@Suite struct WasmTracingTests {
    func lines(_ sink: InMemorySink) throws -> [[String: Any]] {
        try sink.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func spansOfLoadInstantiateAndEvaluate() async throws {
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .wasm, sink: sink))
        let wasm = try WasmFixturePolicyTests.policy("aggregate")
        let runtime = try WasmPolicyRuntime.load(
            wasm: wasm, dataJSON: nil, origin: "aggregate.wasm", cache: .memoryOnly, tracer: tracer)
        let event = try WasmFixturePolicyTests.bytes("events/claude/pretooluse-bash-rm-rf.json")
        let result = try await runtime.evaluate(entrypoint: "cupcake/system/evaluate", input: event, tracer: tracer)
        let spans = try lines(sink)
        #expect(spans.map { $0["span"] as? String } == ["wasm_load", "wasm_instantiate", "wasm_eval"])
        let load = spans[0]
        #expect(load["module_size_bytes"] as? Int == wasm.count)
        // A memory-only cache: compiled here, or already by another test in this process; never from disk.
        let source = try #require(load["source"] as? String)
        #expect(["compiled", "memory"].contains(source))
        #expect(load["cache_hit"] as? Bool == (source == "memory"))
        let instantiate = spans[1]
        // The spans report the runtime's own figures.
        #expect(runtime.instantiateStats.memoryBytes > 0)
        #expect(instantiate["memory_bytes"] as? Int == runtime.instantiateStats.memoryBytes)
        #expect(instantiate["abi_version"] as? String == "1.3")
        let evaluation = spans[2]
        #expect(evaluation["input_size_bytes"] as? Int == event.count)
        #expect(result.stats.outputSizeBytes > 0 && result.stats.memoryBytes > 0)
        #expect(evaluation["output_size_bytes"] as? Int == result.stats.outputSizeBytes)
        #expect(evaluation["decision_count"] as? Int == 1)
        #expect(evaluation["memory_bytes"] as? Int == result.stats.memoryBytes)
        let milliseconds = try #require(evaluation["evaluation_time_ms"] as? Double)
        #expect(abs(milliseconds - result.stats.evaluationMilliseconds) <= 0.000_001)  // written to six decimals
    }

    @Test func failedEvaluationIsAnErrorLine() async throws {
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .eval, sink: sink))
        let runtime = try WasmPolicyRuntime.load(
            wasm: try WasmFixturePolicyTests.policy("faults"), dataJSON: nil, origin: "faults.wasm",
            cache: .memoryOnly, tracer: tracer)
        #expect(sink.lines.isEmpty)  // load and instantiate are wasm-category detail, not eval
        await #expect(throws: WasmPolicyError.self) {
            _ = try await runtime.evaluate(entrypoint: "faults/main", input: Array(#"{"mode":"abort"}"#.utf8), tracer: tracer)
        }
        let spans = try lines(sink)
        #expect(spans.count == 1)
        #expect(spans.first?["level"] as? String == "ERROR")
        #expect((spans.first?["error"] as? String)?.contains("deliberate abort") == true)
        let ok = try await runtime.evaluate(entrypoint: "faults/main", input: Array(#"{"mode":"none"}"#.utf8), tracer: tracer)
        #expect(ok.result?["ok"] == .bool(true))
    }

    @Test func failedBuiltinsAreFieldsOfTheEvaluationSpan() async throws {
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .eval, sink: sink))
        let runtime = try WasmPolicyRuntime.load(
            wasm: try WasmFixturePolicyTests.policy("builtin_error"), dataJSON: nil, origin: "builtin_error.wasm",
            cache: .memoryOnly, tracer: tracer)
        _ = try await runtime.evaluate(entrypoint: "builtin_error/main", input: Array(#"{"value":"6869"}"#.utf8), tracer: tracer)
        _ = try await runtime.evaluate(entrypoint: "builtin_error/main", input: Array(#"{"value":"abc"}"#.utf8), tracer: tracer)
        let spans = try lines(sink)
        #expect(spans.count == 2)
        #expect(spans.first?["builtin_error_count"] == nil, "no field while every builtin succeeded")
        #expect(spans.first?["builtin_errors"] == nil)
        let failed = try #require(spans.last)
        #expect(failed["level"] as? String == "INFO", "a failed builtin is undefined, not an error of the evaluation")
        #expect(failed["builtin_error_count"] as? Int == 1)
        #expect(failed["builtin_errors"] as? [String] == ["hex.decode: encoding/hex: odd length hex string"])
    }

    @Test func invalidModuleFailsItsLoadSpan() throws {
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .wasm, sink: sink))
        #expect(throws: WasmPolicyError.self) {
            _ = try WasmPolicyRuntime.load(
                wasm: Array("not wasm".utf8), dataJSON: nil, origin: "broken.wasm", cache: .memoryOnly, tracer: tracer)
        }
        let spans = try lines(sink)
        #expect(spans.map { $0["span"] as? String } == ["wasm_load"])
        #expect(spans.first?["level"] as? String == "ERROR")
        #expect((spans.first?["error"] as? String)?.contains("broken.wasm") == true)
    }
}
