import Testing
@testable import CupcakeEngine

/// Every (harness, event, decision) pair against the JSON upstream Cupcake answers (its
/// `harness/response/` builders), written out here row by row, independently of the builders.
@Suite("Response table: every harness, event and decision")
struct ResponseTableTests {
    static let reason = "Refused: the reason"
    static let askReason = "Confirm this?"
    static let modifyReason = "Adjusted the input"
    static let updated: JSONValue = ["command": "ls -la"]

    /// The seven decisions of every row, in this order.
    static let decisions: [(name: String, decision: FinalDecision)] = [
        ("halt", .halt(verdict(reason))), ("deny", .deny(verdict(reason))), ("block", .block(verdict(reason))),
        ("ask", .ask(verdict(askReason))), ("modify", .modify(verdict(modifyReason), updatedInput: updated)),
        ("allow", .allow(context: [])), ("allow+context", .allow(context: ["c1", "c2"])),
    ]

    static func verdict(_ reason: String) -> Verdict {
        Verdict(reason: reason, ruleIDs: ["R-1"], decisions: [Decision(ruleID: "R-1", reason: reason)])
    }

    /// One event: its harness, its name, and the seven expected answers (halt, deny, block, ask,
    /// modify, allow, allow with context "c1", "c2").
    struct Row: Sendable, CustomTestStringConvertible {
        let harness: Harness
        let event: String
        let expected: [String]
        var testDescription: String { "\(harness.rawValue) \(event)" }
    }

    // Shapes, with R the refusal's reason.
    static let deny = #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Refused: the reason"}}"#
    static let askPre = #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"Confirm this?"}}"#
    static let modifyPre = #"{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"Adjusted the input","updatedInput":{"command":"ls -la"}}}"#
    static let blockDecision = #"{"decision":"block","reason":"Refused: the reason"}"#
    static let stop = #"{"continue":false,"stopReason":"Refused: the reason"}"#
    static func context(_ event: String, _ text: String) -> String {
        #"{"hookSpecificOutput":{"hookEventName":"\#(event)","additionalContext":"\#(text)"}}"#
    }

    static func claudeLike(_ harness: Harness) -> [Row] {
        var rows = [
            // An allow is "no objection" for both agents; upstream's explicit Factory allow would
            // skip the Droid's own permission check (see ClaudeResponseBuilder).
            Row(harness: harness, event: "PreToolUse", expected: [deny, deny, deny, askPre, modifyPre, "{}", "{}"]),
            Row(harness: harness, event: "PostToolUse", expected: [
                blockDecision, blockDecision, blockDecision, "{}", "{}", "{}", context("PostToolUse", "c1\\nc2"),
            ]),
            Row(harness: harness, event: "UserPromptSubmit", expected: [
                blockDecision, blockDecision, blockDecision, context("UserPromptSubmit", askReason),
                context("UserPromptSubmit", modifyReason), "{}", context("UserPromptSubmit", "c1\\nc2"),
            ]),
            Row(harness: harness, event: "SessionStart", expected: [
                stop, stop, stop, context("SessionStart", askReason), context("SessionStart", modifyReason), "{}",
                context("SessionStart", "c1\\nc2"),
            ]),
        ]
        for event in ["Stop", "SubagentStop"] {
            rows.append(Row(harness: harness, event: event, expected: [blockDecision, blockDecision, blockDecision, "{}", "{}", "{}", "{}"]))
        }
        for event in ["PreCompact", "Notification", "SessionEnd"] {
            rows.append(Row(harness: harness, event: event, expected: [stop, stop, stop, "{}", "{}", "{}", "{}"]))
        }
        if harness == .claude {
            let refuse = #"{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"Refused: the reason"}}}"#
            rows.append(Row(harness: harness, event: "PermissionRequest", expected: [
                refuse, refuse, refuse, "{}",
                #"{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow","updatedInput":{"command":"ls -la"}}}}"#,
                "{}", "{}",
            ]))
        }
        return rows
    }

