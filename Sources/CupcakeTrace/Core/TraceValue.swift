/// A span field's value. Literals make call sites short: `["signal_count": 3, "routing_key": .string(key)]`.
public enum TraceValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case strings([String])
    case null
}

extension TraceValue: ExpressibleByStringLiteral {
    @inlinable public init(stringLiteral value: String) { self = .string(value) }
}

extension TraceValue: ExpressibleByStringInterpolation {}

extension TraceValue: ExpressibleByIntegerLiteral {
    @inlinable public init(integerLiteral value: Int64) { self = .int(value) }
}

extension TraceValue: ExpressibleByFloatLiteral {
    @inlinable public init(floatLiteral value: Double) { self = .double(value) }
}

extension TraceValue: ExpressibleByBooleanLiteral {
    @inlinable public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TraceValue: ExpressibleByNilLiteral {
    @inlinable public init(nilLiteral: ()) { self = .null }
}

extension TraceValue {
    /// An integer field from any integer type (sizes, counts, exit codes).
    @inlinable public static func int<I: BinaryInteger>(_ value: I) -> TraceValue {
        .int(Int64(clamping: value))
    }

    /// A string field, or `null` when the value is absent.
    @inlinable public static func string(_ value: String?) -> TraceValue {
        value.map { .string($0) } ?? .null
    }
}
