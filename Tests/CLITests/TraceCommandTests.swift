import CupcakeTestSupport
import Foundation
import Testing

/// `cupcake trace view` and `cupcake trace export` on lines a real evaluation wrote.
@Suite("cupcake trace")
struct TraceCommandTests {
    /// Trace lines of three evaluations with every category on, plus lines that are not trace lines.
    static func savedLines() throws -> Data {
        var lines = Data()
        for name in ["pretooluse-bash-rm-rf", "pretooluse-bash-git-push-force", "userpromptsubmit"] {
            let result = try CLI.eval(try CLI.event(name), environment: ["CUPCAKE_TRACE": "all"])
            lines.append(result.stderrBytes)
        }
        lines.append(Data("cupcake eval: not a trace line\n{\"broken\": \n".utf8))
        return lines
    }

    /// How many span lines of each name `saved` holds: what every view and export must account for.
    static func spanCounts(_ saved: Data) -> [String: Int] {
        let spans = String(decoding: saved, as: UTF8.self).split(separator: "\n")
            .compactMap { try? TraceLine(String($0)) }.filter(\.isSpanLine).compactMap(\.span)
        return spans.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// What the reading commands say on stderr about `savedLines()`: the two lines that are not trace lines.
    static let skippedNote = "2 lines skipped (not trace lines)"

    @Test("view draws each evaluation with its decision and slowest span, skipping other lines")
    func view() throws {
        let saved = try Self.savedLines()
        let result = try CLI.run(["trace", "view", "-"], stdin: saved, environment: ["COLUMNS": "100", "NO_COLOR": "1"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // One header per evaluation, in input order, with its decision.
        let decisions = lines.filter { $0.hasPrefix("trace ") }.map { header in
            header.components(separatedBy: "  decision ").dropFirst().first?.prefix { $0 != " " }
        }
        #expect(decisions == ["deny", "ask", "allow"])
        // A waterfall row per span line, and per evaluation one row marked * naming its slowest span.
        #expect(lines.filter { $0.hasSuffix("|") }.count == Self.spanCounts(saved).values.reduce(0, +))
        let marked = lines.filter { $0.hasPrefix("*") }.map { row in
            row.dropFirst().trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
        }
        let slowest = lines.filter { $0.hasPrefix("  slowest: ") }
        #expect(marked.count == 3 && slowest.count == 3)
        for (name, line) in zip(marked, slowest) { #expect(line.hasPrefix("  slowest: \(name) "), "\(line) for \(name)") }
        #expect(result.stdout.contains("load_policies"))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour when not a terminal
        #expect(result.stderrLines == ["cupcake trace view: 3 traces shown, \(Self.skippedNote)"])
        for line in lines { #expect(line.count <= 100, "too wide: \(line)") }
    }

    @Test("view --summary lists every span name with its count")
    func summary() throws {
        let saved = try Self.savedLines()
        let result = try CLI.run(["trace", "view", "--summary", "-"], stdin: saved)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["span", "count", "p50", "ms", "p95", "ms", "max", "ms"])
        // Every span name once, most frequent first, then by name (evaluate: 3, one per evaluation).
        let expected = Self.spanCounts(saved).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { [$0.key, String($0.value)] }
        #expect(rows.dropFirst().map { Array($0.prefix(2)) } == expected)
        #expect(expected.contains(["evaluate", "3"]))
        for row in rows.dropFirst() {
            let times = row.dropFirst(2).compactMap(Double.init)
            #expect(times.count == 3 && times == times.sorted(), "p50 <= p95 <= max in \(row)")
        }
        #expect(result.stderrLines == ["cupcake trace view: 3 traces shown, \(Self.skippedNote)"])
    }

    @Test("export --format chrome is one JSON document with an X event per span line")
    func chrome() throws {
        let saved = try Self.savedLines()
        let result = try CLI.run(["trace", "export", "--format", "chrome", "-"], stdin: saved)
        #expect(result.status == 0)
        let document = try CLI.json(result.stdout)
        let events = try #require(document["traceEvents"] as? [[String: Any]])
        let spans = events.filter { $0["ph"] as? String == "X" }
        let names = spans.compactMap { $0["name"] as? String }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        #expect(names == Self.spanCounts(saved))
        #expect(Set(spans.compactMap { $0["pid"] as? Int }) == [1, 2, 3], "one process track per evaluation")
        #expect(result.stderrLines == ["cupcake trace export: \(Self.skippedNote)"])
    }

    @Test("export --format otlp writes OTLP/JSON requests, one per line")
    func otlp() throws {
        let saved = try Self.savedLines()
        let result = try CLI.run(["trace", "export", "--format", "otlp", "-"], stdin: saved)
        #expect(result.status == 0)
        // One request per evaluation, each holding that trace's spans only.
        let requests = try result.stdout.split(separator: "\n").map { try CLI.otlpSpans(String($0)) }
        #expect(requests.count == 3)
        let traceIDs = requests.map { Set($0.compactMap { $0["traceId"] as? String }) }
        #expect(traceIDs.allSatisfy { $0.count == 1 } && Set(traceIDs).count == 3, "\(traceIDs)")
        let names = requests.joined().compactMap { $0["name"] as? String }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        #expect(names == Self.spanCounts(saved))
        #expect(result.stderrLines == ["cupcake trace export: \(Self.skippedNote)"])
    }

    @Test("bad trace command lines exit 64 and say what is wrong", arguments: [
        (["trace"], "cupcake trace: missing subcommand (view or export)"),
        (["trace", "frob"], "cupcake trace: unknown subcommand frob"),
        (["trace", "export"], "cupcake trace export: --format is required (chrome or otlp)"),
        (["trace", "view", "--slowest", "many"], "cupcake trace view: --slowest needs a whole number from 1 to 100000, not many"),
    ])
    func usage(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderrLines.first == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("an empty input is fine: nothing drawn, zero traces counted")
    func empty() throws {
        let result = try CLI.run(["trace", "view", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["cupcake trace view: 0 traces shown"])
    }
}
