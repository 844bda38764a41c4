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
        writer.appendHex(span.trace.traceID)
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
        let hasLate = !record.fields.isEmpty
        for (key, value) in initial {
            let kind = FieldKeys.classify(key)
            if kind.contains(.payload), !payloadEnabled { continue }
            if hasLate, let late = record.fields.first(where: { FieldKeys.same($0.key, key) }) {
                appendField(late.key, late.value, kind: late.kind, to: &writer, tracer: tracer)
            } else {
                appendField(key, value, kind: kind, to: &writer, tracer: tracer)
            }
        }
        for field in record.fields where !initial.contains(where: { FieldKeys.same($0.key, field.key) }) {
            appendField(field.key, field.value, kind: field.kind, to: &writer, tracer: tracer)
        }
        if let error = record.error {
            writer.field("error", string: error, limit: tracer.maxFieldBytes)
        }
        writer.finish()
        return writer
    }

    @inline(__always)
    static func appendField(
        _ key: String, _ value: TraceValue, kind: FieldKind, to writer: inout JSONLineWriter, tracer: Tracer
    ) {
        writer.key(key, prefix: kind.contains(.reserved) ? "field." : nil)
        writer.value(value, limit: kind.contains(.payload) ? tracer.maxPayloadBytes : tracer.maxFieldBytes)
    }

}
