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
        if let message = finished.event {
            attributes.insert(("level", .string(finished.level.label)), at: 0)
            if let error = finished.error { attributes.append(("error", .string(error))) }
            self = .event(
                spanID: finished.spanID,
                OTLPEvent(name: TextLimit.cut(message, to: finished.limits.fieldBytes), timeUnixNano: finished.startNanoseconds,
                          attributes: attributes))
            return
        }
        let (end, overflow) = finished.startNanoseconds.addingReportingOverflow(finished.durationNanoseconds)
        self = .span(
            OTLPSpan(
                traceID: finished.traceID, spanID: finished.spanID, parentSpanID: finished.parentSpanID,
                name: TextLimit.cut(finished.name, to: finished.limits.fieldBytes), startTimeUnixNano: finished.startNanoseconds,
                endTimeUnixNano: overflow ? .max : end, attributes: attributes,
                errorMessage: finished.error.map { TextLimit.cut($0, to: finished.limits.fieldBytes) }))
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
