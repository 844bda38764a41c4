import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Span summary")
    struct SpanSummaryTests {
        static func record(_ name: String, micros: Int64, event: String? = nil) -> TraceRecord {
            TraceRecord(span: name, event: event, traceID: ReadingFixture.traceA, spanID: "1111111111111111",
                        parentSpanID: nil, startMicros: 0, durationMicros: micros)
        }

        @Test("count, nearest-rank p50 and p95, and max per span name; events ignored")
        func figures() throws {
            var summary = SpanSummary()
            for micros in 1...100 { summary.add(Self.record("route", micros: Int64(micros) * 1000)) }
            summary.add(Self.record("evaluate", micros: 7))
            summary.add(Self.record("route", micros: 999_999_000, event: "ignored"))
            let route = try #require(summary.rows.first { $0.span == "route" })
            #expect(route.count == 100 && route.p50Micros == 50_000 && route.p95Micros == 95_000 && route.maxMicros == 100_000)
            #expect(summary.rows.map(\.span) == ["route", "evaluate"])
            let text = summary.render()
            #expect(text.contains("route") && text.contains("50.000") && text.contains("95.000") && text.contains("100.000"))
        }

        @Test("past maxSamples counts and max stay exact and percentiles stay plausible")
        func bounded() throws {
            var summary = SpanSummary(maxSamples: 100)
            for micros in 1...10_000 { summary.add(Self.record("signal", micros: Int64(micros))) }
            let row = try #require(summary.rows.first)
            #expect(row.count == 10_000 && row.maxMicros == 10_000)
            #expect(row.p50Micros > 2_500 && row.p50Micros < 7_500)
            #expect(row.p95Micros > row.p50Micros)
        }

        @Test("the fixture's summary")
        func fixture() throws {
            var summary = SpanSummary()
            for group in ReadingFixture.groups().groups { for record in group.records { summary.add(record) } }
            let rows = summary.rows
            #expect(rows.map(\.span) == ["route", "signal", "wasm_eval", "action", "evaluate", "execute_actions", "gather_signals"])
            let signal = try #require(rows.first { $0.span == "signal" })
            #expect(signal.count == 2 && signal.p50Micros == 3000 && signal.maxMicros == 4000)
        }
    }
}
