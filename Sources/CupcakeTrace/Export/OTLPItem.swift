/// A finished span or event as OTLP exports it: what the exporters queue and batch.
package enum OTLPItem: Sendable {
    case span(OTLPSpan)
    /// An event, exported inside the span it names once that span ends.
    case event(spanID: SpanID, OTLPEvent)

    /// `finished` in OTLP's shape: the same fields, limits and payload rule as its line.
    package init(_ finished: FinishedSpan) {
        var attributes: [(key: String, value: OTLPValue)] = []
        finished.forEachField { key, reserved, value, limit in
            guard let converted = OTLPValue(value, limit: limit) else { return }
            if attributes.isEmpty { attributes.reserveCapacity(8) }
            attributes.append((reserved ? "field." + key : key, converted))
        }
        let limit = finished.limits.fieldBytes
        self.init(
            traceID: finished.traceID, spanID: finished.spanID, parentSpanID: finished.parentSpanID,
            name: TextLimit.cut(finished.name, to: limit), startNanoseconds: finished.startNanoseconds,
            durationNanoseconds: finished.durationNanoseconds, level: finished.level.label,
            event: finished.event.map { TextLimit.cut($0, to: limit) }, error: finished.error.map { TextLimit.cut($0, to: limit) },
            attributes: attributes)
    }

    /// A span or event from its parts, as a line states them: an event (`event` set) carries its
    /// level as the first attribute and its error as the last; a span's error is its status. The
    /// end time saturates.
    package init(
        traceID: TraceID, spanID: SpanID, parentSpanID: SpanID?, name: String, startNanoseconds: UInt64,
        durationNanoseconds: UInt64, level: String, event: String?, error: String?,
        attributes: [(key: String, value: OTLPValue)]
    ) {
        var attributes = attributes
        if let event {
            attributes.insert(("level", .string(level)), at: 0)
            if let error { attributes.append(("error", .string(error))) }
            self = .event(spanID: spanID, OTLPEvent(name: event, timeUnixNano: startNanoseconds, attributes: attributes))
            return
        }
        let (end, overflow) = startNanoseconds.addingReportingOverflow(durationNanoseconds)
        self = .span(
            OTLPSpan(
                traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, name: name, startTimeUnixNano: startNanoseconds,
                endTimeUnixNano: overflow ? .max : end, attributes: attributes, errorMessage: error))
    }
}

extension OTLPValue {
    /// A field value as an attribute, strings cut as on the line; nil for `null` (OTLP has none).
    init?(_ value: TraceValue, limit: Int) {
        switch value {
        case .string(let text): self = .string(TextLimit.cut(text, to: limit))
        case .int(let int): self = .int(int)
        case .double(let double): self = .double(double)
        case .bool(let flag): self = .bool(flag)
        case .null: return nil
        case .strings(let texts): self = .array(TextLimit.cutArray(texts, to: limit).map { .string($0) })
        }
    }
}
