import Synchronization

/// Ordinary diagnostic lines (warnings about configuration, errors the engine recovered from),
/// written as JSON objects with `timestamp`, `level`, `target` and `message`, plus the trace and
/// span ids when logged inside a span. Filtered by `CUPCAKE_LOG` (default `warn`).
package final class DiagnosticLog: Sendable {
    package let threshold: LogLevel
    private let sink: any Sink
    private let payload: PayloadKeys
    private let dropped = Atomic<Int>(0)

    package init(threshold: LogLevel, sink: any Sink, payload: PayloadKeys = PayloadKeys([])) {
        self.threshold = threshold
        self.sink = sink
        self.payload = payload
    }

    /// Whether lines of `level` are written.
    @inlinable package func isEnabled(_ level: LogLevel) -> Bool { level <= threshold }

    /// Writes `message` at `level` if the threshold lets it through; the message and fields are not
    /// evaluated otherwise.
    @inlinable package func log(
        _ level: LogLevel, _ message: @autoclosure () -> String, target: String = "cupcake",
        fields: @autoclosure () -> KeyValuePairs<String, TraceValue> = [:]
    ) {
        if isEnabled(level) { emit(level, message(), target: target, fields: fields()) }
    }

    @inlinable package func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    @inlinable package func warn(_ message: @autoclosure () -> String) { log(.warn, message()) }
    @inlinable package func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    @inlinable package func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }

    var droppedLineCount: Int { dropped.load(ordering: .relaxed) }

    @usableFromInline
    func emit(_ level: LogLevel, _ message: String, target: String, fields: KeyValuePairs<String, TraceValue>) {
        var writer = JSONLineWriter()
        writer.field("timestamp", timestamp: WallClock.nowNanoseconds())
        writer.field("level", string: level.label)
        writer.field("target", string: target, limit: TraceConfiguration.defaultMaxFieldBytes)
        writer.field("message", string: message, limit: 8 * TraceConfiguration.defaultMaxFieldBytes)
        if let span = CurrentSpan.box {
            writer.field("trace_id", traceID: span.trace.traceID)
            writer.field("span_id", hex: span.spanID.rawValue)
        }
        for (key, value) in fields {
            let kind = FieldKeys.classify(key, payload: payload.table)
            if kind.contains(.payload) { continue }  // diagnostics never carry raw event content
            writer.key(key, prefix: kind.contains(.reserved) ? "field." : nil)
            writer.value(value, limit: TraceConfiguration.defaultMaxFieldBytes)
        }
        writer.finish()
        let written = writer.buffer.withBytes { sink.write($0) }
        if !written { dropped.add(1, ordering: .relaxed) }
    }
}
