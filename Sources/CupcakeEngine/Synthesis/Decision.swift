/// One decision object a policy returned, e.g.
/// `{"rule_id": "BASH-001", "reason": "Dangerous command blocked", "severity": "CRITICAL"}`.
public struct Decision: Sendable, Equatable {
    /// The policy's rule identifier (`rule_id`).
    public var ruleID: String
    /// Why the rule fired (`reason`), meant for the user and the agent.
    public var reason: String
    /// How serious the finding is (`severity`).
    public var severity: Severity
    /// Modifications only: the weight of this modification when several change the same field
    /// (`priority`); higher wins. Nil when the policy gave none (ordered as 0).
    public var priority: Int?
    /// Modifications only: the tool input to use instead (`updated_input`).
    public var updatedInput: JSONValue?
    /// Asks only: the question to put to the user (`question`), when the policy gave one.
    public var question: String?
    /// A message meant for the agent rather than the user (`agent_context`), when given.
    public var agentContext: String?

    /// Creates a decision.
    public init(
        ruleID: String, reason: String, severity: Severity = Severity.defaultValue,
        priority: Int? = nil, updatedInput: JSONValue? = nil, question: String? = nil, agentContext: String? = nil
    ) {
        self.ruleID = ruleID
        self.reason = reason
        self.severity = severity
        self.priority = priority
        self.updatedInput = updatedInput
        self.question = question
        self.agentContext = agentContext
    }
}
