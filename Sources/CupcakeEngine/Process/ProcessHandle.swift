import Synchronization

/// A started child process whose outcome arrives later. Awaiting it never blocks a thread.
package final class ProcessHandle: Sendable {
    typealias Completion = Result<ProcessOutcome, ProcessRunError>

    private enum State {
        case pending([CheckedContinuation<Completion, Never>])
        case finished(Completion)
    }

    private let state = Mutex<State>(.pending([]))

    init() {}

    /// A handle that already failed (the command could not be started).
    init(failure: ProcessRunError) {
        state.withLock { $0 = .finished(.failure(failure)) }
    }

    /// Records the outcome and wakes every waiter; later calls are ignored.
    func finish(_ completion: Completion) {
        let waiters: [CheckedContinuation<Completion, Never>] = state.withLock { state in
            guard case .pending(let waiters) = state else { return [] }
            state = .finished(completion)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: completion) }
    }

    /// Waits for the child (bounded by its timeout) and returns how it ended.
    package func outcome() async throws(ProcessRunError) -> ProcessOutcome {
        let completion: Completion = await withCheckedContinuation { continuation in
            let ready: Completion? = state.withLock { state in
                switch state {
                case .finished(let completion):
                    return completion
                case .pending(var waiters):
                    waiters.append(continuation)
                    state = .pending(waiters)
                    return nil
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
        return try completion.get()
    }
}
