import CupcakeTestSupport
import Foundation
import Testing

/// Every bad input gets a message on stderr and a documented exit code, never a crash or a hang.
@Suite("cupcake bad input")
struct BadInputTests {
    @Test(
        "bad events on stdin exit 65 with a message",
        arguments: [
            ("", "empty"), ("{not json", "invalid JSON"), ("[1, 2]", "object"), ("{\"tool_name\": \"Bash\"}", "hook_event_name"),
            ("{\"hook_event_name\": 42}", "hook_event_name"), ("\u{0}\u{1}binary", "invalid JSON"),
        ])
    func badEvents(_ testCase: (String, String)) throws {
        let result = try CLI.eval(Data(testCase.0.utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains(testCase.1), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("an event over 16 MiB is refused (exit 2, blocked), never passed unread")
    func hugeEvent() throws {
        var event = Data("{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"".utf8)
        event.append(Data(repeating: UInt8(ascii: "a"), count: 17 << 20))
        event.append(Data("\"}}".utf8))
        let result = try CLI.eval(event)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Cupcake refused this action"))
        #expect(result.stderr.contains("16 MiB"))
        #expect(result.stdout.isEmpty)
    }

    @Test("stdin that cannot be read (a directory) exits 65 instead of evaluating half an event")
    func unreadableStdin() throws {
        let cupcake = try ChildProcess.executable(named: "cupcake").path
        let result = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "exec \"$0\" eval --harness claude --policy-dir \"$1\" --cache-dir \"$2\" < /", cupcake, CLI.project, CLI.cache])
        #expect(result.status == 65)
        #expect(result.stderr.contains("cannot read the event from stdin"))
        #expect(result.stdout.isEmpty)
    }

    @Test("unknown and new fields never fail an event")
    func lenient() throws {
        let event = Data(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","permission_mode":"auto","brand_new":{"x":[1]},"tool_input":{"command":"ls","extra":true}}"#.utf8)
        let result = try CLI.eval(event)
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
    }

    @Test("a missing policy directory exits 66")
    func missingPolicyDirectory() throws {
        let result = try CLI.eval(Data(#"{"hook_event_name":"Stop"}"#.utf8), policyDirectory: "/nonexistent/.cupcake")
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/.cupcake"))
    }

    @Test("bad command lines exit 64 and say what is wrong", arguments: [
        (["eval"], "cupcake eval: --harness must be one of claude, cursor, factory, opencode"),
        (["eval", "--harness", "vim"], "cupcake eval: --harness must be one of claude, cursor, factory, opencode"),
        (["eval", "--harness", "claude", "--bogus"], "cupcake eval: unknown option --bogus"),
        (["frobnicate"], "cupcake: unknown command frobnicate"),
        ([], "usage: cupcake <command> [options]"),
    ])
    func usage(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderrLines.first == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("--help works on every command", arguments: [["--help"], ["eval", "--help"], ["verify", "--help"]])
    func help(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("usage: cupcake"))
    }

    /// A project whose bundle is a module that does not offer Cupcake's entrypoint: evaluation fails.
    func brokenProject(failMode: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-broken-\(UUID().uuidString)/.cupcake").path
        let files = FileManager.default
        try files.createDirectory(atPath: directory + "/policies/claude", withIntermediateDirectories: true)
        try files.createDirectory(atPath: directory + "/bundles", withIntermediateDirectories: true)
        try """
            # METADATA
            # scope: package
            # custom:
            #   routing:
            #     required_events: ["PreToolUse"]
            package cupcake.policies.broken
            """.write(toFile: directory + "/policies/claude/broken.rego", atomically: true, encoding: .utf8)
        try files.copyItem(
            atPath: CLI.root.appendingPathComponent("Fixtures/policies/abi11.wasm").path, toPath: directory + "/bundles/claude.tar.gz")
        if let failMode { try "fail_mode: \(failMode)\n".write(toFile: directory + "/rulebook.yml", atomically: true, encoding: .utf8) }
        return directory
    }

    @Test("an evaluation error fails open by default: {} on stdout, the error on stderr and in the trace")
    func failOpen() throws {
        let event = Data(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls"}}"#.utf8)
        let result = try CLI.eval(event, policyDirectory: try brokenProject(), environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
        #expect(result.stderr.contains("evaluation failed"))
        let root = result.stderrLines.compactMap { try? TraceLine($0) }.first(where: { $0.span == "evaluate" })
        #expect(root?.level == "ERROR")
        #expect(root?["final_decision"] as? String == "error")
    }

    @Test("--strict or fail_mode: closed fails closed: exit 2 with the reason on stderr")
    func failClosed() throws {
        let event = Data(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls"}}"#.utf8)
        let strict = try CLI.eval(event, policyDirectory: try brokenProject(), extra: ["--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("blocked"))
        let closed = try CLI.eval(event, policyDirectory: try brokenProject(failMode: "closed"))
        #expect(closed.status == 2)
    }

    @Test("a policy directory that cannot be loaded exits 78 naming the problem")
    func brokenConfiguration() throws {
        let directory = try brokenProject()
        try "signals: [unclosed\n".write(toFile: directory + "/rulebook.yml", atomically: true, encoding: .utf8)
        let result = try CLI.eval(Data(#"{"hook_event_name":"Stop"}"#.utf8), policyDirectory: directory)
        #expect(result.status == 78)
        #expect(result.stderr.contains("rulebook.yml"))
    }

    @Test("closed stderr with tracing on: the answer still arrives")
    func closedStderr() throws {
        let result = try CLI.run(
            ["eval", "--harness", "claude", "--policy-dir", CLI.project, "--cache-dir", CLI.cache],
            stdin: try CLI.event("pretooluse-bash-rm-rf"), environment: ["CUPCAKE_TRACE": "all"], standardError: .closed)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"deny\""))
    }
}
