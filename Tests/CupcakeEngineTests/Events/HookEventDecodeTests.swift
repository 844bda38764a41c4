import Testing
@testable import CupcakeEngine

@Suite("HookEvent decoding")
struct HookEventDecodeTests {
    private func decode(_ text: String, _ harness: Harness = .claude) throws -> HookEvent {
        try HookEvent.decode(Array(text.utf8), harness: harness)
    }

    private func failure(_ bytes: [UInt8], _ harness: Harness = .claude) -> EventError? {
        do {
            _ = try HookEvent.decode(bytes, harness: harness)
            return nil
        } catch {
            return error
        }
    }

    @Test("every Claude fixture decodes with its name, tool and session")
    func claudeFixtures() throws {
        for name in HarnessEventFixtures.names(.claude) {
            let event = try HarnessEventFixtures.event(.claude, name)
            #expect(event.harness == .claude)
            #expect(event.sessionID == "9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a93")
            #expect(event.raw["hook_event_name"]?.stringValue == event.eventName)
            #expect(event.toolName == event.raw["tool_name"]?.stringValue)
        }
        let bash = try HarnessEventFixtures.event(.claude, "pretooluse-bash-rm-rf")
        #expect(bash.eventName == "PreToolUse" && bash.toolName == "Bash")
        let stop = try HarnessEventFixtures.event(.claude, "stop")
        #expect(stop.eventName == "Stop" && stop.toolName == nil)
    }

