/// Actions that have been started; each ends by itself or at its own timeout.
package final class RunningActions: Sendable {
    struct Started: Sendable {
        let command: String
        let ruleID: String?
        let handle: ProcessHandle
    }

    private let started: [Started]

    init(_ started: [Started]) {
        self.started = started
    }

    /// How many actions were started.
    package var count: Int { started.count }

    /// Waits for every action (never longer than each one's own timeout) and returns their results in start order.
    package func wait() async -> [ActionResult] {
        var results: [ActionResult] = []
        results.reserveCapacity(started.count)
        for action in started {
            do {
                let outcome = try await action.handle.outcome()
                results.append(ActionResult(
                    command: action.command, ruleID: action.ruleID, exitCode: outcome.exitCode,
                    timedOut: outcome.timedOut, durationNanoseconds: outcome.durationNanoseconds))
            } catch {
                results.append(ActionResult(
                    command: action.command, ruleID: action.ruleID, exitCode: nil, timedOut: false,
                    durationNanoseconds: 0, error: error.description))
            }
        }
        return results
    }
}
