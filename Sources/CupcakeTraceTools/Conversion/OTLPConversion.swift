import CupcakeTrace

extension OTLPItem {
    /// A trace file's record in OTLP's shape, as the live exporter would have sent its span:
    /// fields become attributes in line order (`null` left out), an event carries its level first
    /// and its error last, a span's error becomes its status.
    package init?(_ record: TraceRecord) {
        guard let traceID = TraceID(hex: record.traceID), let spanID = SpanID(hex: record.spanID) else { return nil }
        self.init(
            traceID: traceID, spanID: spanID, parentSpanID: record.parentSpanID.flatMap { SpanID(hex: $0) }, name: record.span,
            startNanoseconds: UInt64(clamping: record.startMicros) &* 1000,
            durationNanoseconds: UInt64(clamping: record.durationMicros) &* 1000, level: record.level, event: record.event,
            error: record.error,
            attributes: record.fields.compactMap { field in OTLPValue(field.value).map { (key: field.key, value: $0) } })
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
