/// Claude Code (and Factory Droid) hook output, per event, as upstream Cupcake answers.
///
/// | event | halt, deny, block | ask | modify | allow |
/// | --- | --- | --- | --- | --- |
/// | PreToolUse | `permissionDecision: deny` + reason | `ask` + reason | `allow` + reason + updatedInput | `{}` |
/// | PermissionRequest | `decision {behavior: deny, message}` | `{}` (the dialog shows) | `decision {behavior: allow, updatedInput}` | `{}` |
/// | PostToolUse | `decision: block` + reason | `{}` | `{}` | additionalContext if any |
/// | UserPromptSubmit | `decision: block` + reason (the prompt is erased) | additionalContext = reason | additionalContext = reason | additionalContext if any |
/// | SessionStart | `continue: false` + stopReason | additionalContext = reason | additionalContext = reason | additionalContext if any |
/// | Stop, SubagentStop | `decision: block` + reason (keeps the agent working) | `{}` | `{}` | `{}` |
/// | PreCompact, Notification, SessionEnd | `continue: false` + stopReason | `{}` | `{}` | `{}` |
/// | any other event | `decision: block` + reason | `{}` | `{}` | `{}` |
///
/// A halt answers as a deny does (upstream's mapping: on UserPromptSubmit that erases the prompt,
/// which `continue: false` would not). Context strings are joined with newlines. updatedInput is
/// sent only when it is a non-empty object: an empty one would replace the tool's input with
/// nothing. Two departures from upstream, where it contradicts the agents' documentation: its
/// SessionStart ask names the UserPromptSubmit event (this names SessionStart), and it answers a
/// Factory PreToolUse allow with an explicit `permissionDecision: allow`, which the Droid (like
/// Claude Code, which upstream stopped sending it to) reads as "skip the permission check";
/// here an allow means only "no objection", `{}`, for both agents.
enum ClaudeResponseBuilder {
    static func json(_ decision: FinalDecision, eventName: String, harness: Harness = .claude) -> JSONValue {
        // Factory has no PermissionRequest event; one arriving is answered as an unknown event.
        let refusal: String?
        switch decision {
        case .halt(let verdict), .deny(let verdict), .block(let verdict): refusal = verdict.reason
        default: refusal = nil
        }
        switch eventName {
        case "PreToolUse":
            return preToolUse(decision)
        case "PermissionRequest" where harness == .claude:
            return permissionRequest(decision)
        case "PostToolUse":
            if let refusal { return blockDecision(refusal) }
            if case .allow(let context) = decision { return withContext(context, eventName: eventName) }
            return .object([:])
        case "UserPromptSubmit", "SessionStart":
            if let refusal { return eventName == "SessionStart" ? stop(refusal) : blockDecision(refusal) }
            switch decision {
            case .ask(let verdict), .modify(let verdict, _):
                return withContext([verdict.reason], eventName: eventName)
            case .allow(let context):
                return withContext(context, eventName: eventName)
            case .halt, .deny, .block:
                return .object([:])
            }
        case "PreCompact", "Notification", "SessionEnd":
            return refusal.map(stop) ?? .object([:])
        default:
            // Stop, SubagentStop and events this build does not know: a block keeps the agent
            // working with the reason as feedback.
            return refusal.map(blockDecision) ?? .object([:])
        }
    }

    private static func preToolUse(_ decision: FinalDecision) -> JSONValue {
        switch decision {
        case .halt(let verdict), .deny(let verdict), .block(let verdict):
            return .object(["hookSpecificOutput": permission("deny", reason: verdict.reason)])
        case .ask(let verdict):
            return .object(["hookSpecificOutput": permission("ask", reason: verdict.reason)])
        case .modify(let verdict, let updatedInput):
            return .object([
                "hookSpecificOutput": permission("allow", reason: verdict.reason, updatedInput: updatedInput)
            ])
        case .allow:
            // No objection: the agent's own permission rules apply (an explicit allow would skip them).
            return .object([:])
        }
    }

    private static func permissionRequest(_ decision: FinalDecision) -> JSONValue {
        switch decision {
        case .halt(let verdict), .deny(let verdict), .block(let verdict):
            return .object(["hookSpecificOutput": permissionRequestDecision(
                ["behavior": "deny", "message": .string(verdict.reason)])])
        case .modify(_, let updatedInput):
            var decisionMembers: [String: JSONValue] = ["behavior": "allow"]
            if isUsable(updatedInput) { decisionMembers["updatedInput"] = updatedInput }
            return .object(["hookSpecificOutput": permissionRequestDecision(decisionMembers)])
        case .ask, .allow:
            // PermissionRequest is itself the question to the user: let the dialog show.
            return .object([:])
        }
    }

    private static func permission(_ kind: String, reason: String, updatedInput: JSONValue? = nil) -> JSONValue {
        var members: [String: JSONValue] = [
            "hookEventName": "PreToolUse",
            "permissionDecision": .string(kind),
            "permissionDecisionReason": .string(reason),
        ]
        if let updatedInput, isUsable(updatedInput) { members["updatedInput"] = updatedInput }
        return .object(members)
    }

    private static func permissionRequestDecision(_ decision: [String: JSONValue]) -> JSONValue {
        .object(["hookEventName": "PermissionRequest", "decision": .object(decision)])
    }

    private static func blockDecision(_ reason: String) -> JSONValue {
        .object(["decision": "block", "reason": .string(reason)])
    }

    private static func stop(_ reason: String) -> JSONValue {
        .object(["continue": false, "stopReason": .string(reason)])
    }

    /// `{}` without context; else the context strings joined by newlines as additionalContext.
    private static func withContext(_ context: [String], eventName: String) -> JSONValue {
        if context.isEmpty { return .object([:]) }
        return .object([
            "hookSpecificOutput": .object([
                "hookEventName": .string(eventName),
                "additionalContext": .string(context.joined(separator: "\n")),
            ])
        ])
    }

    private static func isUsable(_ updatedInput: JSONValue) -> Bool {
        if case .object(let members) = updatedInput { return !members.isEmpty }
        return false
    }
}
