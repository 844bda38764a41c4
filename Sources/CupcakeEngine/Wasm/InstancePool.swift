import Dispatch
import Synchronization

/// A bounded pool of reusable elements (policy instances). Checking out gives either an idle
/// element or permission to create one; beyond the bound, callers wait (tasks suspend, blocking
/// callers block) until an element is returned or discarded.
final class InstancePool<Element: AnyObject & Sendable>: Sendable {
    /// What a caller receives from the pool.
    enum Grant: Sendable {
        /// An idle element, now exclusively the caller's.
        case element(Element)
        /// A reserved slot: the caller creates an element, and must `release` or `discard` it.
        case create
    }

    /// A thread blocked in `checkoutBlocking`; the grant is written before the semaphore is
    /// signalled and read after the wait returns, so the semaphore orders the accesses.
    private final class BlockedThread: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        var grant: Grant?
    }

    private enum Waiter: Sendable {
        case task(CheckedContinuation<Grant, Never>)
        case thread(BlockedThread)

        func resume(_ grant: Grant) {
            switch self {
            case .task(let continuation):
                continuation.resume(returning: grant)
            case .thread(let blocked):
                blocked.grant = grant
                blocked.semaphore.signal()
            }
        }
    }

    private struct State: Sendable {
        var idle: [Element] = []
        var live = 0
        var waiters: [Waiter] = []
    }

    /// The most elements alive at once.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Elements alive (idle or checked out).
    var liveCount: Int { state.withLock { $0.live } }

    /// Elements idle in the pool.
    var idleCount: Int { state.withLock { $0.idle.count } }

    /// Adds a freshly created element as idle; false (and the element is dropped) when full.
    @discardableResult
    func add(_ element: Element) -> Bool {
        var handOff: Waiter?
        let added = state.withLock { state -> Bool in
            guard state.live < capacity else { return false }
            state.live += 1
            if !state.waiters.isEmpty {
                handOff = state.waiters.removeFirst()
            } else {
                state.idle.append(element)
            }
            return true
        }
        handOff?.resume(.element(element))
        return added
    }

    /// Takes an element or a creation slot, suspending while the pool is exhausted.
    func checkout() async -> Grant {
        if let grant = state.withLock({ Self.immediate(&$0, capacity) }) { return grant }
        return await withCheckedContinuation { continuation in
            let grant = state.withLock { state -> Grant? in
                if let grant = Self.immediate(&state, capacity) { return grant }
                state.waiters.append(.task(continuation))
                return nil
            }
            if let grant { continuation.resume(returning: grant) }
        }
    }

    /// Takes an element or a creation slot, blocking the thread while the pool is exhausted.
    func checkoutBlocking() -> Grant {
        if let grant = state.withLock({ Self.immediate(&$0, capacity) }) { return grant }
        let blocked = BlockedThread()
        let grant = state.withLock { state -> Grant? in
            if let grant = Self.immediate(&state, capacity) { return grant }
            state.waiters.append(.thread(blocked))
            return nil
        }
        if let grant { return grant }
        blocked.semaphore.wait()
        return blocked.grant ?? .create
    }

    /// Returns a checked-out element for reuse.
    func release(_ element: Element) {
        let waiter = state.withLock { state -> Waiter? in
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.idle.append(element)
            return nil
        }
        waiter?.resume(.element(element))
    }

    /// Gives up a checked-out element (or a creation slot that failed): its slot is freed, or
    /// handed to a waiter as permission to create.
    func discard() {
        let waiter = state.withLock { state -> Waiter? in
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.live -= 1
            return nil
        }
        waiter?.resume(.create)
    }

    private static func immediate(_ state: inout State, _ capacity: Int) -> Grant? {
        if let element = state.idle.popLast() { return .element(element) }
        if state.live < capacity {
            state.live += 1
            return .create
        }
        return nil
    }
}
