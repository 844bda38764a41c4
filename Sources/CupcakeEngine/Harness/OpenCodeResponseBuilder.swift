/// Output for Cupcake's OpenCode plugin: `{"decision": D, "reason": R, "context": [..]}`.
///
/// allow -> `{"decision": "allow"}` plus `context` when there is any; deny -> "deny";
/// block and halt -> "block" (the plugin throws, stopping the tool); ask -> "ask" (the plugin
/// turns it into a deny naming the approval needed). The plugin cannot apply changed input,
/// so a modify is an ask with the modification's reason.
enum OpenCodeResponseBuilder {
    static func json(_ decision: FinalDecision) -> JSONValue {
        switch decision {
        case .allow(let context):
            if context.isEmpty { return ["decision": "allow"] }
            return ["decision": "allow", "context": .array(context.map { .string($0) })]
        case .deny(let verdict):
            return ["decision": "deny", "reason": .string(verdict.reason)]
        case .block(let verdict), .halt(let verdict):
            return ["decision": "block", "reason": .string(verdict.reason)]
        case .ask(let verdict), .modify(let verdict, _):
            return ["decision": "ask", "reason": .string(verdict.reason)]
        }
    }
}
