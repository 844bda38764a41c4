import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state the exporting threads and the sender share.
final class OTLPExportQueue: Sendable {
    struct State {
        var items: [OTLPItem] = []
        var flushRequested: UInt64 = 0
        var flushCompleted: UInt64 = 0
        var closed = false
    }

    let maxItems: Int
    let state = Mutex(State())
    let wake = DispatchSemaphore(value: 0)
    let droppedItems = Atomic<Int>(0)
    let droppedSpans = Atomic<Int>(0)
    let sentSpans = Atomic<Int>(0)

    init(maxItems: Int) { self.maxItems = maxItems }

    /// Queues `item`, or drops and counts it when the queue is full. Never waits on the sender.
    func enqueue(_ item: OTLPItem) {
        let accepted = state.withLock { state in
            guard !state.closed, state.items.count < maxItems else { return false }
            state.items.append(item)
            return true
        }
        if accepted {
            wake.signal()
        } else {
            droppedItems.add(1, ordering: .relaxed)
        }
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
    func takeAll() -> (items: [OTLPItem], flushTarget: UInt64, closed: Bool) {
        state.withLock { state in
            let items = state.items
            state.items = []
            return (items, state.flushRequested, state.closed)
        }
    }

    func completeFlush(_ target: UInt64) {
        state.withLock { $0.flushCompleted = max($0.flushCompleted, target) }
    }
}
