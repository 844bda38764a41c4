/// Cursor hook output (snake_case fields), per event, as upstream Cupcake answers.
///
/// | event | halt, deny, block | ask | modify, allow |
/// | --- | --- | --- | --- |
/// | beforeShellExecution, beforeMCPExecution | `permission: deny`, `user_message`, `agent_message` | `permission: ask`, `question`, `user_message`, `agent_message` | `permission: allow` |
/// | beforeReadFile | `permission: deny` | `permission: deny` | `permission: allow` |
/// | beforeSubmitPrompt | `continue: false`, `user_message` | as a refusal | `continue: true` |
/// | stop | `followup_message` (Cursor submits it as the next message: the agent goes on) | `{}` | `{}` |
/// | after… events and any other | `{}` (Cursor ignores their output) | `{}` | `{}` |
///
/// `user_message` and `question` are the reason; `agent_message` is the decisions' agent
/// messages (`agent_context`) joined with "; ", or the reason when they gave none. Cursor cannot
/// apply changed input: a modify allows. Context strings are not supported.
enum CursorResponseBuilder {
    static func json(_ decision: FinalDecision, eventName: String) -> JSONValue {
        switch eventName {
        case "beforeShellExecution", "beforeMCPExecution":
            switch decision {
            case .halt(let verdict), .deny(let verdict), .block(let verdict):
                return ["permission": "deny", "user_message": .string(verdict.reason), "agent_message": .string(agentMessage(verdict))]
            case .ask(let verdict):
                return ["permission": "ask", "question": .string(verdict.reason), "user_message": .string(verdict.reason),
                        "agent_message": .string(agentMessage(verdict))]
            case .modify, .allow:
                return ["permission": "allow"]
            }
        case "beforeReadFile":
            switch decision {
            case .modify, .allow: return ["permission": "allow"]
            case .halt, .deny, .block, .ask: return ["permission": "deny"]
            }
        case "beforeSubmitPrompt":
            switch decision {
            case .halt(let verdict), .deny(let verdict), .block(let verdict), .ask(let verdict):
                return ["continue": false, "user_message": .string(verdict.reason)]
            case .modify, .allow:
                return ["continue": true]
            }
        case "stop":
            switch decision {
            case .halt(let verdict), .deny(let verdict), .block(let verdict):
                return ["followup_message": .string(verdict.reason)]
            case .ask, .modify, .allow:
                return .object([:])
            }
        default:
            return .object([:])
        }
    }

    private static func agentMessage(_ verdict: Verdict) -> String {
        verdict.agentMessages.isEmpty ? verdict.reason : verdict.agentMessages.joined(separator: "; ")
    }
}
