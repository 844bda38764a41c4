/// A W3C Trace Context `traceparent` header value (`00-<trace-id>-<parent-id>-<flags>`), from the
/// `TRACEPARENT` environment variable, so a caller's trace continues through Cupcake.
package struct TraceParent: Sendable, Hashable {
    package var traceID: TraceID
    package var parentSpanID: SpanID
    package var flags: UInt8

    package init(traceID: TraceID, parentSpanID: SpanID, flags: UInt8 = 1) {
        self.traceID = traceID
        self.parentSpanID = parentSpanID
        self.flags = flags
    }

    /// Parses a `traceparent` value as the W3C Trace Context recommendation defines it: lowercase hex
    /// only; version `ff` is invalid; version `00` has exactly four fields; a later version may
    /// append fields after a `-`; all-zero trace or parent ids are invalid.
    package init?(_ text: String) {
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

    /// The version-00 header text naming this trace and span.
    package var description: String {
        "00-\(traceID)-\(parentSpanID)-\(flags < 16 ? "0" : "")\(String(flags, radix: 16))"
    }
}
