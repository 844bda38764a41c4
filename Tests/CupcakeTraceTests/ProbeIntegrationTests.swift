import CupcakeTestSupport
import Foundation
import Testing

/// Runs a traced operation in a child process with CUPCAKE_TRACE set, and checks what reaches
/// stderr against the trace-line contract.
@Suite("Trace lines from a child process")
struct ProbeIntegrationTests {
    static let stageSpans: Set<String> = ["evaluate", "route", "gather_signals", "wasm_eval", "synthesize", "execute_actions"]

    @Test("CUPCAKE_TRACE=eval: the root and one span per stage, all in one trace")
    func evalCategory() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.status == 0)
        let lines = try result.parsedLines()
        for line in lines { TraceContract.check(line) }
        #expect(Set(lines.compactMap(\.span)) == Self.stageSpans)
        #expect(lines.count == Self.stageSpans.count)
        #expect(Set(lines.compactMap(\.traceID)).count == 1)
        let traces = TraceContract.checkTrees(lines)
        #expect(traces.count == 1)
        // Children are written before their parents: the root comes last.
        #expect(lines.last?.span == "evaluate")
        let root = try #require(lines.first(where: { $0.span == "evaluate" }))
        #expect(root["final_decision"] as? String == "deny")
        #expect(root["event_name"] as? String == "PreToolUse")
        #expect(root["matched_policy_count"] as? Int == 2)
        #expect(root["parent_span_id"] is NSNull)
    }

    @Test(
        "each category alone adds its finer spans, with their stage span and the root",
        arguments: [
            ("routing", ["evaluate", "route", "route_policy"]),
            ("signals", ["evaluate", "gather_signals", "signal"]),
            ("wasm", ["evaluate", "wasm_eval", "wasm_instantiate"]),
            ("synthesis", ["evaluate", "synthesize", "synthesize_decision"]),
            ("actions", ["evaluate", "execute_actions", "action"]),
            ("payload", ["evaluate"]),
        ])
    func singleCategory(_ testCase: (String, [String])) throws {
        let (category, expected) = testCase
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": category])
        let lines = try result.parsedLines()
        for line in lines { TraceContract.check(line) }
        #expect(Set(lines.compactMap(\.span)) == Set(expected))
        _ = TraceContract.checkTrees(lines)
    }

    @Test("categories combine, case-insensitively and with spaces")
    func combined() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": " Signals , WASM "])
        let lines = try result.parsedLines()
        #expect(
            Set(lines.compactMap(\.span)) == ["evaluate", "gather_signals", "signal", "wasm_eval", "wasm_instantiate"])
        #expect(lines.filter { $0.span == "signal" }.count == 2)
        _ = TraceContract.checkTrees(lines)
    }

    @Test("all: every span of the evaluation shape")
    func allCategory() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "all"])
        let lines = try result.parsedLines()
        for line in lines { TraceContract.check(line) }
        #expect(lines.count == 13)
        #expect(Self.stageSpans.isSubset(of: Set(lines.compactMap(\.span))))
        _ = TraceContract.checkTrees(lines)
    }

    @Test("the CLI's --trace wins over CUPCAKE_TRACE")
    func cliOverride() throws {
        let result = try Probe.run(["--trace", "actions"], environment: ["CUPCAKE_TRACE": "all"])
        let spans = Set(try result.parsedLines().compactMap(\.span))
        #expect(spans == ["evaluate", "execute_actions", "action"])
    }

    @Test("an unknown category gives one WARN line listing the valid names, and is otherwise ignored")
    func unknownCategory() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "eval,bogus,Nope"])
        let lines = try result.parsedLines()
        let warnings = lines.filter { $0.level == "WARN" && $0.message != nil }
        #expect(warnings.count == 1)
        let message = try #require(warnings.first?.message)
        for name in ["eval", "routing", "signals", "wasm", "synthesis", "actions", "builtins", "all", "payload"] {
            #expect(message.contains(name))
        }
        #expect(message.contains("'bogus'") && message.contains("'Nope'"))
        #expect(Set(lines.compactMap(\.span)) == Self.stageSpans)
    }

    @Test("tracing off writes zero bytes", arguments: [nil, "", "off", "0", "OFF", " , "])
    func off(value: String?) throws {
        var environment: [String: String] = [:]
        if let value { environment["CUPCAKE_TRACE"] = value }
        let result = try Probe.run(environment: environment)
        #expect(result.status == 0)
        #expect(result.stderrBytes.isEmpty)
        #expect(result.stdout.contains("\"evaluations\":1"))
    }

    @Test("payload values appear only with the payload category, truncated")
    func payload() throws {
        let without = try Probe.run(["--hostile"], environment: ["CUPCAKE_TRACE": "all"])
        for line in try without.parsedLines() {
            #expect(line["tool_input"] == nil)
            #expect(line["output"] == nil)
            #expect(!line.raw.contains("rm -rf /"))
        }
        let with = try Probe.run(["--hostile"], environment: ["CUPCAKE_TRACE": "all,payload"])
        let root = try #require(try with.parsedLines().first(where: { $0.span == "evaluate" }))
        let toolInput = try #require(root["tool_input"] as? String)
        #expect(toolInput.hasPrefix("rm -rf /\n\"}"))
        #expect(toolInput.utf8.count < 1024 + 64)
        #expect(toolInput.hasSuffix("bytes]"))
        let signal = try #require(try with.parsedLines().first(where: { $0.span == "signal" }))
        #expect(signal["output"] as? String == "main")
    }

    @Test("hostile field values cannot split, forge or bloat a line")
    func hostileValues() throws {
        let result = try Probe.run(["--hostile"], environment: ["CUPCAKE_TRACE": "all"])
        #expect(result.status == 0)
        let lines = try result.parsedLines()
        #expect(lines.count == 13)
        for line in lines {
            TraceContract.check(line)
            #expect(line.span != "forged")
            #expect(line.raw.utf8.count < 8 * 1024)
        }
        let root = try #require(lines.first(where: { $0.span == "evaluate" }))
        let tool = try #require(root["tool_name"] as? String)
        #expect(tool.hasPrefix("Bash\n{\"span\":\"forged\""))
        #expect(tool.contains("\u{0}"))
        #expect(tool.contains("\u{FFFD}"))
        #expect(tool.contains("\u{2028}"))
        // The raw line carries escapes, never the control characters themselves.
        #expect(!root.raw.contains("\u{0}") && !root.raw.contains("\u{1B}") && !root.raw.contains("\u{2028}"))
        let session = try #require(root["session_id"] as? String)
        #expect(session.utf8.count < 1100)
        #expect(session.hasSuffix("bytes]"))
    }

    @Test("200 concurrent traced evaluations: every line parses, every tree is whole, no shared ids")
    func concurrency() throws {
        let result = try Probe.run(["--evaluations", "200"], environment: ["CUPCAKE_TRACE": "all"])
        #expect(result.status == 0)
        let lines = try result.parsedLines()
        #expect(lines.count == 200 * 13)
        for line in lines { TraceContract.check(line) }
        let traces = TraceContract.checkTrees(lines)
        #expect(traces.count == 200)
        for (_, members) in traces { #expect(members.count == 13) }
        let spanIDs = lines.compactMap(\.spanID)
        #expect(Set(spanIDs).count == spanIDs.count)
    }

    @Test("a valid TRACEPARENT is continued: its trace id on every line, its span as the root's parent")
    func validTraceparent() throws {
        let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
        let parent = "00f067aa0ba902b7"
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "eval", "TRACEPARENT": "00-\(traceID)-\(parent)-01"])
        let lines = try result.parsedLines()
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.traceID == traceID })
        let root = try #require(lines.first(where: { $0.span == "evaluate" }))
        #expect(root.parentSpanID == parent)
        _ = TraceContract.checkTrees(lines, adoptedParent: parent)
    }

    @Test(
        "an invalid TRACEPARENT gives a WARN line and a new trace",
        arguments: [
            "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        ])
    func invalidTraceparent(value: String) throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "eval", "TRACEPARENT": value])
        let lines = try result.parsedLines()
        let warnings = lines.filter { $0.level == "WARN" && ($0.message ?? "").contains("TRACEPARENT") }
        #expect(warnings.count == 1)
        let spans = lines.filter(\.isSpanLine)
        #expect(spans.count == 6)
        #expect(!spans.contains { $0.traceID?.lowercased() == "4bf92f3577b34da6a3ce929d0e0e4736" })
        #expect(spans.first { $0.span == "evaluate" }?.parentSpanID == nil)
    }

    @Test("sampling at 0 drops Allow traces whole and keeps every other decision and every error")
    func sampling() throws {
        let allow = try Probe.run(["--decision", "allow", "--evaluations", "20"], environment: ["CUPCAKE_TRACE": "all", "CUPCAKE_TRACE_SAMPLE": "0"])
        #expect(allow.stderrBytes.isEmpty)
        let deny = try Probe.run(["--decision", "deny", "--evaluations", "20"], environment: ["CUPCAKE_TRACE": "all", "CUPCAKE_TRACE_SAMPLE": "0"])
        let denyLines = try deny.parsedLines()
        #expect(denyLines.count == 20 * 13)
        #expect(TraceContract.checkTrees(denyLines).count == 20)
        let failed = try Probe.run(["--decision", "allow", "--fail"], environment: ["CUPCAKE_TRACE": "eval", "CUPCAKE_TRACE_SAMPLE": "0"])
        let failedLines = try failed.parsedLines()
        // The failure ends the evaluation inside wasm_eval: the root and the spans before it remain.
        #expect(Set(failedLines.compactMap(\.span)) == ["evaluate", "route", "gather_signals", "wasm_eval"])
        let wasm = try #require(failedLines.first(where: { $0.span == "wasm_eval" }))
        #expect(wasm.level == "ERROR")
        #expect((wasm["error"] as? String)?.contains("deliberate probe failure") == true)
    }

    @Test("sampling at 0.5 keeps whole traces, and some but not all of them")
    func partialSampling() throws {
        let result = try Probe.run(["--decision", "allow", "--evaluations", "200"], environment: ["CUPCAKE_TRACE": "eval", "CUPCAKE_TRACE_SAMPLE": "0.5"])
        let traces = TraceContract.checkTrees(try result.parsedLines())
        for (_, members) in traces { #expect(members.count == 6) }
        #expect(traces.count > 40 && traces.count < 160)
    }

    @Test("an unreadable CUPCAKE_TRACE_SAMPLE warns and keeps everything")
    func badSample() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "eval", "CUPCAKE_TRACE_SAMPLE": "lots"])
        let lines = try result.parsedLines()
        #expect(lines.filter { $0.level == "WARN" }.count == 1)
        #expect(lines.filter(\.isSpanLine).count == 6)
    }

    @Test("events inside a span carry the span's ids and an event key")
    func events() throws {
        let result = try Probe.run(["--signal-timeout"], environment: ["CUPCAKE_TRACE": "signals"])
        let lines = try result.parsedLines()
        let event = try #require(lines.first(where: { $0.event == "signal timed out" }))
        TraceContract.check(event)
        #expect(event.level == "WARN")
        #expect(event["timeout_ms"] as? Int == 5000)
        let owner = try #require(lines.first(where: { $0.isSpanLine && $0.spanID == event.spanID }))
        #expect(owner.span == "signal")
        #expect(owner["timed_out"] as? Bool == true)
        #expect(owner.traceID == event.traceID)
    }

    @Test("closed stderr: the operation completes and the lost lines are counted")
    func closedStderr() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "all"], standardError: .closed)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"failures\":0"))
        #expect(result.stdout.contains("\"dropped\":13"))
    }

    @Test("stderr whose reader is gone (EPIPE): no SIGPIPE death, lines counted as dropped")
    func brokenPipe() throws {
        let result = try Probe.run(environment: ["CUPCAKE_TRACE": "all"], standardError: .readerGone)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"dropped\":13"))
    }

    @Test("a trace file sink appends whole lines")
    func fileSink() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-trace-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Probe.run(["--trace-file", path, "--evaluations", "3"], environment: ["CUPCAKE_TRACE": "eval"])
        _ = try Probe.run(["--trace-file", path], environment: ["CUPCAKE_TRACE": "eval"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = try text.split(separator: "\n").map { try TraceLine(String($0)) }
        #expect(lines.count == 4 * 6)
        #expect(TraceContract.checkTrees(lines).count == 4)
    }

    @Test("a trace file that cannot be opened is a clear error, not a crash")
    func unopenableFile() throws {
        let result = try Probe.run(["--trace-file", "/nonexistent-dir/trace.jsonl"], environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("trace file /nonexistent-dir/trace.jsonl: cannot open for appending"))
    }
}
