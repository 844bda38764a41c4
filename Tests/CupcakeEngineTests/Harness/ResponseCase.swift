@testable import CupcakeEngine

/// One expectation: an event (a fixture file, or inline JSON) answered with a decision.
struct ResponseCase: Sendable, CustomStringConvertible {
    let harness: Harness
    /// A fixture stem under Fixtures/events/<harness>/, or inline JSON starting with "{".
    let event: String
    let decision: FinalDecision
    let expected: String

    init(_ harness: Harness, _ event: String, _ decision: FinalDecision, _ expected: String) {
        self.harness = harness
        self.event = event
        self.decision = decision
        self.expected = expected
    }

    var description: String { "\(harness.rawValue) \(event.hasPrefix("{") ? "inline" : event) \(decision.name)" }

    func hookEvent() throws -> HookEvent {
        if event.hasPrefix("{") {
            return try HookEvent.decode(Array(event.utf8), harness: harness)
        }
        return try HarnessEventFixtures.event(harness, event)
    }

    // Decisions used by the tables.
    static func verdict(_ reason: String, _ rule: String = "R-1", context: [String] = [], question: String? = nil) -> Verdict {
        Verdict(reason: reason, ruleIDs: [rule],
                decisions: [Decision(ruleID: rule, reason: reason, question: question)], context: context)
    }
    static func halt(_ reason: String) -> FinalDecision { .halt(verdict(reason)) }
    static func deny(_ reason: String) -> FinalDecision { .deny(verdict(reason)) }
    static func block(_ reason: String) -> FinalDecision { .block(verdict(reason)) }
    static func ask(_ reason: String, question: String? = nil) -> FinalDecision { .ask(verdict(reason, question: question)) }
    static func modify(_ reason: String, _ input: JSONValue) -> FinalDecision { .modify(verdict(reason), updatedInput: input) }
    static let allow: FinalDecision = .allow(context: [])
    static func allow(_ context: String...) -> FinalDecision { .allow(context: context) }
}
