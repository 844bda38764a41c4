import CupcakeTrace

extension OTLPItem {
    /// A trace file's record in OTLP's shape, as the live exporter would have sent its span:
    /// fields become attributes in line order (`null` left out), an event carries its level first
    /// and its error last, a span's error becomes its status.
    package init?(_ record: TraceRecord) {
        guard let traceID = Self.traceID(record.traceID), let spanID = Self.spanID(record.spanID) else { return nil }
        var attributes = record.fields.compactMap { field in OTLPValue(field.value).map { (key: field.key, value: $0) } }
        let start = UInt64(clamping: record.startMicros) &* 1000
        if let event = record.event {
            attributes.insert(("level", .string(record.level)), at: 0)
            if let error = record.error { attributes.append(("error", .string(error))) }
            self = .event(spanID: spanID, OTLPEvent(name: event, timeUnixNano: start, attributes: attributes))
            return
        }
        let (end, overflow) = start.addingReportingOverflow(UInt64(clamping: record.durationMicros) &* 1000)
        self = .span(
            OTLPSpan(
                traceID: traceID, spanID: spanID, parentSpanID: record.parentSpanID.flatMap(Self.spanID), name: record.span,
                startTimeUnixNano: start, endTimeUnixNano: overflow ? .max : end, attributes: attributes,
                errorMessage: record.error))
    }

    private static func spanID(_ hex: String) -> SpanID? {
        UInt64(hex, radix: 16).map { SpanID(rawValue: $0) }
    }

    private static func traceID(_ hex: String) -> TraceID? {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else {
            return nil
        }
        return TraceID(high: high, low: low)
    }
}

extension OTLPValue {
    /// A line's value as an attribute: numbers stay integers when written as such, objects become
    /// their JSON text; nil for `null` (OTLP has none).
    init?(_ value: TraceLineValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .null: return nil
        case .object: self = .string(value.displayText)
        case .number(let text):
            if let int = Int64(text) {
                self = .int(int)
            } else if let double = Double(text) {
                self = .double(double)
            } else {
                return nil
            }
        case .array(let elements): self = .array(elements.compactMap(OTLPValue.init))
        }
    }
}
