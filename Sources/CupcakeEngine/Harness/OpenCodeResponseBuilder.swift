/// Output for Cupcake's OpenCode plugin: `{"decision": D, "reason": R, "context": [..]}`, the
/// same for every event.
///
/// halt and block -> "block" (the plugin throws, stopping the tool); deny -> "deny"; ask ->
/// "ask" (the plugin turns it into a deny naming the approval needed); modify -> "allow" with
/// the modification's reason as context (the plugin cannot apply changed input); allow ->
/// "allow", with `context` (an array, not joined) when there is any.
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
        case .ask(let verdict):
            return ["decision": "ask", "reason": .string(verdict.reason)]
        case .modify(let verdict, _):
            return ["decision": "allow", "context": [.string(verdict.reason)]]
        }
    }
}
