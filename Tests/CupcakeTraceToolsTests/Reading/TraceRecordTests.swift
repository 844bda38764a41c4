import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Trace records")
    struct TraceRecordTests {
        static let good =
            #"{"timestamp":"2026-11-25T16:24:21.123456Z","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5,"policies":["a","b\"q\u00e9\ud83d\ude00"],"matched_policy_count":2,"ratio":1.50,"ok":true,"none":null}"#

        @Test("a span line: ids, times in microseconds, fields in order with their types")
        func parsesSpanLine() throws {
            let record = try #require(TraceRecord.parse(Self.good))
            #expect(record.span == "route" && record.level == "INFO" && record.event == nil)
            #expect(record.traceID == "0123456789abcdef0123456789abcdef" && record.spanID == "0123456789abcdef")
            #expect(record.parentSpanID == nil && record.isRoot)
            // 2026-11-25T16:24:21Z is 1795623861 s after the epoch.
            #expect(record.startMicros == 1_795_623_861_123_456)
            #expect(record.durationMicros == 500)
            #expect(record.fields.map(\.key) == ["policies", "matched_policy_count", "ratio", "ok", "none"])
            #expect(record.field("policies") == .array([.string("a"), .string("b\"qé😀")]))
            #expect(record.field("matched_policy_count") == .number("2"))
            #expect(record.field("ratio") == .number("1.50"))
            #expect(record.field("ok") == .bool(true) && record.field("none") == .null)
        }

        @Test("an event line carries its span's ids and is never a root")
        func parsesEventLine() throws {
            let record = try #require(TraceRecord.parse(ReadingFixture.lines[4]))
            #expect(record.event == "signal timed out" && record.isEvent && !record.isRoot)
            #expect(record.level == "WARN" && record.spanID == "5555555555555555")
        }

        @Test("an evaluate span with a TRACEPARENT parent is still the root")
        func continuedRoot() throws {
            let line = Self.good.replacingOccurrences(of: #""parent_span_id":null"#, with: #""parent_span_id":"00f067aa0ba902b7""#)
                .replacingOccurrences(of: #""span":"route""#, with: #""span":"evaluate""#)
            let record = try #require(TraceRecord.parse(line))
            #expect(record.parentSpanID == "00f067aa0ba902b7" && record.isRoot)
        }

        @Test("timestamps: fractions of 1 to 9 digits, and no fraction")
        func timestamps() throws {
            let cases: [(String, Int64)] = [
                ("2026-11-25T16:24:21Z", 1_795_623_861_000_000),
                ("2026-11-25T16:24:21.5Z", 1_795_623_861_500_000),
                ("2026-11-25T16:24:21.123456789Z", 1_795_623_861_123_456),
                ("1970-01-01T00:00:00.000001Z", 1),
                ("2000-02-29T00:00:00Z", 951_782_400_000_000),
            ]
            for (text, micros) in cases {
                let line = Self.good.replacingOccurrences(of: "2026-11-25T16:24:21.123456Z", with: text)
                #expect(TraceRecord.parse(line)?.startMicros == micros, "\(text)")
            }
        }

        @Test("lines that are not trace lines give nil", arguments: [
            "", "not json", "[1,2]", "{}", #"{"broken":"#, "{\"a\":1} trailing",
            #"{"timestamp":"2026-11-25T16:24:21.1Z","level":"WARN","message":"diagnostic"}"#,
        ])
        func rejectsOtherLines(line: String) {
            #expect(TraceRecord.parse(line) == nil)
        }

        @Test("a required key missing or malformed gives nil", arguments: [
            (#""trace_id":"0123456789abcdef0123456789abcdef""#, #""trace_id":"0123456789ABCDEF0123456789abcdef""#),
            (#""trace_id":"0123456789abcdef0123456789abcdef""#, #""trace_id":"0123""#),
            (#""span_id":"0123456789abcdef""#, #""span_id":7"#),
            (#""parent_span_id":null"#, #""parent_span_id":"xyz""#),
            (#""parent_span_id":null,"#, ""),
            (#""duration_ms":0.5"#, #""duration_ms":-1"#),
            (#""duration_ms":0.5"#, #""duration_ms":"fast""#),
            (#""duration_ms":0.5"#, #""duration_ms":1e400"#),
            (#""span":"route""#, #""span":"""#),
            ("2026-11-25T16:24:21.123456Z", "2026-11-25 16:24:21"),
            ("2026-11-25T16:24:21.123456Z", "2026-13-25T16:24:21Z"),
            ("2026-11-25T16:24:21.123456Z", "2026-11-25T16:24:21.Z"),
            ("2026-11-25T16:24:21.123456Z", "2026-11-25T16:24:21.12x4Z"),
            ("2026-11-25T16:24:21.123456Z", "2026-11-25T16:24:21.123456+01:00"),
        ])
        func rejectsBrokenContract(original: String, replacement: String) {
            let line = Self.good.replacingOccurrences(of: original, with: replacement)
            #expect(line != Self.good)
            #expect(TraceRecord.parse(line) == nil, "\(line)")
        }

        @Test("malformed JSON inside a line gives nil", arguments: [
            #"{"a":01}"#, #"{"a":1.}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":tru}"#, "{\"a\":\"tab\there\"}",
            #"{"a":[1,]}"#, #"{"a" 1}"#, #"{"a":1,}"#,
        ])
        func rejectsMalformedJSON(json: String) {
            let line = Self.good.replacingOccurrences(of: #""ok":true"#, with: #""x":"# + json)
            #expect(TraceRecord.parse(line) == nil, "\(line)")
        }

        @Test("deep nesting is refused without exhausting the stack")
        func deepNesting() {
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let line = Self.good.replacingOccurrences(of: #""ok":true"#, with: #""deep":"# + deep)
            #expect(TraceRecord.parse(line) == nil)
            let shallow = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
            let parsed = TraceRecord.parse(Self.good.replacingOccurrences(of: #""ok":true"#, with: #""deep":"# + shallow))
            let nested = (0..<9).reduce(TraceLineValue.array([])) { inner, _ in .array([inner]) }
            #expect(parsed?.field("deep") == nested)
        }

        @Test("a lone surrogate escape becomes U+FFFD; invalid UTF-8 is replaced")
        func badText() throws {
            let line = Self.good.replacingOccurrences(of: #""ok":true"#, with: #""s":"\ud800x""#)
            #expect(try #require(TraceRecord.parse(line)).field("s") == .string("\u{FFFD}x"))
            var bytes = Array(Self.good.replacingOccurrences(of: #""ok":true"#, with: #""s":"AB""#).utf8)
            let index = try #require(bytes.firstIndex(of: UInt8(ascii: "A")))
            bytes[index] = 0xFF
            #expect(try #require(TraceRecord.parse(bytes)).field("s") == .string("\u{FFFD}B"))
        }
    }
}
