import Synchronization

/// The live state of one recording span. Only exists when tracing is on for the span's category;
/// a disabled span is a ``Span`` with no box.
@usableFromInline
final class SpanBox: Sendable {
    /// The span the current task is inside, carried by structured concurrency so spans started in
    /// child tasks get the right parent without passing it by hand.
    @TaskLocal static var current: SpanBox?

    let name: String
    let trace: TraceState
    let spanID: SpanID
    let parentID: SpanID?
    let isRoot: Bool
    let startWall: UInt64
    let startMonotonic: UInt64
    private let state: Mutex<SpanRecord>

    init(name: String, trace: TraceState, parentID: SpanID?, isRoot: Bool, fields: KeyValuePairs<String, TraceValue>) {
        self.name = name
        self.trace = trace
        self.spanID = SpanID.generate()
        self.parentID = parentID
        self.isRoot = isRoot
        self.startWall = WallClock.nowNanoseconds()
        self.startMonotonic = WallClock.monotonicNanoseconds()
        var record = SpanRecord()
        let payloadOn = trace.tracer.payloadEnabled
        for (key, value) in fields where payloadOn || !PayloadKeys.isPayload(key) {
            record.set(key, value)
        }
        self.state = Mutex(record)
    }

    var tracer: Tracer { trace.tracer }

    @usableFromInline
    func record(_ key: String, _ value: TraceValue) {
        if !tracer.payloadEnabled, PayloadKeys.isPayload(key) { return }
        state.withLock { $0.set(key, value) }
    }

    @usableFromInline
    func recordPayload(_ key: String, _ value: String) {
        guard tracer.payloadEnabled else { return }
        state.withLock { $0.set(key, .string(value), isPayload: true) }
    }

    @usableFromInline
    func recordError(_ error: any Error) {
        let message = String(describing: error)
        state.withLock { $0.error = message }
        trace.noteError()
    }

    /// Writes an event line now, under this span's ids.
    @usableFromInline
    func event(_ message: String, level: LogLevel, fields: KeyValuePairs<String, TraceValue>) {
        var record = SpanRecord()
        let payloadOn = tracer.payloadEnabled
        for (key, value) in fields where payloadOn || !PayloadKeys.isPayload(key) {
            record.set(key, value)
        }
        if level <= .error { trace.noteError() }
        let elapsed = WallClock.monotonicNanoseconds() &- startMonotonic
        let line = TraceLineEncoder.encode(
            span: self, level: level.label, wallNanoseconds: WallClock.nowNanoseconds(),
            durationNanoseconds: elapsed, event: message, record: record)
        trace.emit(line)
    }

    /// Ends the span: encodes its line, hands it to the trace, and for a root span settles the
    /// trace's sampling.
    func end(error: (any Error)?) {
        let duration = WallClock.monotonicNanoseconds() &- startMonotonic
        if let error { recordError(error) }
        let record = state.withLock { $0 }
        let level = record.error == nil ? "INFO" : "ERROR"
        let line = TraceLineEncoder.encode(
            span: self, level: level, wallNanoseconds: startWall, durationNanoseconds: duration,
            event: nil, record: record)
        trace.emit(line)
        if isRoot {
            trace.finish(finalDecision: record.value(for: "final_decision"))
        }
    }
}

/// A span's fields in the order they were first set, plus the error it recorded.
struct SpanRecord {
    var fields: [(key: String, value: TraceValue, isPayload: Bool)] = []
    var error: String?

    mutating func set(_ key: String, _ value: TraceValue, isPayload: Bool = false) {
        if let index = fields.firstIndex(where: { $0.key == key }) {
            fields[index] = (key, value, isPayload)
        } else {
            fields.append((key, value, isPayload))
        }
    }

    func value(for key: String) -> String? {
        guard let field = fields.first(where: { $0.key == key }), case .string(let text) = field.value else {
            return nil
        }
        return text
    }
}

/// Field names that carry raw event content. They are dropped from lines unless the `payload`
/// category is on, whichever API recorded them: safety does not depend on every call site
/// remembering to use `recordPayload`.
public enum PayloadKeys {
    public static let names: Set<String> = [
        "tool_input", "tool_response", "prompt", "content", "output", "stdout", "stderr",
        "updated_input", "transcript", "signal_output", "event_json", "input_json", "result_json",
    ]

    @inlinable public static func isPayload(_ key: String) -> Bool { names.contains(key) }
}
