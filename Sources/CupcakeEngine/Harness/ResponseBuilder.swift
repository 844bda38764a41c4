/// Turns a final decision into the response format of the harness that sent the event.
package enum ResponseBuilder {
    /// The response for `decision` on `event` (its harness and event name pick the format).
    package static func build(_ decision: FinalDecision, for event: HookEvent) -> HarnessResponse {
        let json: JSONValue
        switch event.harness {
        case .claude, .factory:
            // Factory's Droid answers in Claude Code's format, updatedInput included.
            json = ClaudeResponseBuilder.json(decision, eventName: event.eventName, harness: event.harness)
        case .cursor:
            json = CursorResponseBuilder.json(decision, eventName: event.eventName)
        case .opencode:
            json = OpenCodeResponseBuilder.json(decision)
        }
        return HarnessResponse(json: json)
    }
}