    @Test("unknown fields and enum values are kept, never an error")
    func lenient() throws {
        let event = try decode("""
            {"hook_event_name":"PreToolUse","permission_mode":"auto","tool_name":"Bash",
             "tool_input":{"command":"ls","sandbox":{"mode":"strict"}},"brand_new_field":[1,{"x":null}],
             "session_id":42}
            """)
        #expect(event.raw["permission_mode"] == "auto")
        #expect(event.raw["brand_new_field"]?[1]?["x"] == .null)
        #expect(event.toolName == "Bash")
        #expect(event.sessionID == nil)  // not a string: ignored, not an error
        let future = try decode(#"{"hook_event_name":"SomeFutureEvent"}"#)
        #expect(future.eventName == "SomeFutureEvent")
    }

    @Test("Bash commands are whitespace-normalized; other tools and fields are not")
    func preprocessing() throws {
        let bash = try decode(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm  -rf   /","description":"a  b"}}"#)
        #expect(bash.raw["tool_input"]?["command"] == "rm -rf /")
        #expect(bash.raw["tool_input"]?["description"] == "a  b")
        let write = try decode(#"{"hook_event_name":"PreToolUse","tool_name":"Write","tool_input":{"command":"x  y","file_path":"a  b"}}"#)
        #expect(write.raw["tool_input"]?["command"] == "x  y")
        let notString = try decode(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":["rm","-rf"]}}"#)
        #expect(notString.raw["tool_input"]?["command"] == ["rm", "-rf"])
        let noInput = try decode(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":"rm  -rf"}"#)
        #expect(noInput.raw["tool_input"] == "rm  -rf")
    }

    @Test("Cursor: own event names, conversation id as session, root command normalized")
    func cursor() throws {
        let shell = try HarnessEventFixtures.event(.cursor, "before-shell-execution-rm-rf")
        #expect(shell.eventName == "beforeShellExecution")
        #expect(shell.toolName == nil)
        #expect(shell.sessionID == "c7a1e2f0-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
        #expect(shell.raw["command"] == "rm -rf / --no-preserve-root")
        let mcp = try HarnessEventFixtures.event(.cursor, "before-mcp-execution")
        #expect(mcp.eventName == "beforeMCPExecution" && mcp.toolName == "database_query")
        // Only beforeShellExecution's command is a shell command.
        let other = try decode(#"{"hook_event_name":"afterShellExecution","command":"a  b"}"#, .cursor)
        #expect(other.raw["command"] == "a  b")
    }

    @Test("Factory: snake_case as sent, camelCase copied to snake_case, Execute normalized")
    func factory() throws {
        let execute = try HarnessEventFixtures.event(.factory, "pretooluse-execute-rm-rf")
        #expect(execute.eventName == "PreToolUse" && execute.toolName == "Execute")
        #expect(execute.raw["tool_input"]?["command"] == "rm -rf /")
        #expect(execute.raw["permission_mode"] == "auto-high")
        let camel = try HarnessEventFixtures.event(.factory, "pretooluse-bash-camelcase")
        #expect(camel.eventName == "PreToolUse")
        #expect(camel.raw["hook_event_name"] == "PreToolUse" && camel.raw["hookEventName"] == "PreToolUse")
        #expect(camel.sessionID == "5e2b7c1a-9d3f-4a6e-b8c0-1f2e3d4c5b6a")
        #expect(camel.raw["permission_mode"] == "bypassPermissions")
        #expect(camel.raw["transcript_path"] == "/home/dev/.factory/projects/-home-dev-demo/5e2b7c1a-9d3f-4a6e-b8c0-1f2e3d4c5b6a.jsonl")
    }

    @Test("OpenCode: tool and args become tool_name and tool_input")
    func openCode() throws {
        let bash = try HarnessEventFixtures.event(.opencode, "pretooluse-bash-rm-rf")
        #expect(bash.toolName == "Bash")
        #expect(bash.raw["tool"] == "bash")
        #expect(bash.raw["tool_input"]?["command"] == "rm -rf /")
        #expect(bash.sessionID == "ses_4f2a9c8e1b7d")
        let edit = try HarnessEventFixtures.event(.opencode, "pretooluse-edit")
        #expect(edit.toolName == "Edit")
        #expect(edit.raw["tool_input"]?["filePath"] == "/home/dev/demo/src/index.ts")
        let unknown = try decode(#"{"hook_event_name":"PreToolUse","tool":"mcp_thing","args":{}}"#, .opencode)
        #expect(unknown.toolName == "mcp_thing")
    }

    @Test("missing, null or empty event name is the documented error", arguments: Harness.allCases)
    func missingName(harness: Harness) {
        for text in [#"{}"#, #"{"hook_event_name":null}"#, #"{"hook_event_name":""}"#, #"{"tool_name":"Bash"}"#] {
            let error = failure(Array(text.utf8), harness)
            #expect(error == .missingEventName)
            #expect(error?.description == "event has no hook_event_name")
        }
    }

    @Test("camelCase hookEventName counts only for Factory")
    func camelOnlyForFactory() {
        let bytes = Array(#"{"hookEventName":"Stop"}"#.utf8)
        #expect(failure(bytes, .claude) == .missingEventName)
        #expect(failure(bytes, .factory) == nil)
    }

    @Test("a non-string event name is an error naming its type")
    func nameNotString() {
        let error = failure(Array(#"{"hook_event_name":7}"#.utf8))
        #expect(error == .eventNameNotString(found: "number"))
        #expect(error?.description == "hook event: hook_event_name must be a string, found number")
    }

    @Test("empty input")
    func empty() {
        #expect(failure([]) == .emptyInput)
        #expect(failure(Array("  \n\t".utf8)) == .emptyInput)
        #expect(failure([])?.description == "hook event: empty input, expected one JSON object on stdin")
    }

    @Test("not an object", arguments: [("[1,2]", "array"), ("\"PreToolUse\"", "string"), ("42", "number"), ("null", "null"), ("true", "boolean")])
    func notObject(text: String, type: String) {
        let error = failure(Array(text.utf8))
        #expect(error == .notAnObject(found: type))
        #expect(error?.description == "hook event: expected a JSON object, found \(type)")
    }

    @Test("malformed JSON reports the parser's position")
    func malformed() throws {
        let error = try #require(failure(Array("{\n  \"hook_event_name\": \"Stop\",\n}".utf8)))
        guard case .invalidJSON(let parseError) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(parseError.position?.line == 3)
        #expect(error.description.hasPrefix("hook event: invalid JSON at line 3, column 1: "))
        let truncated = try #require(failure(Array(#"{"hook_event_name":"Sto"#.utf8)))
        #expect(truncated.description.hasPrefix("hook event: invalid JSON at line 1"))
        let binary = try #require(failure([0xFF, 0xFE, 0x00]))
        #expect(binary.description.contains("line 1, column 1"))
    }

    @Test("hostile nesting is rejected, not a crash")
    func deepNesting() {
        let deep = "{\"hook_event_name\":\"Stop\",\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        guard case .invalidJSON(.nestingTooDeep)? = failure(Array(deep.utf8)) else {
            Issue.record("expected nestingTooDeep")
            return
        }
    }
}
