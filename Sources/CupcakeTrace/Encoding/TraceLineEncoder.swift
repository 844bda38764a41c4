/// The configured limits every line is written with; a value copied into each trace, so writing a
/// line does not go through (and retain) the tracer.
struct LineLimits: Sendable {
    var fieldBytes: Int
    var payloadBytes: Int
    var payloadEnabled: Bool
    /// The field names that carry raw content, as plain pointers: the tracer's configuration owns
    /// the table and outlives every trace (which holds the tracer).
    var payload: PayloadTable
}

/// Encodes span and event lines in the trace-line contract (see Docs/trace-line.schema.json):
/// the required keys first, then the span's fields. A field can never replace a required key: one
/// that uses a reserved name is written as `field.<name>`.
enum TraceLineEncoder {
    /// Writes the line of a finished span (or event) into `writer`, an object just opened, and
    /// closes the line. It takes the parts a ``FinishedSpan`` is made of rather than the value, so a
    /// span that only becomes a line is written without packaging it (the value costs reference
    /// counting that is a fifth of a span's line).
    static func encode(
        name: String, trace: TraceIDText, spanID: SpanID, parentID: SpanID?, limits: LineLimits,
        startNanoseconds: UInt64, durationNanoseconds: UInt64, level: LogLevel, event: String?,
        initial: KeyValuePairs<String, TraceValue>, record: borrowing SpanRecord,
        into writer: inout JSONLineWriter, seconds: inout SecondCache
    ) {
        // The required keys in a fixed order, written as a few constant chunks.
        writer.buffer.append("\"timestamp\":\"")
        RFC3339.append(nanoseconds: startNanoseconds, to: &writer.buffer, cache: &seconds)
        writer.buffer.append("\",\"level\":\"")
        writer.buffer.append(level.staticLabel)
        writer.buffer.append("\",\"span\":\"")
        writer.appendEscapedContent(name, limit: limits.fieldBytes)
        writer.buffer.append("\",\"trace_id\":\"")
        writer.append(trace)
        writer.buffer.append("\",\"span_id\":\"")
        writer.appendHex(spanID.rawValue)
        if let parent = parentID {
            writer.buffer.append("\",\"parent_span_id\":\"")
            writer.appendHex(parent.rawValue)
            writer.buffer.append("\",\"duration_ms\":")
        } else {
            writer.buffer.append("\",\"parent_span_id\":null,\"duration_ms\":")
        }
        writer.appendMilliseconds(durationNanoseconds)
        writer.markFieldWritten()
        if let event {
            writer.field("event", string: event, limit: limits.fieldBytes)
        }
        record.forEachField(startingWith: initial) { key, value, kind in
            appendField(key, value, kind: kind, to: &writer, limits: limits)
        }
        if let error = record.error {
            writer.field("error", string: error, limit: limits.fieldBytes)
        }
        writer.finish()
    }

    /// Writes one field, classifying its key (when not known already) from the bytes it writes;
    /// a payload field is left out unless payload tracing is on.
    @inline(__always)
    static func appendField(
        _ key: String, _ value: TraceValue, kind known: FieldKind?, to writer: inout JSONLineWriter, limits: LineLimits
    ) {
        let written = JSONLineWriter.withUTF8(key) { utf8 -> FieldKind? in
            let kind = known ?? FieldKeys.classify(utf8: utf8, payload: limits.payload)
            if kind.contains(.payload), !limits.payloadEnabled { return nil }
            writer.key(utf8: utf8, prefix: kind.contains(.reserved) ? "field." : nil)
            return kind
        }
        guard let kind = written else { return }
        writer.value(value, limit: kind.contains(.payload) ? limits.payloadBytes : limits.fieldBytes)
    }
}
