import CupcakeTestSupport
import Foundation
import Testing

/// `cupcake eval` end to end: real event shapes in, the harness's answer out.
@Suite("cupcake eval")
struct EvalCommandTests {
    func preToolUse(_ result: ChildProcess.Result) throws -> [String: Any] {
        try #require(try CLI.json(result.stdout)["hookSpecificOutput"] as? [String: Any])
    }

    @Test("a denied rm -rf /")
    func deny() throws {
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))
        #expect(result.status == 0)
        let output = try preToolUse(result)
        #expect(output["permissionDecision"] as? String == "deny")
        #expect(output["permissionDecisionReason"] as? String == "Dangerous command blocked: rm -rf /")
        #expect(output["hookEventName"] as? String == "PreToolUse")
    }

    @Test("ask before git push --force")
    func ask() throws {
        let output = try preToolUse(try CLI.eval(try CLI.event("pretooluse-bash-git-push-force")))
        #expect(output["permissionDecision"] as? String == "ask")
        #expect((output["permissionDecisionReason"] as? String)?.contains("Force push") == true)
    }

    @Test("a harmless command is allowed with an empty answer")
    func allow() throws {
        let result = try CLI.eval(try CLI.event("pretooluse-bash-ls"))
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
    }

    @Test("npm install is allowed with --ignore-scripts added and the reason given")
    func modify() throws {
        let output = try preToolUse(try CLI.eval(try CLI.event("pretooluse-bash-npm-install")))
        #expect(output["permissionDecision"] as? String == "allow")
        let updated = try #require(output["updatedInput"] as? [String: Any])
        #expect(updated["command"] as? String == "npm install left-pad --ignore-scripts")
        #expect(output["permissionDecisionReason"] as? String == "npm install runs package scripts; adding --ignore-scripts")
    }

    @Test("writing under /etc and a leaked AWS key are denied; the wildcard policy sees every tool")
    func otherDenials() throws {
        let etc = try preToolUse(try CLI.eval(try CLI.event("pretooluse-write-etc")))
        #expect(etc["permissionDecision"] as? String == "deny")
        let aws = try preToolUse(try CLI.eval(try CLI.event("pretooluse-bash-aws-key")))
        #expect(aws["permissionDecision"] as? String == "deny")
        #expect((aws["permissionDecisionReason"] as? String)?.contains("AWS") == true)
    }

    @Test("a fork bomb (a halt) is refused as upstream answers a halt on PreToolUse: a deny with the reason")
    func halt() throws {
        let answer = try preToolUse(try CLI.eval(try CLI.event("pretooluse-bash-forkbomb")))
        #expect(answer["permissionDecision"] as? String == "deny")
        #expect((answer["permissionDecisionReason"] as? String)?.contains("Fork bomb") == true)
    }

    @Test("writing a .env file is blocked after the fact")
    func block() throws {
        let answer = try CLI.json(try CLI.eval(try CLI.event("posttooluse-write-env")).stdout)
        #expect(answer["decision"] as? String == "block")
        #expect((answer["reason"] as? String)?.contains(".env") == true)
    }

    @Test("a prompt gets the policy's context")
    func context() throws {
        let answer = try CLI.json(try CLI.eval(try CLI.event("userpromptsubmit")).stdout)
        let output = try #require(answer["hookSpecificOutput"] as? [String: Any])
        #expect((output["additionalContext"] as? String)?.contains("run the test suite") == true)
    }

    @Test("CUPCAKE_TRACE=eval: every line fits the schema, one trace, the seven stage spans")
    func traced() throws {
        let validator = try SchemaValidator(contentsOf: CLI.root.appendingPathComponent("Docs/trace-line.schema.json"))
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: ["CUPCAKE_TRACE": "eval"])
        let lines = try result.parsedStderrLines()
        for line in lines {
            let violations = validator.violations(of: line.object)
            #expect(violations.isEmpty, "\(violations) in \(line.raw)")
        }
        #expect(Set(lines.compactMap(\.traceID)).count == 1)
        #expect(Set(lines.compactMap(\.span)) == ["evaluate", "preprocess", "route", "gather_signals", "wasm_eval", "synthesize", "execute_actions"])
        let root = try #require(lines.first(where: { $0.span == "evaluate" }))
        #expect(root["final_decision"] as? String == "deny")
        #expect(root["tool_name"] as? String == "Bash")
        #expect(root.parentSpanID == nil)
        let ids = Set(lines.compactMap(\.spanID))
        let orphans = lines.filter { line in line.parentSpanID.map { !ids.contains($0) } ?? false }
        #expect(orphans.isEmpty)
    }

    @Test("CUPCAKE_TRACE=all: one hook process writes one trace; loading is a child of the evaluate root")
    func oneTracePerHook() throws {
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: ["CUPCAKE_TRACE": "all"])
        let lines = try result.parsedStderrLines().filter(\.isSpanLine)
        #expect(Set(lines.compactMap(\.traceID)).count == 1, "\(lines.map(\.raw))")
        let roots = lines.filter { $0.parentSpanID == nil }
        #expect(roots.map(\.span) == ["evaluate"])
        let load = try #require(lines.first { $0.span == "load_policies" })
        #expect(load.parentSpanID == roots.first?.spanID)
        #expect(lines.contains { ($0.span == "wasm_load" || $0.span == "bundle_index") && $0.parentSpanID == load.spanID })
    }

    @Test("a load failure is the evaluate root's error, in the same single trace")
    func loadFailureTraced() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-badload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: project) }
        try Data("builtins:\n  nonsense: {}\n".utf8).write(to: URL(fileURLWithPath: project + "/rulebook.yml"))
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), policyDirectory: project, environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("cupcake eval: "), "the message for the user")
        let lines = try result.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }.map { try TraceLine(String($0)) }
        let root = try #require(lines.first { $0.span == "evaluate" })
        #expect(root["final_decision"] as? String == "error")
        #expect((root["error"] as? String)?.contains("builtins.nonsense") == true, "\(root.raw)")
    }

    @Test("no matching policy: Allow without a WebAssembly call or a signal, as the trace shows")
    func noMatch() throws {
        let result = try CLI.eval(try CLI.event("sessionstart"), environment: ["CUPCAKE_TRACE": "all"])
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
        let spans = try result.parsedStderrLines().compactMap(\.span)
        #expect(spans.contains("route"))
        #expect(!spans.contains("wasm_eval"))
        #expect(!spans.contains("gather_signals"))
        #expect(!spans.contains("signal"))
    }

    @Test("CUPCAKE_TRACE_OTLP alone exports the evaluation as OTLP/JSON to a file, and nothing to stderr")
    func otlpFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-otlp-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: ["CUPCAKE_TRACE_OTLP": "file:\(path)"])
        #expect(result.status == 0)
        #expect(result.stderrBytes.isEmpty)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let request = try CLI.json(String(lines[0]))
        let resourceSpans = try #require(request["resourceSpans"] as? [[String: Any]])
        let scopeSpans = try #require(resourceSpans.first?["scopeSpans"] as? [[String: Any]])
        let spans = try #require(scopeSpans.first?["spans"] as? [[String: Any]])
        #expect(Set(spans.compactMap { $0["name"] as? String })
            == ["evaluate", "preprocess", "route", "gather_signals", "wasm_eval", "synthesize", "execute_actions"])
        #expect(Set(spans.compactMap { $0["traceId"] as? String }).count == 1)
        let attributes = try #require(resourceSpans.first?["resource"] as? [String: Any])["attributes"] as? [[String: Any]]
        #expect(attributes?.contains { $0["key"] as? String == "service.name" } == true)
    }

    /// The demo project's whole answer to pretooluse-bash-rm-rf, byte for byte.
    static let rmRfAnswer = #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Dangerous command blocked: rm -rf /"}}"# + "\n"

    @Test("an unreachable collector leaves the answer alone and costs the hook no warning: its spans wait in the spool")
    func collectorDown() throws {
        // Port 1 on loopback: nothing listens, the connection is refused at once. The spool is
        // the test's own, and removing it lets the delivery process this starts go idle and exit.
        // The hook never contacts the collector (it spools its spans and leaves), so it has
        // nothing to warn about; the in-process exporter's one warning for a refused connection
        // is ExportHTTPSinkTests's.
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = try CLI.eval(
            try CLI.event("pretooluse-bash-rm-rf"),
            environment: ["CUPCAKE_TRACE_OTLP": "http://127.0.0.1:1", "CUPCAKE_OTLP_SPOOL": spool])
        #expect(result.status == 0)
        #expect(result.stdout == Self.rmRfAnswer)
        #expect(result.stderr == "")
        // A refused connection deletes nothing: the batch stays for a later delivery.
        let batches = try FileManager.default.contentsOfDirectory(atPath: spool + "/http___127.0.0.1_1")
        #expect(batches.filter { $0.hasSuffix(".spans") }.count == 1, "\(batches)")
    }

    @Test("a bad CUPCAKE_TRACE_OTLP warns and leaves the answer alone")
    func badOTLP() throws {
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: ["CUPCAKE_TRACE_OTLP": "ftp://nowhere"])
        #expect(result.status == 0)
        #expect(result.stdout == Self.rmRfAnswer)
        let warning = try #require(result.parsedStderrLines().first)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(warning.level == "WARN")
        #expect(warning.message == "CUPCAKE_TRACE_OTLP: OTLP destination 'ftp://nowhere': expected file:<path>, "
            + "http://host:port or https://host:port; OTLP export is off")
    }

    @Test("tracing off: nothing at all on stderr")
    func quiet() throws {
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))
        #expect(result.stderrBytes.isEmpty)
    }
}
