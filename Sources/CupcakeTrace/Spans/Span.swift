/// A handle on the span a `withSpan` body runs in. When its category is off the handle is empty
/// and every method returns at once without evaluating its arguments (they are autoclosures).
public struct Span: Sendable {
    @usableFromInline let box: SpanBox?

    /// The span that records nothing.
    @inlinable public init() { box = nil }

    @usableFromInline init(_ box: SpanBox) { self.box = box }

    /// Whether this span will produce a line.
    @inlinable public var isRecording: Bool { box != nil }

    /// Sets a field known only later (for example `final_decision`). Setting a key again replaces
    /// its value. Payload keys (``TraceConfiguration/payloadKeys``) are dropped unless `payload` is on.
    @inlinable public func record(_ key: String, _ value: @autoclosure () -> TraceValue) {
        if let box { box.record(key, value()) }
    }

    /// Sets a raw-content field (a command, a prompt, signal output). Only recorded with the
    /// `payload` category, and truncated to the configured payload size.
    @inlinable public func recordPayload(_ key: String, _ value: @autoclosure () -> String) {
        if let box { box.recordPayload(key, value()) }
    }

    /// Records an error on the span without throwing: the line gets level ERROR and an `error` key,
    /// and a sampled trace is always kept.
    @inlinable public func recordError(_ error: @autoclosure () -> any Error) {
        if let box { box.recordError(error()) }
    }

    /// Writes an event line under this span's ids now (for example "signal timed out").
    @inlinable public func event(
        _ message: @autoclosure () -> String, level: LogLevel = .info,
        fields: @autoclosure () -> KeyValuePairs<String, TraceValue> = [:]
    ) {
        if let box { box.event(message(), level: level, fields: fields()) }
    }

    /// The trace this span belongs to, when recording.
    public var traceID: TraceID? { box?.trace.traceID }

    /// This span's id, when recording.
    public var spanID: SpanID? { box?.spanID }

    /// This span as the parent of spans started after it ended (see
    /// `Tracer.withSpan(_:category:continuing:...)`), when recording.
    package var context: TraceParent? {
        guard let box else { return nil }
        return TraceParent(traceID: box.trace.traceID, parentSpanID: box.spanID)
    }

    /// A W3C `traceparent` naming this span, to hand to a child process (signals, actions) so its
    /// own traces join this one.
    public var traceparent: String? {
        guard let box else { return nil }
        return "00-\(box.trace.traceID)-\(box.spanID)-01"
    }
}
