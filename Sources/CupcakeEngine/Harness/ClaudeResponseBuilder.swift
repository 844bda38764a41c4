/// Claude Code (and Factory Droid) hook output, per event.
///
/// | event | halt | deny / block | ask | modify | allow |
/// | --- | --- | --- | --- | --- | --- |
/// | PreToolUse | stop + deny | deny + reason | ask + reason | allow + reason + updatedInput | `{}` |
/// | PermissionRequest | stop + deny, interrupt | deny + message | `{}` (the dialog shows) | allow + updatedInput | `{}` |
/// | PostToolUse, UserPromptSubmit | stop | `decision: block` + reason | as block | as allow | additionalContext if any |
/// | SessionStart | stop | stop | stop | as allow | additionalContext if any |
/// | Stop, SubagentStop | stop | `decision: block` + reason (keeps the agent working) | as block | `{}` | `{}` |
/// | SessionEnd, Notification, PreCompact | stop | `{}` | `{}` | `{}` | `{}` |
/// | any other event | stop | `decision: block` + reason | as block | `{}` | `{}` |
///
/// "stop" is `{"continue": false, "stopReason": R}`; on PreToolUse and PermissionRequest a
/// halt also denies the tool, so the tool cannot run whatever the agent does with `continue`.
/// PreToolUse never carries additionalContext (Cupcake's harness reference lists no context
/// injection there); nor do SessionEnd, Notification and PreCompact, which take no
/// hookSpecificOutput. updatedInput is sent only when it is a non-empty object.
enum ClaudeResponseBuilder {
    static func json(_ decision: FinalDecision, eventName: String) -> JSONValue {
        if case .halt(let verdict) = decision {
            return halt(verdict.reason, eventName: eventName)
        }
        switch eventName {
        case "PreToolUse":
            return preToolUse(decision)
        case "PermissionRequest":
            return permissionRequest(decision)
        case "PostToolUse", "UserPromptSubmit":
            switch decision {
            case .deny(let verdict), .block(let verdict), .ask(let verdict), .halt(let verdict):
                return blockDecision(verdict.reason)
            case .modify, .allow:
                return withContext(decision.context, eventName: eventName)
            }
        case "SessionStart":
            switch decision {
            case .deny(let verdict), .block(let verdict), .ask(let verdict), .halt(let verdict):
                return stop(verdict.reason)
            case .modify, .allow:
                return withContext(decision.context, eventName: eventName)
            }
        case "SessionEnd", "Notification", "PreCompact":
            return .object([:])
        default:
            // Stop, SubagentStop and events this build does not know: a block keeps the agent
            // working with the reason as feedback.
            switch decision {
            case .deny(let verdict), .block(let verdict), .ask(let verdict), .halt(let verdict):
                return blockDecision(verdict.reason)
            case .modify, .allow:
                return .object([:])
            }
        }
    }

    private static func halt(_ reason: String, eventName: String) -> JSONValue {
        var members: [String: JSONValue] = ["continue": false, "stopReason": .string(reason)]
        switch eventName {
        case "PreToolUse":
            members["hookSpecificOutput"] = permission("deny", reason: reason)
        case "PermissionRequest":
            members["hookSpecificOutput"] = permissionRequestDecision(
                ["behavior": "deny", "message": .string(reason), "interrupt": true])
        default:
            break
        }
        return .object(members)
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
            // No objection: Claude Code's own permission rules apply.
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
