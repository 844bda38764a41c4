/// Encodes span and event lines in the trace-line contract (see Docs/trace-line.schema.json):
/// the required keys first, then the span's fields. A field can never replace a required key: one
/// that uses a reserved name is written as `field.<name>`.
enum TraceLineEncoder {
    /// Keys the contract owns on every line.
    static let reservedKeys: Set<String> = [
        "timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms",
        "event", "error", "message", "target",
    ]

    static func encode(
        span: SpanBox, level: String, wallNanoseconds: UInt64, durationNanoseconds: UInt64,
        event: String?, record: SpanRecord
    ) -> [UInt8] {
        let configuration = span.tracer.configuration
        var writer = JSONLineWriter(capacity: 256 + record.fields.count * 32)
        writer.rawKey("timestamp")
        writer.appendTimestamp(wallNanoseconds)
        writer.field("level", string: level)
        writer.field("span", string: span.name, limit: configuration.maxFieldBytes)
        writer.field("trace_id", asciiBytes: span.trace.traceIDHex)
        writer.field("span_id", asciiBytes: span.spanID.hexBytes)
        if let parent = span.parentID {
            writer.field("parent_span_id", asciiBytes: parent.hexBytes)
        } else {
            writer.fieldNull("parent_span_id")
        }
        writer.field("duration_ms", milliseconds: durationNanoseconds)
        if let event {
            writer.field("event", string: event, limit: configuration.maxFieldBytes)
        }
        for field in record.fields {
            let key = reservedKeys.contains(field.key) ? "field." + field.key : field.key
            let payload = field.isPayload || PayloadKeys.isPayload(field.key)
            writer.field(key, field.value, limit: payload ? configuration.maxPayloadBytes : configuration.maxFieldBytes)
        }
        if let error = record.error {
            writer.field("error", string: error, limit: configuration.maxFieldBytes)
        }
        return writer.finish()
    }
}

extension JSONLineWriter {
    mutating func appendTimestamp(_ nanoseconds: UInt64) {
        appendRaw(UInt8(ascii: "\""))
        var stamp: [UInt8] = []
        stamp.reserveCapacity(27)
        RFC3339.append(nanoseconds: nanoseconds, to: &stamp)
        appendRaw(contentsOf: stamp)
        appendRaw(UInt8(ascii: "\""))
    }
}

extension SpanID {
    var hexBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        HexWriter.append(rawValue, digits: 16, to: &out)
        return out
    }
}
