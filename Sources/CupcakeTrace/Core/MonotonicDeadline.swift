/// A deadline on the monotonic clock: every blocking step of an export gets only the time that is left.
struct MonotonicDeadline {
    let end: UInt64

    init(seconds: Double) {
        let nanos = seconds.isFinite && seconds > 0 ? min(seconds, 3600) * 1e9 : 0
        end = WallClock.monotonicNanoseconds() &+ UInt64(nanos)
    }

    var remainingNanoseconds: UInt64 {
        let now = WallClock.monotonicNanoseconds()
        return now >= end ? 0 : end - now
    }

    var remainingSeconds: Double { Double(remainingNanoseconds) / 1e9 }

    /// For `poll(2)`: whole milliseconds left, at least 1 while any time is left.
    var remainingMilliseconds: Int32 {
        let nanos = remainingNanoseconds
        return nanos == 0 ? 0 : Int32(clamping: max(1, nanos / 1_000_000))
    }
}

extension MonotonicDeadline {
    /// Runs each flush in turn under one deadline `timeout` seconds away, each given the time
    /// left; true when every one reported everything handed on. Later flushes still run (with
    /// no time left) after an earlier one used it all, so none is skipped.
    static func flushEach(within timeout: Double, _ flushes: [(Double) -> Bool]) -> Bool {
        let deadline = MonotonicDeadline(seconds: timeout)
        var all = true
        for flush in flushes where !flush(deadline.remainingSeconds) { all = false }
        return all
    }
}
