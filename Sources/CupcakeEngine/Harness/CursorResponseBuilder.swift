/// Cursor hook output (snake_case fields), per event.
///
/// - `beforeShellExecution`, `beforeMCPExecution`: `{"permission": "allow"}`; deny, block and
///   halt give `"deny"` with `user_message` and `agent_message` set to the reason (a halt also
///   sets `"continue": false`); ask gives `"ask"` with both messages and the ask's `question`
///   when a policy gave one. Cursor cannot apply changed input, so a modify is an ask whose
///   message is the modification's reason.
/// - `beforeReadFile`: only `permission`; anything but allow is `"deny"` (fail closed).
/// - `beforeSubmitPrompt`: `{"continue": true}`; deny, block, halt and ask give
///   `{"continue": false, "user_message": R}`; modify allows (context is not supported).
/// - `stop`: `{}` lets the agent stop; deny, block and ask give `{"followup_message": R}`,
///   which Cursor submits as the next user message; halt gives `{}`: the agent stops.
/// - `after*` events and any other event: `{}` (Cursor ignores their output).
enum CursorResponseBuilder {
    static func json(_ decision: FinalDecision, eventName: String) -> JSONValue {
        switch eventName {
        case "beforeShellExecution", "beforeMCPExecution":
            return permission(decision)
        case "beforeReadFile":
            if case .allow = decision { return ["permission": "allow"] }
            return ["permission": "deny"]
        case "beforeSubmitPrompt":
            switch decision {
            case .halt(let verdict), .deny(let verdict), .block(let verdict), .ask(let verdict):
                return ["continue": false, "user_message": .string(verdict.reason)]
            case .modify, .allow:
                return ["continue": true]
            }
        case "stop":
            switch decision {
            case .deny(let verdict), .block(let verdict), .ask(let verdict):
                return ["followup_message": .string(verdict.reason)]
            case .halt, .modify, .allow:
                return .object([:])
            }
        default:
            return .object([:])
        }
    }

    private static func permission(_ decision: FinalDecision) -> JSONValue {
        switch decision {
        case .allow:
            return ["permission": "allow"]
        case .halt(let verdict):
            var members = messages("deny", verdict.reason)
            members["continue"] = false
            return .object(members)
        case .deny(let verdict), .block(let verdict):
            return .object(messages("deny", verdict.reason))
        case .ask(let verdict), .modify(let verdict, _):
            var members = messages("ask", verdict.reason)
            if let question = verdict.question { members["question"] = .string(question) }
            return .object(members)
        }
    }

    private static func messages(_ permission: String, _ reason: String) -> [String: JSONValue] {
        ["permission": .string(permission), "user_message": .string(reason), "agent_message": .string(reason)]
    }
}
