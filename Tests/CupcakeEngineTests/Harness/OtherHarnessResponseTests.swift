import Testing
@testable import CupcakeEngine

private typealias C = ResponseCase

@Suite("Cursor, Factory and OpenCode responses")
struct OtherHarnessResponseTests {
    static let cursorCases: [ResponseCase] = [
        C(.cursor, "before-shell-execution-rm-rf", C.deny("Dangerous command blocked: rm -rf /"),
          #"{"permission":"deny","user_message":"Dangerous command blocked: rm -rf /","agent_message":"Dangerous command blocked: rm -rf /"}"#),
        C(.cursor, "before-shell-execution-ls", C.allow, #"{"permission":"allow"}"#),
        C(.cursor, "before-shell-execution-ls", C.allow("context is not supported"), #"{"permission":"allow"}"#),
        C(.cursor, "before-shell-execution-ls", C.ask("Force push can overwrite remote history"),
          #"{"permission":"ask","question":"Force push can overwrite remote history","user_message":"Force push can overwrite remote history","agent_message":"Force push can overwrite remote history"}"#),
        C(.cursor, "before-shell-execution-rm-rf", C.halt("Fork bomb detected"),
          #"{"permission":"deny","user_message":"Fork bomb detected","agent_message":"Fork bomb detected"}"#),
        C(.cursor, "before-shell-execution-ls", C.modify("adding --ignore-scripts", ["command": "x"]), #"{"permission":"allow"}"#),
        C(.cursor, "before-mcp-execution", C.block("Destructive SQL"),
          #"{"permission":"deny","user_message":"Destructive SQL","agent_message":"Destructive SQL"}"#),
        C(.cursor, "before-read-file-env", C.deny("Secrets file"), #"{"permission":"deny"}"#),
        C(.cursor, "before-read-file-env", C.ask("Read secrets?"), #"{"permission":"deny"}"#),
        C(.cursor, "before-read-file-env", C.allow, #"{"permission":"allow"}"#),
        C(.cursor, "before-submit-prompt", C.block("Prompt blocked by policy"),
          #"{"continue":false,"user_message":"Prompt blocked by policy"}"#),
        C(.cursor, "before-submit-prompt", C.allow("context dropped"), #"{"continue":true}"#),
        C(.cursor, "after-file-edit", C.deny("too late to deny"), "{}"),
        C(.cursor, "stop", C.deny("Tests are still failing. Please fix them."),
          #"{"followup_message":"Tests are still failing. Please fix them."}"#),
        C(.cursor, "stop", C.allow, "{}"),
        C(.cursor, "stop", C.halt("stop"), #"{"followup_message":"stop"}"#),
        C(.cursor, "stop", C.ask("sure?"), "{}"),
        C(.cursor, #"{"hook_event_name":"afterAgentResponse","text":"hi"}"#, C.block("x"), "{}"),
    ]

    static let factoryCases: [ResponseCase] = [
        C(.factory, "pretooluse-execute-rm-rf", C.deny("Dangerous command blocked: rm -rf /"),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Dangerous command blocked: rm -rf /"}}"#),
        C(.factory, "pretooluse-bash-camelcase", C.modify("adding --ignore-scripts", ["command": "npm install left-pad --ignore-scripts"]),
          #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"adding --ignore-scripts","updatedInput":{"command":"npm install left-pad --ignore-scripts"}}}"#),
        C(.factory, "pretooluse-execute-rm-rf", C.allow, "{}"),
        C(.factory, "posttooluse-create-env", C.block("A .env file was written"), #"{"decision":"block","reason":"A .env file was written"}"#),
        C(.factory, "userpromptsubmit", C.allow("Update CHANGELOG.md"),
          #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"Update CHANGELOG.md"}}"#),
        C(.factory, "sessionstart", C.allow("Project uses Swift 6"),
          #"{"hookSpecificOutput":{"hookEventName":"SessionStart","additionalContext":"Project uses Swift 6"}}"#),
        C(.factory, "stop", C.block("Run the tests first"), #"{"decision":"block","reason":"Run the tests first"}"#),
    ]

    static let openCodeCases: [ResponseCase] = [
        C(.opencode, "pretooluse-bash-rm-rf", C.deny("Dangerous command blocked: rm -rf /"),
          #"{"decision":"deny","reason":"Dangerous command blocked: rm -rf /"}"#),
        C(.opencode, "pretooluse-bash-rm-rf", C.halt("Fork bomb detected"), #"{"decision":"block","reason":"Fork bomb detected"}"#),
        C(.opencode, "pretooluse-bash-rm-rf", C.block("blocked"), #"{"decision":"block","reason":"blocked"}"#),
        C(.opencode, "pretooluse-edit", C.ask("Edit the port?"), #"{"decision":"ask","reason":"Edit the port?"}"#),
        C(.opencode, "pretooluse-edit", C.modify("normalized", ["filePath": "x"]), #"{"decision":"allow","context":["normalized"]}"#),
        C(.opencode, "pretooluse-edit", C.allow, #"{"decision":"allow"}"#),
        C(.opencode, "pretooluse-edit", C.allow("a", "b"), #"{"decision":"allow","context":["a","b"]}"#),
        C(.opencode, "posttooluse-bash", C.block("Command failed: 1 failing"), #"{"decision":"block","reason":"Command failed: 1 failing"}"#),
    ]

    @Test("Cursor", arguments: cursorCases)
    func cursor(_ testCase: ResponseCase) throws {
        try ResponseAssertions.check(testCase)
    }

    @Test("Factory", arguments: factoryCases)
    func factory(_ testCase: ResponseCase) throws {
        try ResponseAssertions.check(testCase)
    }

    @Test("OpenCode", arguments: openCodeCases)
    func openCode(_ testCase: ResponseCase) throws {
        try ResponseAssertions.check(testCase)
    }

    @Test("every fixture of every harness decodes and answers allow with exit code 0")
    func everyFixture() throws {
        for harness in Harness.allCases {
            let names = HarnessEventFixtures.names(harness)
            #expect(!names.isEmpty, "no fixtures for \(harness.rawValue)")
            for name in names {
                let event = try HarnessEventFixtures.event(harness, name)
                let response = ResponseBuilder.build(.allow(context: []), for: event)
                #expect(response.exitCode == 0)
                _ = try JSONValue.parse(response.stdout)
            }
        }
    }
}
