import Testing
@testable import CupcakeEngine

private typealias C = ResponseCase

@Suite("Claude Code responses")
struct ClaudeResponseTests {
    static let npmInput: JSONValue = ["command": "npm install left-pad --ignore-scripts", "description": "Install left-pad", "timeout": 120000]
    static let permissionRequest = #"{"hook_event_name":"PermissionRequest","session_id":"s","tool_name":"Bash","tool_input":{"command":"git push"},"permission_suggestions":[]}"#

    static let cases: [ResponseCase] = [
        C(.claude, "pretooluse-bash-rm-rf", C.deny("Dangerous command blocked: rm -rf /"),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Dangerous command blocked: rm -rf /"}}"#),
        C(.claude, "pretooluse-bash-git-push-force", C.ask("Force push can overwrite remote history"),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"Force push can overwrite remote history"}}"#),
        C(.claude, "pretooluse-bash-ls", C.allow, "{}"),
        C(.claude, "pretooluse-bash-npm-install", C.modify("npm install runs package scripts; adding --ignore-scripts", npmInput),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"npm install runs package scripts; adding --ignore-scripts","updatedInput":{"command":"npm install left-pad --ignore-scripts","description":"Install left-pad","timeout":120000}}}"#),
        C(.claude, "pretooluse-bash-npm-install", C.modify("noted", [:]),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"noted"}}"#),
        C(.claude, "pretooluse-bash-forkbomb", C.halt("Fork bomb detected"),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Fork bomb detected"}}"#),
        C(.claude, "pretooluse-write-etc", C.block("System file modification blocked: /etc/hosts"),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"System file modification blocked: /etc/hosts"}}"#),
        C(.claude, "pretooluse-read", C.allow("some context"), "{}"),
        C(.claude, "posttooluse-write-env", C.block("A .env file was written; it may hold secrets"),
          #"{"decision":"block","reason":"A .env file was written; it may hold secrets"}"#),
        C(.claude, "posttooluse-write-env", C.allow("Remember to rotate the token"),
          #"{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"Remember to rotate the token"}}"#),
        C(.claude, "posttooluse-write-env", C.halt("stop now"), #"{"decision":"block","reason":"stop now"}"#),
        C(.claude, "userpromptsubmit", C.allow("Reminder: run the test suite (make test) before you commit changes."),
          #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"Reminder: run the test suite (make test) before you commit changes."}}"#),
        C(.claude, "userpromptsubmit", C.deny("Prompt mentions a secret"), #"{"decision":"block","reason":"Prompt mentions a secret"}"#),
        C(.claude, "userpromptsubmit", C.ask("Really?"),
          #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"Really?"}}"#),
        C(.claude, "userpromptsubmit", C.halt("The prompt holds a secret"), #"{"decision":"block","reason":"The prompt holds a secret"}"#),
        C(.claude, "userpromptsubmit", C.allow, "{}"),
        C(.claude, "userpromptsubmit", .modify(C.verdict("m"), updatedInput: [:]),
          #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"m"}}"#),
        C(.claude, "sessionstart", C.allow("one", "two"),
          #"{"hookSpecificOutput":{"hookEventName":"SessionStart","additionalContext":"one\ntwo"}}"#),
        C(.claude, "sessionstart", C.halt("No sessions today"), #"{"continue":false,"stopReason":"No sessions today"}"#),
        C(.claude, "sessionstart", C.deny("Not in this repo"), #"{"continue":false,"stopReason":"Not in this repo"}"#),
        C(.claude, "stop", C.block("Tests are failing; fix them first"), #"{"decision":"block","reason":"Tests are failing; fix them first"}"#),
        C(.claude, "stop", C.allow, "{}"),
        C(.claude, "stop", C.halt("done"), #"{"decision":"block","reason":"done"}"#),
        C(.claude, "notification", C.deny("quiet"), #"{"continue":false,"stopReason":"quiet"}"#),
        C(.claude, "precompact", C.allow("keep the API docs"), "{}"),
        C(.claude, "sessionend", C.halt("bye"), #"{"continue":false,"stopReason":"bye"}"#),
        C(.claude, "sessionend", C.block("ended"), #"{"continue":false,"stopReason":"ended"}"#),
        C(.claude, permissionRequest, C.deny("No pushing"),
          #"{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"No pushing"}}}"#),
        C(.claude, permissionRequest, C.ask("confirm"), "{}"),
        C(.claude, permissionRequest, C.allow, "{}"),
        C(.claude, permissionRequest, C.halt("Stop everything"),
          #"{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"Stop everything"}}}"#),
        C(.claude, permissionRequest, C.modify("safer", ["command": "git push --dry-run"]),
          #"{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow","updatedInput":{"command":"git push --dry-run"}}}}"#),
        C(.claude, #"{"hook_event_name":"SubagentStop","stop_hook_active":true}"#, C.ask("Finish the checklist"), "{}"),
        C(.claude, #"{"hook_event_name":"SubagentStop","stop_hook_active":true}"#, C.block("Finish the checklist"),
          #"{"decision":"block","reason":"Finish the checklist"}"#),
        C(.claude, #"{"hook_event_name":"SomeFutureEvent"}"#, C.deny("no"), #"{"decision":"block","reason":"no"}"#),
        C(.claude, #"{"hook_event_name":"SomeFutureEvent"}"#, C.allow("ctx"), "{}"),
    ]

    @Test("event and decision give the documented response", arguments: cases)
    func response(_ testCase: ResponseCase) throws {
        try ResponseAssertions.check(testCase)
    }

    @Test("output is compact JSON with keys in byte order")
    func compactBytes() throws {
        let event = try HarnessEventFixtures.event(.claude, "pretooluse-bash-forkbomb")
        let response = ResponseBuilder.build(C.halt("Fork bomb detected"), for: event)
        #expect(response.stdoutText == #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Fork bomb detected"}}"#)
        #expect(response.exitCode == 0)
        #expect(response.stderr == nil)
    }

    @Test("reasons with quotes, newlines and non-ASCII survive as valid JSON")
    func escaping() throws {
        let event = try HarnessEventFixtures.event(.claude, "pretooluse-bash-rm-rf")
        let reason = "[A] \"quoted\" \\ back\n[B] ünïcödé 🚫\t\u{1}"
        let response = ResponseBuilder.build(C.deny(reason), for: event)
        let parsed = try JSONValue.parse(response.stdout)
        #expect(parsed["hookSpecificOutput"]?["permissionDecisionReason"]?.stringValue == reason)
    }
}

/// Shared checks for the response tables.
enum ResponseAssertions {
    static func check(_ testCase: ResponseCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let event = try testCase.hookEvent()
        let response = ResponseBuilder.build(testCase.decision, for: event)
        let actual = try JSONValue.parse(response.stdout)
        let expected = try JSONValue.parse(testCase.expected)
        #expect(actual == expected, "got \(response.stdoutText)", sourceLocation: sourceLocation)
        // Compact: what we write is exactly the canonical serialization.
        #expect(response.stdout == expected.serialized(), sourceLocation: sourceLocation)
        #expect(response.exitCode == 0, sourceLocation: sourceLocation)
        #expect(response.stderr == nil, sourceLocation: sourceLocation)
    }
}
