import CupcakeTrace
import CupcakeTraceTools
import Foundation
import Synchronization
import Testing

extension ReadingTests {
    /// Keeps every byte written, in order.
    final class ByteCollector: Sink {
        private let storage = Mutex<[UInt8]>([])
        private let failing: Bool
        init(failing: Bool = false) { self.failing = failing }
        func write(_ lines: UnsafeRawBufferPointer) -> Bool {
            if failing { return false }
            storage.withLock { $0.append(contentsOf: lines) }
            return true
        }
        var bytes: [UInt8] { storage.withLock { $0 } }
    }

    @Suite("Chrome trace export")
    struct ChromeTraceWriterTests {
        static func export(_ groups: [TraceGroup], flushBytes: Int = 64 * 1024) throws -> [[String: Any]] {
            let sink = ByteCollector()
            var writer = ChromeTraceWriter(sink: sink, flushBytes: flushBytes)
            for group in groups { writer.write(group) }
            let finished = writer.finish()
            #expect(finished)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(sink.bytes)) as? [String: Any])
            #expect(document["displayTimeUnit"] as? String == "ms")
            return try #require(document["traceEvents"] as? [[String: Any]])
        }

        static func completeEvents(_ events: [[String: Any]]) -> [[String: Any]] {
            events.filter { $0["ph"] as? String == "X" }
        }

        @Test("valid JSON with one complete event per span line, times in microseconds")
        func onePerSpan() throws {
            let (groups, _) = ReadingFixture.groups()
            let events = try Self.export(groups)
            let spans = Self.completeEvents(events)
            let spanLines = groups.flatMap(\.records).filter { !$0.isEvent }
            #expect(spans.count == spanLines.count)
            #expect(Set(spans.compactMap { ($0["args"] as? [String: Any])?["span_id"] as? String }) == Set(spanLines.map(\.spanID)))
            let root = try #require(spans.first { $0["name"] as? String == "evaluate" })
            // 2026-11-25T10:00:00Z is 1795600800 s after the epoch; the root lasted 10 ms.
            #expect((root["ts"] as? NSNumber)?.int64Value == 1_795_600_800_000_000)
            #expect((root["dur"] as? NSNumber)?.int64Value == 10_000)
            let args = try #require(root["args"] as? [String: Any])
            #expect(args["final_decision"] as? String == "deny" && args["parent_span_id"] is NSNull)
            #expect(args["matched_policy_count"] as? Int == 2)
            // One process track per trace, named after the evaluation.
            #expect(Set(spans.compactMap { $0["pid"] as? Int }).count == 2)
            let names = events.filter { $0["name"] as? String == "process_name" }
                .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
            #expect(names.contains { $0.hasPrefix("evaluate PreToolUse:Bash deny") })
            #expect(names.contains { $0.contains("no root line") })
        }

        @Test("nesting by time agrees with parent ids; concurrent signals get their own lane")
        func nesting() throws {
            let (groups, _) = ReadingFixture.groups()
            let spans = Self.completeEvents(try Self.export(groups))
            try Self.checkNesting(spans)
            let signals = spans.filter { $0["name"] as? String == "signal" }
            #expect(signals.count == 2)
            #expect(Set(signals.compactMap { $0["tid"] as? Int }).count == 2)
        }

