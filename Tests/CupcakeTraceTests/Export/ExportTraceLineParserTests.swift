import Testing

@testable import CupcakeTrace

/// Reading trace lines back, including everything that is not a good line.
@Suite("Export: trace-line parser")
struct ExportTraceLineParserTests {
    let good =
        #"{"timestamp":"2026-11-25T16:24:21.123456Z","level":"INFO","span":"signal","trace_id":"0193f0a1b2c3d4e5f60718293a4b5c6d","span_id":"1122334455667788","parent_span_id":"8877665544332211","duration_ms":12.345,"exit_code":0,"name":"git\u00e9 \ud83d\ude00"}"#

    @Test("a good line: ids, exact times, fields with escapes")
    func goodLine() throws {
        guard case .span(let span) = try TraceLineParser.parse(good) else {
            Issue.record("expected a span")
            return
        }
        #expect(span.traceID.description == "0193f0a1b2c3d4e5f60718293a4b5c6d")
        #expect(span.spanID.description == "1122334455667788")
        #expect(span.parentSpanID?.description == "8877665544332211")
        #expect(span.startTimeUnixNano == 1_795_623_861_123_456_000)
        #expect(span.endTimeUnixNano - span.startTimeUnixNano == 12_345_000)
        #expect(span.attributes.count == 2)
        #expect(span.attributes[0].key == "exit_code")
        #expect(span.attributes[0].value == .int(0))
        #expect(span.attributes[1].value == .string("gité 😀"))
    }

    @Test("timestamps: known instants, fractions, and invalid text")
    func timestamps() {
        #expect(RFC3339Parser.nanoseconds("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339Parser.nanoseconds("2000-03-01T00:00:01.5Z") == 951_868_801_500_000_000)
        #expect(RFC3339Parser.nanoseconds("2024-02-29T23:59:59.000000001Z") == 1_709_251_199_000_000_001)
        for bad in [
            "", "2026-11-25", "2026-13-01T00:00:00Z", "2026-11-25T25:00:00Z", "2026-11-25T10:00:00+01:00",
            "2026-11-25T10:00:00.Z", "2026-11-25T10:00:00.1234567890Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
            "2026-1x-25T10:00:00Z",
        ] {
            #expect(RFC3339Parser.nanoseconds(bad) == nil, "\(bad)")
        }
    }

    @Test("durations are read exactly from their decimal text")
    func durations() {
        #expect(TraceLineParser.nanoseconds(milliseconds: "0.001") == 1000)
        #expect(TraceLineParser.nanoseconds(milliseconds: "1500") == 1_500_000_000)
        #expect(TraceLineParser.nanoseconds(milliseconds: "2.5e1") == 25_000_000)
        #expect(TraceLineParser.nanoseconds(milliseconds: "-1") == nil)
        #expect(TraceLineParser.nanoseconds(milliseconds: "99999999999999999999") == .max)
    }

    @Test("an event line names its span")
    func eventLine() throws {
        let line = good.replacingOccurrences(of: #""exit_code":0"#, with: #""event":"timed out","exit_code":0"#)
        guard case .event(_, let spanID, let event) = try TraceLineParser.parse(line) else {
            Issue.record("expected an event")
            return
        }
        #expect(spanID.description == "1122334455667788")
        #expect(event.name == "timed out")
        #expect(event.attributes.first?.key == "level")
    }

    @Test("bad lines throw the error that says why", arguments: [
        ("", TraceLineParseError.notAnObject),
        ("[1]", .notAnObject),
        (#"{"timestamp":"2026-11-25T16:24:21Z""#, .malformedJSON(offset: 35)),
        (#"{"level":"WARN","message":"diagnostic line"}"#, .missingKey("timestamp")),
        (#"{"timestamp":"x"}"#, .invalidValue(key: "timestamp")),
        (#"{"trace_id":"XYZ"}"#, .invalidValue(key: "trace_id")),
        (#"{"span_id":"00112233445566778"}"#, .invalidValue(key: "span_id")),
        (#"{"parent_span_id":7}"#, .invalidValue(key: "parent_span_id")),
        (#"{"duration_ms":"1"}"#, .invalidValue(key: "duration_ms")),
        (#"{"a":"\q"}"#, .malformedJSON(offset: 8)),
        (#"{"a":tru}"#, .malformedJSON(offset: 5)),
        (#"{"a":1.}"#, .malformedJSON(offset: 7)),
        (#"{"a":"\u12"}"#, .malformedJSON(offset: 10)),
        ("{\"a\":\"raw\ncontrol\"}", .malformedJSON(offset: 9)),
        (#"{"a":1} trailing"#, .malformedJSON(offset: 8)),
        (String(repeating: "[", count: 10_000), .notAnObject),
        ("{\"a\":" + String(repeating: "[", count: 10_000), .tooDeep),
        ("{\"a\":" + String(repeating: "{\"b\":", count: 10_000), .tooDeep),
    ])
    func badLines(text: String, expected: TraceLineParseError) {
        #expect(throws: expected) { try TraceLineParser.parse(text) }
    }

    @Test("a line missing parent_span_id is not a span line")
    func missingParent() {
        let line = good.replacingOccurrences(of: #","parent_span_id":"8877665544332211""#, with: "")
        #expect(throws: TraceLineParseError.missingKey("parent_span_id")) { try TraceLineParser.parse(line) }
    }

    @Test("the batcher skips bad lines, attaches events, and bounds waiting events")
    func batcher() throws {
        var batcher = OTLPBatcher(maxSpans: 100, maxPendingEvents: 2)
        let event = good.replacingOccurrences(of: #""exit_code":0"#, with: #""event":"e""#)
        let input = ["not json", event, event, event, #"{"level":"WARN","message":"m"}"#, good].joined(separator: "\n") + "\n"
        let ready = Array(input.utf8).withUnsafeBytes { batcher.add(lines: $0) }
        #expect(!ready)  // the span has a parent: not a root, batch not full
        #expect(batcher.skippedLineCount == 2)
        #expect(batcher.droppedEventCount == 1)
        let spans = batcher.take()
        #expect(spans.count == 1)
        #expect(spans.first?.events.count == 2)
        #expect(batcher.isEmpty)
    }

    @Test("a root line or a full batch makes the batch ready")
    func batchReadiness() {
        var full = OTLPBatcher(maxSpans: 2)
        let line = Array((good + "\n").utf8)
        #expect(!line.withUnsafeBytes { full.add(lines: $0) })
        #expect(line.withUnsafeBytes { full.add(lines: $0) })
        var rooted = OTLPBatcher()
        let root = Array((good.replacingOccurrences(of: #""8877665544332211""#, with: "null") + "\n").utf8)
        #expect(root.withUnsafeBytes { rooted.add(lines: $0) })
    }

    @Test("every truncation of a good line and random bytes are rejected without a crash")
    func hostileInput() {
        let bytes = Array(good.utf8)
        var rejected = 0
        for length in 0..<bytes.count {
            let result = Array(bytes[..<length]).withUnsafeBufferPointer { buffer in
                Result { () throws(TraceLineParseError) in try TraceLineParser.parse(buffer) }
            }
            if case .failure = result { rejected += 1 }
        }
        #expect(rejected == bytes.count)
        var generator = SystemRandomNumberGenerator()
        var batcher = OTLPBatcher()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            _ = noise.withUnsafeBytes { batcher.add(lines: $0) }
        }
        #expect(batcher.isEmpty)
    }
}
