/// What one evaluation produced: the decision, the harness's answer, and how its actions ended.
public struct EvaluationResult: Sendable {
    public var event: HookEvent
    public var decision: FinalDecision
    public var response: HarnessResponse
    public var matchedPolicyCount: Int
    /// The actions the decision triggered; empty until they have run.
    public var actions: [ActionResult]
}
