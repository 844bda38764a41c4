/// A span as it ended, or an event written inside one, as exporters (``SpanExporter``) receive it.
/// Its line is written from the same parts (the span's name, ids, fields and record) without
/// packaging them, which for a line alone would cost more reference counting than the line.
///
/// An event (``event`` set) carries the ids of the span it happened in, its own time as
/// ``startNanoseconds`` and the time since that span started as ``durationNanoseconds``, as its
/// line does.
public struct FinishedSpan: Sendable {
    /// The span itself: its name, ids, trace and start-time fields are read from it rather than
    /// copied, so handing a span on costs one reference.
    let box: SpanBox
    /// Fields recorded later, and the error.
    let record: SpanRecord
    /// Wall-clock start, nanoseconds since the Unix epoch.
    public let startNanoseconds: UInt64
    public let durationNanoseconds: UInt64
    /// `.error` when the span recorded an error (or an event was logged at that level).
    public let level: LogLevel
    /// The message of an event; nil for a span.
    public let event: String?
    /// An event's own fields (a span's are its box's).
    private let eventFields: KeyValuePairs<String, TraceValue>?

    init(
        _ box: SpanBox, startNanoseconds: UInt64, durationNanoseconds: UInt64, level: LogLevel, record: SpanRecord,
        event: String? = nil, eventFields: KeyValuePairs<String, TraceValue>? = nil
    ) {
        self.box = box
        self.record = record
        self.startNanoseconds = startNanoseconds
        self.durationNanoseconds = durationNanoseconds
        self.level = level
        self.event = event
        self.eventFields = eventFields
    }

    public var name: String { box.name }
    public var traceID: TraceID { box.trace.traceID }
    public var spanID: SpanID { box.spanID }
    /// nil for a trace's root span (or the span a `TRACEPARENT` continued, when there was none).
    public var parentSpanID: SpanID? { box.parentID }

    /// The fields given when the span (or event) started, untouched.
    var initialFields: KeyValuePairs<String, TraceValue> { eventFields ?? box.initialFields }
    var limits: LineLimits { box.trace.limits }

    /// The error the span recorded (or the thrown error that ended it).
    public var error: String? { record.error }

    /// The fields as its line writes them: start-time fields in their order, a key recorded again
    /// later holding its later value there, then keys first recorded later. Payload fields are
    /// present only when the `payload` category is on; a key the line contract owns (e.g.
    /// `error`) is named `field.<key>`.
    public var fields: [(key: String, value: TraceValue)] {
        var all: [(key: String, value: TraceValue)] = []
        forEachField { key, reserved, value, _ in all.append((reserved ? "field." + key : key, value)) }
        return all
    }

    /// Calls `body` for each field as the line writes it: its key, whether the key is renamed
    /// `field.<key>`, its value, and the longest string it may carry (payload values have their
    /// own limit). Payload fields are skipped unless payload tracing is on.
    func forEachField(_ body: (_ key: String, _ reserved: Bool, _ value: TraceValue, _ limit: Int) -> Void) {
        let limits = limits
        record.forEachField(startingWith: initialFields) { key, value, known in
            let kind = known ?? FieldKeys.classify(key, payload: limits.payload)
            if kind.contains(.payload), !limits.payloadEnabled { return }
            body(key, kind.contains(.reserved), value, kind.contains(.payload) ? limits.payloadBytes : limits.fieldBytes)
        }
    }
}

/// Receives the spans of kept traces as values (OpenTelemetry export, or an embedder's own
/// destination). `export` runs on the thread that ended the span, so it must not block: queue
/// the span and return. With sampling, a trace's spans arrive together when its root ends.
public protocol SpanExporter: Sendable {
    /// Takes one finished span or event.
    func export(_ span: FinishedSpan)

    /// Hands on whatever is queued, waiting at most `timeout` seconds; true when all of it was
    /// handed on in time. Exporters that hold nothing need not implement it.
    @discardableResult
    func flush(timeout: Double) -> Bool
}

extension SpanExporter {
    @discardableResult
    public func flush(timeout: Double) -> Bool { true }
}
