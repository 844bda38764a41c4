/// Encodes span and event lines in the trace-line contract (see Docs/trace-line.schema.json):
/// the required keys first, then the span's fields. A field can never replace a required key: one
/// that uses a reserved name is written as `field.<name>`.
enum TraceLineEncoder {
    static func encode(
        span: SpanBox, level: StaticString, wallNanoseconds: UInt64, durationNanoseconds: UInt64,
        event: String?, initial: KeyValuePairs<String, TraceValue>, record: borrowing SpanRecord
    ) -> JSONLineWriter {
        let configuration = span.tracer.configuration
        var writer = JSONLineWriter(capacity: 256 + (initial.count + record.fields.count) * 48)
        writer.field("timestamp", timestamp: wallNanoseconds)
        writer.rawKey("level")
        writer.buffer.append(UInt8(ascii: "\""))
        writer.buffer.append(level)
        writer.buffer.append(UInt8(ascii: "\""))
        writer.field("span", string: span.name, limit: configuration.maxFieldBytes)
        writer.field("trace_id", traceID: span.trace.traceID)
        writer.field("span_id", hex: span.spanID.rawValue)
        if let parent = span.parentID {
            writer.field("parent_span_id", hex: parent.rawValue)
        } else {
            writer.fieldNull("parent_span_id")
        }
        writer.field("duration_ms", milliseconds: durationNanoseconds)
        if let event {
            writer.field("event", string: event, limit: configuration.maxFieldBytes)
        }
        let payloadEnabled = span.tracer.payloadEnabled
        // Start-time fields in their order; a key recorded again later takes its later value there.
        for (key, value) in initial {
            let kind = FieldKeys.classify(key)
            if kind.contains(.payload), !payloadEnabled { continue }
            let late = record.fields.first(where: { $0.key == key })
            appendField(late ?? RecordedField(key: key, value: value, kind: kind), to: &writer, configuration: configuration)
        }
        for field in record.fields where !initial.contains(where: { $0.key == field.key }) {
            appendField(field, to: &writer, configuration: configuration)
        }
        if let error = record.error {
            writer.field("error", string: error, limit: configuration.maxFieldBytes)
        }
        writer.finish()
        return writer
    }

    static func appendField(_ field: RecordedField, to writer: inout JSONLineWriter, configuration: TraceConfiguration) {
        writer.key(field.key, prefix: field.kind.contains(.reserved) ? "field." : nil)
        let limit = field.kind.contains(.payload) ? configuration.maxPayloadBytes : configuration.maxFieldBytes
        writer.value(field.value, limit: limit)
    }

}
