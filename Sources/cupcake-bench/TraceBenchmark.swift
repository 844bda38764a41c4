import CupcakeTrace

#if canImport(Glibc)
import Glibc
#endif

/// Figures for the tracing layer: the cost of a span site with tracing off and on, and of the
/// span shape of one evaluation.
enum TraceBenchmark {
    static func run() throws -> [(String, Double)] {
        // Two distinct disabled tracers picked per iteration, so the compiler cannot hoist the flag
        // check out of the loop: each iteration pays the load and branch a real call site pays.
        let offTracers = [Tracer(configuration: TraceConfiguration(categories: [])), Tracer(configuration: TraceConfiguration(categories: []))]
        let devNull = open("/dev/null", O_WRONLY)
        guard devNull >= 0 else { throw BenchmarkError.setup("cannot open /dev/null") }
        defer { close(devNull) }
        let on = Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: FileDescriptorSink(fileDescriptor: devNull)))
        let memory = InMemorySink()
        let sizing = Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: memory))

        let disabled = Measure.nanosecondsPerOperation(operations: 2_000_000) { index in
            singleSpan(offTracers[index & 1], index)
        }
        // A span inside an open trace, the common case; and a root span, which also starts a trace.
        let enabled = on.withSpan("evaluate", category: .root) { _ in
            Measure.nanosecondsPerOperation(batches: 21, operations: 20_000) { index in singleSpan(on, index) }
        }
        let enabledRoot = Measure.nanosecondsPerOperation(batches: 21, operations: 20_000) { index in
            singleSpan(on, index)
        }
        _ = singleSpan(sizing, 7)
        let bytesPerLine = memory.lines.first.map { Double($0.utf8.count + 1) } ?? .nan
        let shapeOff = Measure.nanosecondsPerOperation(operations: 500_000) { index in
            evaluationShape(offTracers[index & 1], index)
        }
        let shapeOn = Measure.nanosecondsPerOperation(batches: 21, operations: 5_000) { index in
            evaluationShape(on, index)
        }
        let otlp = OTLPEncoder.encodeOneSpanForBenchmark(iterations: max(1000, Int(200_000 * Measure.scale)))
        let checksum = disabled.checksum &+ enabled.checksum &+ enabledRoot.checksum &+ shapeOff.checksum &+ shapeOn.checksum
        return [
            ("disabled_span_ns", disabled.median),
            ("enabled_span_ns", enabled.median),
            ("enabled_root_span_ns", enabledRoot.median),
            ("bytes_per_line", bytesPerLine),
            ("eval_shape_disabled_ns", shapeOff.median),
            ("eval_shape_enabled_ns", shapeOn.median),
            ("otlp_encode_span_ns", otlp.nanosecondsPerSpan),
            ("trace_checksum", Double(checksum & 0xFF)),
        ]
    }

    /// One span site with three fields, the common case in the engine.
    @inline(__always)
    static func singleSpan(_ tracer: Tracer, _ index: Int) -> Int {
        tracer.withSpan(
            "signal", category: .signals,
            fields: ["signal_name": "git_branch", "exit_code": .int(index & 1), "timed_out": false]
        ) { _ in index }
    }

    /// The span shape of one evaluation: a root and five stage spans with 3-4 fields each.
    @inline(__always)
    static func evaluationShape(_ tracer: Tracer, _ index: Int) -> Int {
        tracer.withSpan(
            "evaluate", category: .root,
            fields: ["event_name": "PreToolUse", "tool_name": "Bash", "session_id": "session-1"]
        ) { root in
            var sum = index
            sum &+= tracer.withSpan(
                "route", category: .stage(.routing),
                fields: ["routing_key": "PreToolUse:Bash", "matched_policy_count": 2, "policies": .strings(["a", "b"])]
            ) { _ in 1 }
            sum &+= tracer.withSpan("gather_signals", category: .stage(.signals), fields: ["signal_count": 0, "concurrency": 4, "timeout_ms": 5000]) { _ in 2 }
            sum &+= tracer.withSpan(
                "wasm_eval", category: .stage(.wasm),
                fields: ["input_size_bytes": 1024, "output_size_bytes": 180, "memory_bytes": 1_179_648, "decision_count": 1]
            ) { _ in 3 }
            sum &+= tracer.withSpan(
                "synthesize", category: .stage(.synthesis),
                fields: ["decision_type": "deny", "decision_count": 1, "priority": 1]
            ) { _ in 4 }
            sum &+= tracer.withSpan("execute_actions", category: .stage(.actions), fields: ["action_count": 0, "decision": "deny", "waited": false]) { _ in 5 }
            root.record("matched_policy_count", 2)
            root.record("final_decision", "deny")
            return sum
        }
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case setup(String)
    case usage(String)

    var description: String {
        switch self {
        case .setup(let message): "benchmark set-up failed: \(message)"
        case .usage(let message): message
        }
    }
}
