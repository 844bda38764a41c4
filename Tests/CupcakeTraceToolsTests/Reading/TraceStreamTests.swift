import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Reading a stream of trace lines")
    struct TraceStreamTests {
        @Test("garbage lines are skipped and counted; blank lines are not counted")
        func garbage() throws {
            let (groups, stream) = ReadingFixture.groups()
            #expect(stream.skippedLines == ReadingFixture.skippedLines)
            #expect(stream.recordCount == 11)
            #expect(groups.map(\.traceID) == [ReadingFixture.traceA, ReadingFixture.traceB])
            #expect(groups.map(\.isComplete) == [true, false])
            #expect(groups[0].records.count == 9 && groups[1].records.count == 2)
        }

        @Test("hostile bytes: NULs, invalid UTF-8 and a huge line are skipped, the rest still read")
        func hostileBytes() {
            var bytes: [UInt8] = [0, 0xFF, 0xFE, 0x0A]
            bytes += [UInt8](repeating: UInt8(ascii: "{"), count: 300_000) + [0x0A]
            bytes += Array((ReadingFixture.lines.last ?? "").utf8)
            var stream = TraceStream(reader: LineReader(bytes: bytes, maxLineBytes: 100_000))
            var groups: [TraceGroup] = []
            stream.run { groups.append($0) }
            #expect(stream.skippedLines == 2)
            #expect(groups.count == 1 && groups.first?.isComplete == true)
        }

        @Test("an empty input gives no traces and nothing skipped")
        func empty() {
            var stream = TraceStream(reader: LineReader(bytes: []))
            var count = 0
            stream.run { _ in count += 1 }
            #expect(count == 0 && stream.skippedLines == 0 && stream.recordCount == 0)
        }

        @Test("--trace-id keeps one trace")
        func traceFilter() {
            var stream = TraceStream(reader: LineReader(bytes: ReadingFixture.bytes), traceID: ReadingFixture.traceB)
            var groups: [TraceGroup] = []
            stream.run { groups.append($0) }
            #expect(groups.map(\.traceID) == [ReadingFixture.traceB])
        }

        /// 100,000 lines generated on demand (the input is never in memory): 10,000 evaluations of
        /// 9 child lines and a root (or 10 child lines), four evaluations interleaved at a time.
        static func generated(roots: Bool) -> LineReader {
            var produced = 0
            var pending: [UInt8] = []
            var pendingOffset = 0
            return LineReader(chunkSize: 4096) { buffer in
                var written = 0
                while written < buffer.count {
                    if pendingOffset == pending.count {
                        guard produced < 100_000 else { break }
                        pending = Array(line(produced, roots: roots).utf8)
                        pending.append(0x0A)
                        pendingOffset = 0
                        produced += 1
                    }
                    let count = min(buffer.count - written, pending.count - pendingOffset)
                    for index in 0..<count { buffer[written + index] = pending[pendingOffset + index] }
                    written += count
                    pendingOffset += count
                }
                return written
            }
        }

        /// Line `number`: evaluations go in blocks of 4 (40 lines), round-robin, roots last.
        static func line(_ number: Int, roots: Bool) -> String {
            let block = number / 40
            let within = number % 40
            let trace = block * 4 + within % 4
            let position = within / 4  // 0...9; 9 is the root
            let traceID = String(repeating: "a", count: 24) + TraceGrouperTests.hex(trace, 8)
            let spanID = TraceGrouperTests.hex(trace * 16 + position + 1, 16)
            let rootID = TraceGrouperTests.hex(trace * 16 + 10, 16)
            let isRoot = roots && position == 9
            let parent = isRoot ? "null" : "\"\(rootID)\""
            let name = isRoot ? "evaluate" : "stage\(position)"
            return #"{"timestamp":"2026-11-25T10:00:00.000100Z","level":"INFO","span":""# + name + #"","trace_id":""#
                + traceID + #"","span_id":""# + (isRoot ? rootID : spanID) + #"","parent_span_id":"# + parent
                + #","duration_ms":0.0"# + String(position) + #","n":"# + String(number) + "}"
        }

        @Test("100,000 lines stream through with a bounded number of lines held", arguments: [true, false])
        func largeInput(roots: Bool) {
            let maxOpen = 16
            var stream = TraceStream(reader: Self.generated(roots: roots), grouper: TraceGrouper(maxOpenTraces: maxOpen))
            var seen = 0
            var delivered = 0
            var maxHeld = 0
            var complete = 0
            var summary = SpanSummary()
            stream.run(record: { record in
                seen += 1
                summary.add(record)
                maxHeld = max(maxHeld, seen - delivered)
            }) { group in
                delivered += group.records.count
                if group.isComplete { complete += 1 }
            }
            #expect(seen == 100_000 && delivered == 100_000)
            #expect(stream.skippedLines == 0)
            // With roots, at most the four interleaved evaluations are open; without, the grouper's limit.
            #expect(maxHeld <= (roots ? 4 * 10 : maxOpen * 10 + 1))
            #expect(complete == (roots ? 10_000 : 0))
            #expect(summary.rows.first { $0.span == "stage3" }?.count == 10_000)
        }
    }

    @Suite("Stopping a stream early")
    struct TraceStreamStopTests {
        @Test("reading ends as soon as `until` says so")
        func stops() {
            var stream = TraceStream(reader: TraceStreamTests.generated(roots: true))
            var groups = 0
            stream.run(until: { groups >= 3 }) { _ in groups += 1 }
            #expect(groups == 3)
            #expect(stream.recordCount < 100)
        }
    }
}
