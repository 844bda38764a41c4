import CupcakeTrace

/// What one evaluation produced: the decision, the harness's answer, and how its actions ended.
/// ``Engine/decide(eventJSON:)`` gives it with no actions run yet; ``Engine/runActions(for:)``
/// runs them; ``Engine/evaluate(eventJSON:)`` does both.
public struct EvaluationResult: Sendable {
    public var event: HookEvent
    public var decision: FinalDecision
    public var response: HarnessResponse
    public var matchedPolicyCount: Int
    /// The actions the decision triggered; empty until they have run.
    public var actions: [ActionResult]

    /// The layer whose rulebook's actions the decision runs (the global one when it decided alone).
    let deciding: PolicyLayer
    /// The evaluation's root span, which the actions' span continues once the root has ended.
    let trace: TraceParent?
}
