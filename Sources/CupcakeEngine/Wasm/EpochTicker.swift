import CWasmtime
import Dispatch
import Glibc
import Synchronization

/// Advances an engine's epoch at a fixed period while evaluations run, so that wasm code past its
/// epoch deadline traps. One thread per engine; it parks once no evaluation has been active for a
/// moment, so an idle process pays nothing. When the thread oversleeps it catches up, so deadlines
/// follow wall time. In a one-shot process that asked for it (``signalDriven``), a timer signal
/// aimed at the evaluating thread ticks instead, and no thread starts at all.
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

    private enum Launch {
        case thread
        case signal
        case refused
    }

    /// How the ticker runs: decided at the first `enter()` (a hook whose event routes to no
    /// policy evaluates nothing and starts nothing), then fixed.
    private let launch = Mutex<Launch?>(nil)

    /// Whether tickers created from now on tick with a timer signal instead of a thread (one per
    /// process can): for a process that evaluates on one thread and exits, such as a hook. Falls
    /// back to the thread when the timer cannot be made.
    static let signalDriven = Atomic<Bool>(false)
    private let wantsSignal: Bool

    /// Prepares a ticker for `engine`, which must outlive `stop()`; the first `enter()` launches
    /// the thread.
    init(engine: OpaquePointer, periodMilliseconds: Int, signalDriven: Bool = EpochTicker.signalDriven.load(ordering: .relaxed)) {
        self.engine = engine
        self.wantsSignal = signalDriven
        self.periodNanoseconds = UInt64(max(1, periodMilliseconds)) * 1_000_000
    }

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
        let mode = launch.withLock { launched -> Launch in
            if let launched { return launched }
            let chosen: Launch
            if wantsSignal, cw_signal_ticker_create(engine, periodNanoseconds) == 0 {
                chosen = .signal
            } else {
                chosen = start() ? .thread : .refused
            }
            launched = chosen
            return chosen
        }
        switch mode {
        case .refused:
            return false
        case .signal:
            // Armed by the first of nested or concurrent sequences, disarmed by the last.
            let armed = state.withLock { state -> Bool in
                state.active += 1
                if state.active == 1, cw_signal_ticker_arm() != 0 {
                    state.active -= 1
                    return false
                }
                return true
            }
            return armed
        case .thread:
            break
        }
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
        let signalDriven = launch.withLock { $0 == .signal }
        state.withLock { state in
            state.active -= 1
            if signalDriven && state.active == 0 { cw_signal_ticker_disarm() }
        }
    }

    /// Whether the ticker runs, and how (it starts with the first `enter()`).
    var isLaunched: Bool { launch.withLock { $0 == .thread || $0 == .signal } }

    /// Whether it ticks with a timer signal rather than a thread.
    var isSignalDriven: Bool { launch.withLock { $0 == .signal } }

    /// Stops the thread and waits for it to exit (the engine may be deleted afterwards).
    func stop() {
        if launch.withLock({ $0 == .signal }) { cw_signal_ticker_destroy() }
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
