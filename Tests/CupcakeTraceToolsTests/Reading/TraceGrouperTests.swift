import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Grouping by trace")
    struct TraceGrouperTests {
        static func span(_ trace: Int, _ id: Int, parent: Int?, name: String = "work") -> TraceRecord {
            let traceID = String(repeating: "0", count: 24) + hex(trace, 8)
            return TraceRecord(
                span: name, traceID: traceID, spanID: hex(id, 16), parentSpanID: parent.map { hex($0, 16) },
                startMicros: Int64(id), durationMicros: 1)
        }

        static func hex(_ value: Int, _ width: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        @Test("a trace comes back when its root arrives, complete, with all its lines")
        func rootCompletes() {
            var grouper = TraceGrouper()
            #expect(grouper.add(Self.span(1, 2, parent: 1)).isEmpty)
            #expect(grouper.add(Self.span(2, 5, parent: 4)).isEmpty)
            #expect(grouper.add(Self.span(1, 3, parent: 1)).isEmpty)
            let done = grouper.add(Self.span(1, 1, parent: nil, name: "evaluate"))
            #expect(done.count == 1)
            #expect(done.first?.isComplete == true && done.first?.records.count == 3)
            #expect(done.first?.root?.span == "evaluate")
            #expect(grouper.openTraceCount == 1)
            let rest = grouper.finish()
            #expect(rest.count == 1 && rest.first?.isComplete == false && rest.first?.root == nil)
            #expect(grouper.openTraceCount == 0)
        }

        @Test("past maxOpenTraces the oldest open trace is handed back incomplete")
        func openLimit() {
            var grouper = TraceGrouper(maxOpenTraces: 2)
            #expect(grouper.add(Self.span(1, 1, parent: 9)).isEmpty)
            #expect(grouper.add(Self.span(2, 2, parent: 9)).isEmpty)
            #expect(grouper.add(Self.span(1, 3, parent: 9)).isEmpty)
            let evicted = grouper.add(Self.span(3, 4, parent: 9))
            #expect(evicted.map(\.traceID) == [Self.span(1, 0, parent: nil).traceID])
            #expect(evicted.first?.records.count == 2 && evicted.first?.isComplete == false)
            #expect(grouper.openTraceCount == 2)
        }

        @Test("a trace with more than maxRecordsPerTrace lines is split, each part incomplete")
        func recordLimit() {
            var grouper = TraceGrouper(maxRecordsPerTrace: 3)
            var handed: [TraceGroup] = []
            for id in 1...7 { handed += grouper.add(Self.span(1, id + 10, parent: 1)) }
            handed += grouper.finish()
            #expect(handed.map(\.records.count) == [3, 3, 1])
            #expect(handed.allSatisfy { !$0.isComplete })
        }
    }
}
