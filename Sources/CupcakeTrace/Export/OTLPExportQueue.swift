import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state the writers and the sender share.
final class OTLPExportQueue: Sendable {
    struct State {
        var chunks: [[UInt8]] = []
        var queuedBytes = 0
        var flushRequested: UInt64 = 0
        var flushCompleted: UInt64 = 0
        var closed = false
    }

    let maxQueueBytes: Int
    let state = Mutex(State())
    let wake = DispatchSemaphore(value: 0)
    let droppedLines = Atomic<Int>(0)
    let droppedSpans = Atomic<Int>(0)
    let sentSpans = Atomic<Int>(0)

    init(maxQueueBytes: Int) { self.maxQueueBytes = maxQueueBytes }

    /// Copies `lines` in, or drops them when the queue is full. Never waits on the sender.
    func enqueue(_ lines: UnsafeRawBufferPointer) -> Bool {
        guard !lines.isEmpty else { return true }
        let copy = [UInt8](lines)
        let accepted = state.withLock { state in
            guard !state.closed, state.queuedBytes + copy.count <= maxQueueBytes else { return false }
            state.queuedBytes += copy.count
            state.chunks.append(copy)
            return true
        }
        if accepted {
            wake.signal()
        } else {
            droppedLines.add(countLines(in: lines), ordering: .relaxed)
        }
        return accepted
    }

    /// Asks the sender to send everything queued now and waits, at most `timeout` seconds.
    func flush(timeout: Double) -> Bool {
        let deadline = MonotonicDeadline(seconds: timeout)
        let target = state.withLock { state in
            state.flushRequested += 1
            return state.flushRequested
        }
        wake.signal()
        while state.withLock({ $0.flushCompleted < target }) {
            if deadline.remainingNanoseconds == 0 { return false }
            usleep(1000)  // a CLI flushes once before exit; polling keeps this simple and bounded
        }
        return true
    }

    func close() {
        state.withLock { $0.closed = true }
        wake.signal()
    }

    /// Everything queued, the flush generation it covers, and whether the sink is gone.
    func takeAll() -> (chunks: [[UInt8]], flushTarget: UInt64, closed: Bool) {
        state.withLock { state in
            let chunks = state.chunks
            state.chunks = []
            state.queuedBytes = 0
            return (chunks, state.flushRequested, state.closed)
        }
    }

    func completeFlush(_ target: UInt64) {
        state.withLock { $0.flushCompleted = max($0.flushCompleted, target) }
    }
}