    static let cursorRows: [Row] = {
        let refuse = #"{"permission":"deny","user_message":"Refused: the reason","agent_message":"Refused: the reason"}"#
        let ask = #"{"permission":"ask","question":"Confirm this?","user_message":"Confirm this?","agent_message":"Confirm this?"}"#
        let allow = #"{"permission":"allow"}"#
        var rows = ["beforeShellExecution", "beforeMCPExecution"].map { event in
            Row(harness: .cursor, event: event, expected: [refuse, refuse, refuse, ask, allow, allow, allow])
        }
        let deny = #"{"permission":"deny"}"#
        rows.append(Row(harness: .cursor, event: "beforeReadFile", expected: [deny, deny, deny, deny, allow, allow, allow]))
        let stopPrompt = #"{"continue":false,"user_message":"Refused: the reason"}"#
        let goOn = #"{"continue":true}"#
        rows.append(Row(harness: .cursor, event: "beforeSubmitPrompt", expected: [
            stopPrompt, stopPrompt, stopPrompt, #"{"continue":false,"user_message":"Confirm this?"}"#, goOn, goOn, goOn,
        ]))
        let followUp = #"{"followup_message":"Refused: the reason"}"#
        rows.append(Row(harness: .cursor, event: "stop", expected: [followUp, followUp, followUp, "{}", "{}", "{}", "{}"]))
        for event in ["afterFileEdit", "afterShellExecution", "afterMCPExecution", "afterAgentResponse", "afterAgentThought"] {
            rows.append(Row(harness: .cursor, event: event, expected: Array(repeating: "{}", count: 7)))
        }
        return rows
    }()

    static let openCodeRows: [Row] = ["PreToolUse", "PostToolUse"].map { event in
        Row(harness: .opencode, event: event, expected: [
            #"{"decision":"block","reason":"Refused: the reason"}"#,
            #"{"decision":"deny","reason":"Refused: the reason"}"#,
            #"{"decision":"block","reason":"Refused: the reason"}"#,
            #"{"decision":"ask","reason":"Confirm this?"}"#,
            #"{"decision":"allow","context":["Adjusted the input"]}"#,
            #"{"decision":"allow"}"#,
            #"{"decision":"allow","context":["c1","c2"]}"#,
        ])
    }

    static let rows: [Row] = claudeLike(.claude) + claudeLike(.factory) + cursorRows + openCodeRows

    static func event(_ row: Row) -> HookEvent {
        let raw: JSONValue
        switch row.harness {
        case .claude, .opencode: raw = ["hook_event_name": .string(row.event), "session_id": "s", "cwd": "/w"]
        case .factory: raw = ["hookEventName": .string(row.event), "sessionId": "s", "cwd": "/w"]
        case .cursor: raw = ["hook_event_name": .string(row.event), "conversation_id": "c", "workspace_roots": ["/w"]]
        }
        return HookEvent(raw: raw, eventName: row.event, toolName: "Bash", sessionID: "s", harness: row.harness)
    }

    @Test("the answer to each decision", arguments: rows)
    func row(_ row: Row) throws {
        #expect(row.expected.count == Self.decisions.count)
        for (index, (name, decision)) in Self.decisions.enumerated() {
            let response = ResponseBuilder.build(decision, for: Self.event(row))
            #expect(response.exitCode == 0)
            let expected = try JSONValue.parse(row.expected[index])
            #expect(try JSONValue.parse(response.stdout) == expected, "\(row.testDescription) \(name): \(response.stdoutText)")
        }
    }

    @Test("every event the harnesses send has a row", arguments: [
        (Harness.claude, 10), (.factory, 9), (.cursor, 10), (.opencode, 2),
    ])
    func coverage(harness: Harness, events: Int) {
        #expect(Set(Self.rows.filter { $0.harness == harness }.map(\.event)).count == events)
    }

    @Test("Cursor's agent_message joins the decisions' agent messages with \"; \"")
    func agentMessages() throws {
        let verdict = Verdict(reason: "R", ruleIDs: ["A", "B"], decisions: [
            Decision(ruleID: "A", reason: "a", agentContext: "rm -rf / detected on line 42"),
            Decision(ruleID: "B", reason: "b", agentContext: "Use 'trash' command instead"),
        ])
        let response = ResponseBuilder.build(.block(verdict), for: Self.event(Row(harness: .cursor, event: "beforeShellExecution", expected: [])))
        #expect(try JSONValue.parse(response.stdout)["agent_message"] == "rm -rf / detected on line 42; Use 'trash' command instead")
    }
}
