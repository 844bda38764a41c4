import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Waterfall view")
    struct WaterfallRendererTests {
        @Test("golden text for the fixture, colour off")
        func golden() throws {
            let (groups, _) = ReadingFixture.groups()
            let renderer = WaterfallRenderer(width: 100, colour: false)
            let text = groups.map(renderer.render).joined(separator: "\n")
            #expect(text == Self.golden)
        }

        @Test("colour only when asked; ANSI escapes around the slowest span")
        func colour() throws {
            let (groups, _) = ReadingFixture.groups()
            let group = try #require(groups.first)
            let plain = WaterfallRenderer(width: 100, colour: false).render(group)
            let coloured = WaterfallRenderer(width: 100, colour: true).render(group)
            #expect(!plain.contains("\u{1B}"))
            #expect(coloured.contains("\u{1B}[1;31m"))
            let slowestRow = try #require(coloured.split(separator: "\n").first { $0.hasPrefix("*") })
            #expect(slowestRow.contains("gather_signals") && slowestRow.contains("\u{1B}["))
        }

        @Test("every row fits the width, and the bar scales with it", arguments: [40, 60, 100, 160])
        func width(columns: Int) throws {
            let (groups, _) = ReadingFixture.groups()
            let text = WaterfallRenderer(width: columns, colour: false).render(try #require(groups.first))
            let rows = text.split(separator: "\n")
            for row in rows { #expect(row.count <= columns, "\(row)") }
            let rootRow = try #require(rows.first { $0.contains("evaluate ") })
            #expect(rootRow.count == columns)
        }

        @Test("control characters in names and errors cannot reach the terminal")
        func hostileText() throws {
            var record = try #require(TraceRecord.parse(ReadingFixture.lines[13]))
            record.span = "evil\u{1B}]0;title\u{07}"
            record.error = "line\nbreak\u{9B}31m"
            let group = TraceGroup(traceID: record.traceID, records: [record], isComplete: true)
            let text = WaterfallRenderer(width: 100, colour: false).render(group)
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
            #expect(text.contains("evil?]0;title?"))
            #expect(text.contains("line?break?31m"))
            #expect(text.contains("slowest: evil?]0;title?"))
        }

        @Test("a trace with one span has no slowest line; durations print as milliseconds")
        func singleSpan() throws {
            let record = try #require(TraceRecord.parse(ReadingFixture.lines.last ?? ""))
            let text = WaterfallRenderer(width: 80, colour: false)
                .render(TraceGroup(traceID: record.traceID, records: [record], isComplete: true))
            #expect(!text.contains("slowest"))
            #expect(WaterfallRenderer.milliseconds(1_234_567) == "1234.567 ms")
            #expect(WaterfallRenderer.milliseconds(7) == "0.007 ms")
        }

        static let golden = """
            trace 0123456789abcdef0123456789abcdef  PreToolUse:Bash  decision deny  10.000 ms  session sess-1
             evaluate                             10.000 ms  |█████████████████████████████████████████████████|
               route                               0.400 ms  |███                                              |
            *  gather_signals                      4.300 ms  |  ██████████████████████                         |
                 signal git_branch                 3.000 ms  |  ████████████████                               |
                 signal test_status                4.000 ms  |   █████████████████████                         |
                   · signal timed out             +4.000 ms  |                       ◆                         |
               wasm_eval                           2.500 ms  |                        █████████████            |
               execute_actions                     2.400 ms  |                                    █████████████|
                 action BASH-001 !                 2.300 ms  |                                     ████████████|
                   error: exit status 1
              slowest: gather_signals 4.300 ms

            trace fedcba9876543210fedcba9876543210  INCOMPLETE (no root line)  1.300 ms
             route                                 0.250 ms  |██████████                                       |
            *wasm_eval                             1.000 ms  |           ██████████████████████████████████████|
              slowest: wasm_eval 1.000 ms

            """
    }
}
