import Foundation
@testable import CupcakeEngine

/// The `WasmPolicyError` that `body` throws, or nil when it throws nothing or something else.
func wasmPolicyFailure(_ body: () async throws -> Void) async -> WasmPolicyError? {
    do {
        try await body()
    } catch let error as WasmPolicyError {
        return error
    } catch {}
    return nil
}

/// Like `wasmPolicyFailure(_:)` for an evaluation that must end by itself (a deadline, a limit),
/// waiting for it at most `limit`: one still running then throws, which fails and ends the test
/// instead of hanging it (later evaluations could wait forever for the instance it holds). The
/// evaluation runs on a thread of its own, so one that never ends holds that thread, not one of
/// the cooperative pool's (as few as the cores), which the rest of the run and this wait need.
func wasmPolicyFailure(
    within limit: Duration, _ body: @escaping @Sendable () async throws -> Void
) async throws(StillRunning) -> WasmPolicyError? {
    enum Outcome: Sendable { case ended(WasmPolicyError?), stillRunning }
    let (outcomes, continuation) = AsyncStream.makeStream(of: Outcome.self)
    let thread = OwnThreadExecutor()
    let evaluation = Task(executorPreference: thread) {
        continuation.yield(.ended(await wasmPolicyFailure(body)))
    }
    let timer = Task {
        guard (try? await Task.sleep(for: limit)) != nil else { return }
        continuation.yield(.stillRunning)
    }
    var iterator = outcomes.makeAsyncIterator()
    let first = await iterator.next()
    timer.cancel()
    guard case .ended(let error)? = first else { throw StillRunning(limit: limit) }
    _ = await evaluation.value
    thread.stop()
    return error
}

/// An evaluation that should have ended by itself was still running after `limit`.
struct StillRunning: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "the evaluation was still running after \(limit)" }
}

/// A task executor with one thread of its own, which runs the jobs given to it in order until stopped.
final class OwnThreadExecutor: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20  // wasm runs on this stack
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Ends the thread once the jobs already given have run.
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func run() {
        while true {
            let next: UnownedJob? = condition.withLock {
                while jobs.isEmpty && !stopped { condition.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let next else { return }
            next.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
