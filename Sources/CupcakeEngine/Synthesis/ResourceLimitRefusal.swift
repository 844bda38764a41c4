/// The answer when evaluating an event reaches a resource limit (memory, deadline): a denial
/// naming the limit. Whatever `fail_mode` says, since failing open here would let any event
/// made large or slow enough past every policy.
enum ResourceLimitRefusal {
    /// The rule id the refusal carries, so reasons, traces and actions can tell it apart.
    static let ruleID = "CUPCAKE-RESOURCE-LIMIT"

    /// A set with one denial when `error` is a resource limit; nil for any other failure.
    static func decisionSet(for error: WasmPolicyError, inputBytes: Int) -> DecisionSet? {
        let limit: String
        switch error.reason {
        case .memoryLimitReached(let bytes):
            limit = "its memory limit of \(WasmPolicyConfiguration.describe(bytes: bytes))"
        case .deadlineExceeded(let milliseconds):
            limit = "its \(milliseconds) ms deadline"
        default:
            return nil
        }
        let reason = "Cupcake refused this action: evaluating the policies on this event "
            + "(\(inputBytes) bytes of policy input) reached \(limit)"
        return DecisionSet(denials: [Decision(ruleID: ruleID, reason: reason, severity: .high)])
    }
}
