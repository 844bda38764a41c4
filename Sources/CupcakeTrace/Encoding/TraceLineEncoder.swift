/// Encodes span and event lines in the trace-line contract (see Docs/trace-line.schema.json):
/// the required keys first, then the span's fields. A field can never replace a required key: one
/// that uses a reserved name is written as `field.<name>`.
enum TraceLineEncoder {
    static func encode(
        span: SpanBox, level: StaticString, wallNanoseconds: UInt64, durationNanoseconds: UInt64,
        event: String?, initial: KeyValuePairs<String, TraceValue>, record: borrowing SpanRecord
    ) -> JSONLineWriter {
        let tracer = span.tracer
        var writer = JSONLineWriter(capacity: 256 + (initial.count + record.fields.count) * 48)
        // The required keys in a fixed order, written as a few constant chunks.
        writer.buffer.append("\"timestamp\":\"")
        RFC3339.append(nanoseconds: wallNanoseconds, to: &writer.buffer)
        writer.buffer.append("\",\"level\":\"")
        writer.buffer.append(level)
        writer.buffer.append("\",\"span\":\"")
        writer.appendEscapedContent(span.name, limit: tracer.maxFieldBytes)
        writer.buffer.append("\",\"trace_id\":\"")
        writer.appendHex(span.trace.traceID.high)
        writer.appendHex(span.trace.traceID.low)
        writer.buffer.append("\",\"span_id\":\"")
        writer.appendHex(span.spanID.rawValue)
        if let parent = span.parentID {
            writer.buffer.append("\",\"parent_span_id\":\"")
            writer.appendHex(parent.rawValue)
            writer.buffer.append("\",\"duration_ms\":")
        } else {
            writer.buffer.append("\",\"parent_span_id\":null,\"duration_ms\":")
        }
        writer.appendMilliseconds(durationNanoseconds)
        writer.markFieldWritten()
        if let event {
            writer.field("event", string: event, limit: tracer.maxFieldBytes)
        }
        let payloadEnabled = span.tracer.payloadEnabled
        // Start-time fields in their order; a key recorded again later takes its later value there.
        for (key, value) in initial {
            let kind = FieldKeys.classify(key)
            if kind.contains(.payload), !payloadEnabled { continue }
            let late = record.fields.first(where: { $0.key == key })
            appendField(late ?? RecordedField(key: key, value: value, kind: kind), to: &writer, tracer: tracer)
        }
        for field in record.fields where !initial.contains(where: { $0.key == field.key }) {
            appendField(field, to: &writer, tracer: tracer)
        }
        if let error = record.error {
            writer.field("error", string: error, limit: tracer.maxFieldBytes)
        }
        writer.finish()
        return writer
    }

    static func appendField(_ field: RecordedField, to writer: inout JSONLineWriter, tracer: Tracer) {
        writer.key(field.key, prefix: field.kind.contains(.reserved) ? "field." : nil)
        let limit = field.kind.contains(.payload) ? tracer.maxPayloadBytes : tracer.maxFieldBytes
        writer.value(field.value, limit: limit)
    }

}
