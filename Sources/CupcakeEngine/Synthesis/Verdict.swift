/// The decisions of the tier that won synthesis, and what they say together.
public struct Verdict: Sendable, Equatable {
    /// The message for the user and the agent; see `ReasonFormat` for its exact form.
    public var reason: String
    /// The rule ids of `decisions`, in the same order, without repeats.
    public var ruleIDs: [String]
    /// The winning tier's decisions, most severe first (see `ReasonFormat.order`), exact
    /// duplicates removed.
    public var decisions: [Decision]
    /// `add_context` strings carried along. Filled for ask and modify (harnesses that can
    /// show context with those use it); empty for halt, deny and block.
    public var context: [String]

    /// Creates a verdict.
    public init(reason: String, ruleIDs: [String], decisions: [Decision], context: [String] = []) {
        self.reason = reason
        self.ruleIDs = ruleIDs
        self.decisions = decisions
        self.context = context
    }

    /// The decisions' messages for the agent (`agent_context`), in order; Cursor shows them.
    public var agentMessages: [String] { decisions.compactMap(\.agentContext) }

    /// The first `question` among `decisions` (asks may carry one), or nil.
    public var question: String? {
        for decision in decisions {
            if let question = decision.question { return question }
        }
        return nil
    }
}
