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

    @Test("view draws each evaluation with its decision and slowest span, skipping other lines")
    func view() throws {
        let result = try CLI.run(["trace", "view", "-"], stdin: try Self.savedLines(), environment: ["COLUMNS": "100", "NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("decision deny"))
        #expect(result.stdout.contains("decision ask"))
        #expect(result.stdout.contains("decision allow"))
        #expect(result.stdout.contains("slowest:"))
        #expect(result.stdout.contains("load_policies"))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour when not a terminal
        #expect(result.stderr.contains("skipped") || result.stderr.contains("2 lines"))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 100, "too wide: \(line)") }
    }

    @Test("view --summary lists every span name with its count")
    func summary() throws {
        let result = try CLI.run(["trace", "view", "--summary", "-"], stdin: try Self.savedLines())
        #expect(result.status == 0)
        let evaluateRow = result.stdout.split(separator: "\n").first { $0.hasPrefix("evaluate ") }
        #expect(evaluateRow?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "3")
    }

    @Test("export --format chrome is one JSON document with an X event per span line")
    func chrome() throws {
        let saved = try Self.savedLines()
        let spanLines = String(decoding: saved, as: UTF8.self).split(separator: "\n")
            .compactMap { try? TraceLine(String($0)) }.filter(\.isSpanLine)
        let result = try CLI.run(["trace", "export", "--format", "chrome", "-"], stdin: saved)
        #expect(result.status == 0)
        let document = try CLI.json(result.stdout)
        let events = try #require(document["traceEvents"] as? [[String: Any]])
        #expect(events.filter { $0["ph"] as? String == "X" }.count == spanLines.count)
    }

    @Test("export --format otlp writes OTLP/JSON requests, one per line")
    func otlp() throws {
        let result = try CLI.run(["trace", "export", "--format", "otlp", "-"], stdin: try Self.savedLines())
        #expect(result.status == 0)
        let requests = result.stdout.split(separator: "\n")
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(try CLI.json(String(request))["resourceSpans"] != nil)
        }
    }

    @Test("bad trace command lines exit 64", arguments: [["trace"], ["trace", "frob"], ["trace", "export"], ["trace", "view", "--slowest", "many"]])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
    }

    @Test("an empty input is fine")
    func empty() throws {
        let result = try CLI.run(["trace", "view", "-"])
        #expect(result.status == 0)
    }
}
