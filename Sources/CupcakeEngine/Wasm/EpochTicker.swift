import CWasmtime
import Dispatch
import Glibc
import Synchronization

/// Advances an engine's epoch at a fixed period while evaluations run, so that wasm code past its
/// epoch deadline traps. One thread per engine; it parks once no evaluation has been active for a
/// moment, so an idle process pays nothing. When the thread oversleeps it catches up, so deadlines
/// follow wall time.
///
/// `@unchecked Sendable`: the only non-Sendable member is the engine pointer, and wasmtime documents
/// `wasmtime_engine_increment_epoch` as safe to call from any thread.
final class EpochTicker: @unchecked Sendable {
    private struct State {
        var active = 0
        var parked = false
        var stopping = false
    }

    private let engine: OpaquePointer
    private let periodNanoseconds: UInt64
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    private let running = Atomic<Bool>(false)

    /// Whether the thread was launched: not until the first `enter()` (a hook whose event routes
    /// to no policy evaluates nothing and starts no thread), and never again after a refusal.
    private let launch = Mutex<Bool?>(nil)

    /// Prepares a ticker for `engine`, which must outlive `stop()`; the first `enter()` launches
    /// the thread.
    init(engine: OpaquePointer, periodMilliseconds: Int) {
        self.engine = engine
        self.periodNanoseconds = UInt64(max(1, periodMilliseconds)) * 1_000_000
    }

    /// Whether the thread runs (it starts with the first `enter()`).
    var isLaunched: Bool { launch.withLock { $0 == true } }

    /// Launches the ticker thread; false if the system refused to create it.
    private func start() -> Bool {
        let box = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            guard let raw else { return nil }
            let ticker = Unmanaged<EpochTicker>.fromOpaque(raw).takeRetainedValue()
            ticker.run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<EpochTicker>.fromOpaque(box).release()
            return false
        }
        pthread_detach(handle)
        running.store(true, ordering: .sequentiallyConsistent)
        return true
    }

    /// Marks the start of a wasm call sequence; the epoch advances until the matching `leave()`.
    /// False (and nothing to leave) when the thread cannot be started: no deadline could fire, so
    /// the caller must not run wasm.
    func enter() -> Bool {
        guard launch.withLock({ launched in
            if launched == nil { launched = start() }
            return launched == true
        }) else { return false }
        let shouldWake = state.withLock { state -> Bool in
            state.active += 1
            if state.parked {
                state.parked = false
                return true
            }
            return false
        }
        if shouldWake { wake.signal() }
        return true
    }

    /// Marks the end of a wasm call sequence.
    func leave() {
        state.withLock { $0.active -= 1 }
    }

    /// Stops the thread and waits for it to exit (the engine may be deleted afterwards).
    func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        let shouldWake = state.withLock { state -> Bool in
            state.stopping = true
            let wasParked = state.parked
            state.parked = false
            return wasParked
        }
        if shouldWake { wake.signal() }
        exited.wait()
    }

    /// The thread body: tick while someone is active (and for a short linger after, so that
    /// back-to-back evaluations do not pay for waking the thread), park otherwise.
    fileprivate func run() {
        let lingerNanoseconds: UInt64 = 200_000_000
        var origin = MonotonicClock.nanoseconds()
        var ticksSent: UInt64 = 0
        // A new engine has had no evaluation yet: park at once.
        var idleSince: UInt64? = 0
        while true {
            let now = MonotonicClock.nanoseconds()
            let (stopping, park) = state.withLock { state -> (Bool, Bool) in
                if state.stopping { return (true, false) }
                if state.active > 0 {
                    idleSince = nil
                    return (false, false)
                }
                let since = idleSince ?? now
                idleSince = since
                if since == 0 || now &- since >= lingerNanoseconds {
                    state.parked = true
                    return (false, true)
                }
                return (false, false)
            }
            if stopping { break }
            if park {
                wake.wait()
                origin = MonotonicClock.nanoseconds()
                ticksSent = 0
                idleSince = nil
                continue
            }
            var request = timespec(tv_sec: 0, tv_nsec: Int(periodNanoseconds))
            nanosleep(&request, nil)
            let due = (MonotonicClock.nanoseconds() &- origin) / periodNanoseconds
            while ticksSent < due {
                wasmtime_engine_increment_epoch(engine)
                ticksSent += 1
            }
        }
        exited.signal()
    }
}
