import CupcakeTrace

extension OTLPEncoder {
    /// A typical span (a `wasm_eval` with its five fields), for benchmarks.
    static let benchmarkSpan = OTLPSpan(
        traceID: TraceID(high: 0x0193_5f3a_7c2e_7d41, low: 0x8a6b_1c2d_3e4f_5061),
        spanID: SpanID(rawValue: 0x1a2b_3c4d_5e6f_7081), parentSpanID: SpanID(rawValue: 0x0102_0304_0506_0708),
        name: "wasm_eval", startTimeUnixNano: 1_795_000_000_123_456_000, endTimeUnixNano: 1_795_000_000_125_789_000,
        attributes: [
            ("input_size_bytes", .int(1834)), ("output_size_bytes", .int(212)), ("evaluation_time_ms", .double(1.234)),
            ("memory_bytes", .int(1_179_648)), ("decision_count", .int(1)),
        ])

    /// Encodes ``benchmarkSpan`` as a one-span request `iterations` times; returns nanoseconds per
    /// request and the total bytes (so the work cannot be optimised away).
    static func encodeOneSpanForBenchmark(iterations: Int) -> (nanosecondsPerSpan: Double, bytes: Int) {
        let encoder = OTLPEncoder()
        let spans = [benchmarkSpan]
        var bytes = 0
        let start = WallClock.monotonicNanoseconds()
        for _ in 0..<max(1, iterations) { bytes &+= encoder.encodeRequest(spans).count }
        let elapsed = WallClock.monotonicNanoseconds() &- start
        return (Double(elapsed) / Double(max(1, iterations)), bytes)
    }
}
