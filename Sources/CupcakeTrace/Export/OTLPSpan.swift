/// An attribute value as OTLP's `AnyValue` carries it.
public enum OTLPValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case array([OTLPValue])
}

/// One span in the shape OTLP exports it, rebuilt from a trace line.
public struct OTLPSpan: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    /// The parent's id; `nil` on a root span.
    public var parentSpanID: SpanID?
    public var name: String
    public var startTimeUnixNano: UInt64
    public var endTimeUnixNano: UInt64
    /// The span's fields in line order (required keys, `event` and `error` excluded).
    public var attributes: [(key: String, value: OTLPValue)]
    /// The error the span recorded; exported as status ERROR with this message.
    public var errorMessage: String?
    /// Event lines written inside this span.
    public var events: [OTLPEvent]

    public init(
        traceID: TraceID, spanID: SpanID, parentSpanID: SpanID?, name: String, startTimeUnixNano: UInt64,
        endTimeUnixNano: UInt64, attributes: [(key: String, value: OTLPValue)] = [], errorMessage: String? = nil,
        events: [OTLPEvent] = []
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.startTimeUnixNano = startTimeUnixNano
        self.endTimeUnixNano = endTimeUnixNano
        self.attributes = attributes
        self.errorMessage = errorMessage
        self.events = events
    }

    public static func == (lhs: OTLPSpan, rhs: OTLPSpan) -> Bool {
        lhs.traceID == rhs.traceID && lhs.spanID == rhs.spanID && lhs.parentSpanID == rhs.parentSpanID
            && lhs.name == rhs.name && lhs.startTimeUnixNano == rhs.startTimeUnixNano
            && lhs.endTimeUnixNano == rhs.endTimeUnixNano && lhs.errorMessage == rhs.errorMessage
            && lhs.events == rhs.events && lhs.attributes.elementsEqual(rhs.attributes, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(traceID)
        hasher.combine(spanID)
    }
}

/// A span event (an event line of the trace-line contract).
public struct OTLPEvent: Sendable, Hashable {
    public var name: String
    public var timeUnixNano: UInt64
    public var attributes: [(key: String, value: OTLPValue)]

    public init(name: String, timeUnixNano: UInt64, attributes: [(key: String, value: OTLPValue)] = []) {
        self.name = name
        self.timeUnixNano = timeUnixNano
        self.attributes = attributes
    }

    public static func == (lhs: OTLPEvent, rhs: OTLPEvent) -> Bool {
        lhs.name == rhs.name && lhs.timeUnixNano == rhs.timeUnixNano
            && lhs.attributes.elementsEqual(rhs.attributes, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(timeUnixNano)
    }
}
