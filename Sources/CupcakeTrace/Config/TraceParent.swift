/// A W3C Trace Context `traceparent` header value (`00-<trace-id>-<parent-id>-<flags>`), from the
/// `TRACEPARENT` environment variable, so a caller's trace continues through Cupcake.
public struct TraceParent: Sendable, Hashable {
    public var traceID: TraceID
    public var parentSpanID: SpanID
    public var flags: UInt8

    public init(traceID: TraceID, parentSpanID: SpanID, flags: UInt8 = 1) {
        self.traceID = traceID
        self.parentSpanID = parentSpanID
        self.flags = flags
    }

    /// Parses a `traceparent` value as the W3C Trace Context recommendation defines it: lowercase hex
    /// only; version `ff` is invalid; version `00` has exactly four fields; a later version may
    /// append fields after a `-`; all-zero trace or parent ids are invalid.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 55 else { return nil }
        guard let version = Hex.parse(bytes[0..<2]), version != 0xff else { return nil }
        guard bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-") else {
            return nil
        }
        if version == 0 {
            guard bytes.count == 55 else { return nil }
        } else if bytes.count > 55 {
            guard bytes[55] == UInt8(ascii: "-") else { return nil }
        }
        guard let high = Hex.parse(bytes[3..<19]), let low = Hex.parse(bytes[19..<35]),
            let parent = Hex.parse(bytes[36..<52]), let flags = Hex.parse(bytes[53..<55])
        else { return nil }
        guard high != 0 || low != 0, parent != 0 else { return nil }
        self.init(traceID: TraceID(high: high, low: low), parentSpanID: SpanID(rawValue: parent), flags: UInt8(flags))
    }
}

enum Hex {
    /// `value` as 16 lowercase hex digits, formatted as trace lines format them.
    static func digits(_ value: UInt64) -> String {
        var writer = JSONLineWriter(capacity: 32)
        writer.appendHex(value)
        return writer.buffer.withBytes { String(decoding: $0.dropFirst(), as: UTF8.self) }  // after "{"
    }

    /// Parses lowercase hex digits (the W3C format forbids uppercase) into an integer of at most 64 bits.
    static func parse<Digits: Collection<UInt8>>(_ digits: Digits) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