        @Test("an event line becomes an instant event on its span's lane")
        func instantEvent() throws {
            let (groups, _) = ReadingFixture.groups()
            let events = try Self.export(groups)
            let instant = try #require(events.first { $0["ph"] as? String == "i" })
            #expect(instant["name"] as? String == "signal timed out" && instant["s"] as? String == "t")
            let owner = try #require(Self.completeEvents(events).first {
                ($0["args"] as? [String: Any])?["span_id"] as? String == "5555555555555555"
            })
            #expect(instant["tid"] as? Int == owner["tid"] as? Int)
        }

        @Test("a child that pokes out of its parent by rounding is clamped inside it")
        func clamping() throws {
            let trace = ReadingFixture.traceA
            let root = TraceRecord(span: "evaluate", traceID: trace, spanID: "1111111111111111", parentSpanID: nil,
                                   startMicros: 1000, durationMicros: 100)
            let early = TraceRecord(span: "early", traceID: trace, spanID: "2222222222222222",
                                    parentSpanID: "1111111111111111", startMicros: 999, durationMicros: 10)
            let late = TraceRecord(span: "late", traceID: trace, spanID: "3333333333333333",
                                   parentSpanID: "1111111111111111", startMicros: 1095, durationMicros: 7)
            let spans = Self.completeEvents(try Self.export([TraceGroup(traceID: trace, records: [early, late, root], isComplete: true)]))
            try Self.checkNesting(spans)
            let first = try #require(spans.first { $0["name"] as? String == "early" })
            #expect(first["ts"] as? Int == 1000 && first["dur"] as? Int == 9)
            let last = try #require(spans.first { $0["name"] as? String == "late" })
            #expect(last["ts"] as? Int == 1095 && last["dur"] as? Int == 5)
        }

        @Test("output streamed in small chunks is still one valid document; hostile text is escaped")
        func smallChunks() throws {
            var groups: [TraceGroup] = []
            for index in 0..<50 {
                var records = try #require(ReadingFixture.groups().groups.first).records
                for offset in records.indices {
                    records[offset].traceID = String(format: "%032x", index)
                    records[offset].span += "\u{0}\"\\\u{2028}"
                }
                groups.append(TraceGroup(traceID: String(format: "%032x", index), records: records, isComplete: true))
            }
            let events = try Self.export(groups, flushBytes: 100)
            #expect(Self.completeEvents(events).count == 50 * 8)
            #expect(Self.completeEvents(events).allSatisfy { ($0["name"] as? String)?.hasSuffix("\u{0}\"\\\u{2028}") == true })
        }

        @Test("an empty input is an empty but valid document")
        func empty() throws {
            #expect(try Self.export([]).isEmpty)
        }

        @Test("a failing sink is reported, not ignored")
        func failingSink() {
            var writer = ChromeTraceWriter(sink: ByteCollector(failing: true))
            writer.write(ReadingFixture.groups().groups[0])
            let finished = writer.finish()
            #expect(!finished)
            #expect(writer.failed)
        }

        /// On every (pid, tid) the complete events nest properly, the enclosing event of each is its
        /// parent, and every child lies inside its parent in time.
        static func checkNesting(_ spans: [[String: Any]]) throws {
            struct Item { let id: String; let parent: String?; let start: Int; let end: Int; let lane: [Int] }
            let items = try spans.map { event -> Item in
                let args = try #require(event["args"] as? [String: Any])
                let start = try #require(event["ts"] as? Int)
                let duration = try #require(event["dur"] as? Int)
                #expect(duration >= 0)
                return Item(id: try #require(args["span_id"] as? String), parent: args["parent_span_id"] as? String,
                            start: start, end: start + duration,
                            lane: [try #require(event["pid"] as? Int), try #require(event["tid"] as? Int)])
            }
            let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for item in items {
                guard let parentID = item.parent, let parent = byID[parentID] else { continue }
                #expect(parent.start <= item.start && item.end <= parent.end, "\(item.id) outside \(parentID)")
            }
            for lane in Set(items.map(\.lane)) {
                var stack: [Item] = []
                for item in items.filter({ $0.lane == lane }).sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
                    while let top = stack.last, top.end <= item.start, !(top.end == item.start && top.start == item.start) {
                        stack.removeLast()
                    }
                    if let top = stack.last {
                        #expect(item.end <= top.end, "\(item.id) overlaps \(top.id) on lane \(lane)")
                        #expect(item.parent == top.id, "\(item.id) nests in \(top.id), not its parent")
                    }
                    stack.append(item)
                }
            }
        }
    }
}
