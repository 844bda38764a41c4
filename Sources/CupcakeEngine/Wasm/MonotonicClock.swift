import Glibc

/// Clock readings for deadlines and statistics, without Foundation on the hot path.
enum MonotonicClock {
    /// Nanoseconds on the monotonic clock (arbitrary origin).
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Nanoseconds since the Unix epoch on the wall clock.
    static func wallNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec)
    }

    /// Milliseconds elapsed since a monotonic reading.
    static func millisecondsSince(_ start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1_000_000
    }

    /// Microseconds elapsed since a monotonic reading.
    static func microsecondsSince(_ start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1_000
    }
}
