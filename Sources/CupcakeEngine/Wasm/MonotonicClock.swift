import CupcakeTrace

/// Clock readings for deadlines and statistics (the same clocks the trace spans use).
enum MonotonicClock {
    /// Nanoseconds on the monotonic clock (arbitrary origin).
    static func nanoseconds() -> UInt64 { WallClock.monotonicNanoseconds() }

    /// Nanoseconds since the Unix epoch on the wall clock.
    static func wallNanoseconds() -> Int64 { Int64(clamping: WallClock.nowNanoseconds()) }

    /// Milliseconds elapsed since a monotonic reading.
    static func millisecondsSince(_ start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1_000_000
    }

    /// Microseconds elapsed since a monotonic reading.
    static func microsecondsSince(_ start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1_000
    }
}
