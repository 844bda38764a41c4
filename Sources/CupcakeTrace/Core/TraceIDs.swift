import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 128-bit trace id with the UUIDv7 layout: 48 bits of Unix milliseconds, version 7, then random
/// bits with the RFC 9562 variant. Time-ordered, so traces sort by when they started.
public struct TraceID: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A new id for a trace starting now.
    public static func generate() -> TraceID {
        generate(unixMilliseconds: WallClock.nowNanoseconds() / 1_000_000)
    }

    /// A new id for a trace starting at `unixMilliseconds`.
    package static func generate(unixMilliseconds: UInt64) -> TraceID {
        let randomA = RandomBits.next()
        let randomB = RandomBits.next()
        let high = (unixMilliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (randomA & 0x0FFF)
        let low = 0x8000_0000_0000_0000 | (randomB & 0x3FFF_FFFF_FFFF_FFFF)
        return TraceID(high: high, low: low)
    }

    /// 32 lowercase hex digits.
    public var description: String { Hex.digits(high) + Hex.digits(low) }

    /// Parses 32 lowercase hex digits (as lines and `traceparent` write them).
    package init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 32, let high = Hex.parse(digits[0..<16]), let low = Hex.parse(digits[16..<32]) else { return nil }
        self.init(high: high, low: low)
    }
}

/// A 64-bit span id, never zero (W3C treats zero as invalid).
public struct SpanID: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A new random id.
    public static func generate() -> SpanID {
        let bits = RandomBits.next()
        return SpanID(rawValue: bits == 0 ? 1 : bits)
    }

    /// 16 lowercase hex digits.
    public var description: String { Hex.digits(rawValue) }

    /// Parses 16 lowercase hex digits.
    package init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 16, let value = Hex.parse(digits) else { return nil }
        self.init(rawValue: value)
    }
}

/// Fast random bits for ids: a SplitMix64 sequence over an atomic counter seeded once from the
/// system's random source. Ids need to be unique and unpredictable enough to not collide, not
/// secret; a getrandom() system call per span would cost more than the whole span.
enum RandomBits {
    private static let state = Atomic<UInt64>(seed())

    static func next() -> UInt64 {
        let counter = state.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        var z = counter
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func seed() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// Clock readings for spans: wall time for timestamps, monotonic time for durations (a wall clock
/// stepped by NTP must not produce negative durations).
package enum WallClock {
    /// Nanoseconds since the Unix epoch.
    @inlinable package static func nowNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Nanoseconds on the monotonic clock.
    @inlinable package static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
