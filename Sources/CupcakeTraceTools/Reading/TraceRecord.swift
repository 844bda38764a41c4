import CupcakeTrace
import CupcakeCodecs

/// One trace line read back: a span that ended, or an event inside a span.
public struct TraceRecord: Sendable, Equatable {
    /// The span's name (an event line carries its span's name and ids).
    public var span: String
    /// The event's text on event lines, nil on span lines.
    public var event: String?
    public var level: String
    public var traceID: String
    public var spanID: String
    public var parentSpanID: String?
    /// The span's start (an event's own time), microseconds since the Unix epoch.
    public var startMicros: Int64
    /// The span's duration in microseconds (on an event line: the time since its span started).
    public var durationMicros: Int64
    /// The error the span recorded, if any.
    public var error: String?
    /// The span's fields: every key that is not one of the contract's own, in line order.
    public var fields: [TraceLineField]

    /// Builds a record; `parse` is the usual way to get one.
    public init(
        span: String, event: String? = nil, level: String = "INFO", traceID: String, spanID: String,
        parentSpanID: String?, startMicros: Int64, durationMicros: Int64, error: String? = nil,
        fields: [TraceLineField] = []
    ) {
        self.span = span
        self.event = event
        self.level = level
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.startMicros = startMicros
        self.durationMicros = durationMicros
        self.error = error
        self.fields = fields
    }

    /// The end of the span in microseconds since the epoch.
    public var endMicros: Int64 { startMicros &+ durationMicros }

    /// True for an event line.
    public var isEvent: Bool { event != nil }

    /// True for the span that ends a trace: `evaluate`, or any span line without a parent.
    public var isRoot: Bool { event == nil && (parentSpanID == nil || span == "evaluate") }

    /// The first field with this key.
    public func field(_ key: String) -> TraceLineValue? {
        fields.first(where: { $0.key == key })?.value
    }

    /// The keys the contract defines; the rest of a line's keys are span fields.
    static let contractKeys: Set<String> = [
        "timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms", "event", "error",
    ]

    /// Reads one line. Nil when it is not a trace line: not JSON, a diagnostic line (no `span`),
    /// or a required key missing or malformed.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceRecord? {
        // Lenient: a damaged string in a field should not hide the span (U+FFFD stands in).
        guard let document = try? OrderedJSON.parse(UnsafeRawBufferPointer(line), limits: .lenient),
              case .object(let object) = TraceLineValue(document) else { return nil }
        var span: String?
        var event: String?
        var level: String?
        var traceID: String?
        var spanID: String?
        var parent: String??
        var start: Int64?
        var duration: Int64?
        var error: String?
        var fields: [TraceLineField] = []
        for field in object {
            switch field.key {
            case "span": span = field.value.stringValue
            case "event": event = field.value.stringValue
            case "level": level = field.value.stringValue
            case "trace_id": traceID = field.value.stringValue.flatMap { isHex($0, count: 32) ? $0 : nil }
            case "span_id": spanID = field.value.stringValue.flatMap { isHex($0, count: 16) ? $0 : nil }
            case "parent_span_id":
                if field.value == .null {
                    parent = .some(nil)
                } else if let text = field.value.stringValue, isHex(text, count: 16) {
                    parent = .some(text)
                }
            case "timestamp": start = field.value.stringValue.flatMap(TimestampParser.microseconds)
            case "duration_ms":
                if let millis = field.value.doubleValue, millis.isFinite, millis >= 0, millis < 1e12 {
                    duration = Int64((millis * 1000).rounded())
                }
            case "error": error = field.value.stringValue ?? field.value.displayText
            default: fields.append(field)
            }
        }
        guard let span, !span.isEmpty, let traceID, let spanID, let parent, let start, let duration else { return nil }
        return TraceRecord(
            span: span, event: event, level: level ?? "INFO", traceID: traceID, spanID: spanID,
            parentSpanID: parent, startMicros: start, durationMicros: duration, error: error, fields: fields)
    }

    /// Reads one line given as bytes.
    public static func parse(_ line: [UInt8]) -> TraceRecord? {
        line.withUnsafeBufferPointer { parse($0) }
    }

    /// Reads one line given as text.
    public static func parse(_ line: String) -> TraceRecord? {
        parse(Array(line.utf8))
    }

    private static func isHex(_ text: String, count: Int) -> Bool {
        var seen = 0
        for byte in text.utf8 {
            guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) else { return false }
            seen += 1
        }
        return seen == count
    }
}
