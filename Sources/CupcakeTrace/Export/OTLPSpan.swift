/// An attribute value as OTLP's `AnyValue` carries it.
package enum OTLPValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case array([OTLPValue])
}

/// One span in the shape OTLP exports it.
package struct OTLPSpan: Sendable, Hashable {
    package var traceID: TraceID
    package var spanID: SpanID
    /// The parent's id; `nil` on a root span.
    package var parentSpanID: SpanID?
    package var name: String
    package var startTimeUnixNano: UInt64
    package var endTimeUnixNano: UInt64
    /// The span's fields in line order (the line contract's own keys, `event` and `error` excluded).
    package var attributes: [(key: String, value: OTLPValue)]
    /// The error the span recorded; exported as status ERROR with this message.
    package var errorMessage: String?
    /// Event lines written inside this span.
    package var events: [OTLPEvent]

    package init(
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

    package static func == (lhs: OTLPSpan, rhs: OTLPSpan) -> Bool {
        lhs.traceID == rhs.traceID && lhs.spanID == rhs.spanID && lhs.parentSpanID == rhs.parentSpanID
            && lhs.name == rhs.name && lhs.startTimeUnixNano == rhs.startTimeUnixNano
            && lhs.endTimeUnixNano == rhs.endTimeUnixNano && lhs.errorMessage == rhs.errorMessage
            && lhs.events == rhs.events && lhs.attributes.elementsEqual(rhs.attributes, by: { $0 == $1 })
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(traceID)
        hasher.combine(spanID)
    }
}

/// A span event (an event line of the trace-line contract).
package struct OTLPEvent: Sendable, Hashable {
    package var name: String
    package var timeUnixNano: UInt64
    package var attributes: [(key: String, value: OTLPValue)]

    package init(name: String, timeUnixNano: UInt64, attributes: [(key: String, value: OTLPValue)] = []) {
        self.name = name
        self.timeUnixNano = timeUnixNano
        self.attributes = attributes
    }

    package static func == (lhs: OTLPEvent, rhs: OTLPEvent) -> Bool {
        lhs.name == rhs.name && lhs.timeUnixNano == rhs.timeUnixNano
            && lhs.attributes.elementsEqual(rhs.attributes, by: { $0 == $1 })
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(timeUnixNano)
    }
}
