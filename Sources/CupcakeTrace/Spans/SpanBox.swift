import Synchronization

extension SpanBox {
    func initialString(_ key: String) -> String? {
        for (name, value) in initialFields where FieldKeys.same(name, key) {
            if case .string(let text) = value { return text }
        }
        return nil
    }
}

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
    let startMonotonic: UInt64
    /// The fields given at the start, untouched until the line is encoded.
    let initialFields: KeyValuePairs<String, TraceValue>
    fileprivate let state = Mutex(SpanRecord())

    init(name: String, trace: TraceState, parentID: SpanID?, isRoot: Bool, fields: KeyValuePairs<String, TraceValue>) {
        self.name = name
        self.trace = trace
        self.spanID = SpanID.generate()
        self.parentID = parentID
        self.isRoot = isRoot
        self.initialFields = fields
        self.startMonotonic = WallClock.monotonicNanoseconds()
    }

    var tracer: Tracer { trace.tracer }

    @usableFromInline
    func record(_ key: String, _ value: TraceValue) {
        let kind = FieldKeys.classify(key)
        let payloadEnabled = tracer.payloadEnabled
        state.withLock { $0.set(key, value, kind: kind, payloadEnabled: payloadEnabled) }
    }

    @usableFromInline
    func recordPayload(_ key: String, _ value: String) {
        guard tracer.payloadEnabled else { return }
        let kind = FieldKeys.classify(key).union(.payload)
        state.withLock { $0.set(key, .string(value), kind: kind, payloadEnabled: true) }
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
        if level <= .error { trace.noteError() }
        let now = WallClock.monotonicNanoseconds()
        let line = TraceLineEncoder.encode(
            span: self, level: level.staticLabel, wallNanoseconds: tracer.wallNanoseconds(monotonic: now),
            durationNanoseconds: now &- startMonotonic, event: message, initial: fields, record: SpanRecord())
        trace.emit(line)
    }

    /// Ends the span: encodes its line, hands it to the trace, and for a root span settles the
    /// trace's sampling.
    @usableFromInline
    func end(error: (any Error)?) {
        let duration = WallClock.monotonicNanoseconds() &- startMonotonic
        if let error { recordError(error) }
        let record = state.withLock { $0 }
        let line = TraceLineEncoder.encode(
            span: self, level: record.error == nil ? "INFO" : "ERROR",
            wallNanoseconds: tracer.wallNanoseconds(monotonic: startMonotonic),
            durationNanoseconds: duration, event: nil, initial: initialFields, record: record)
        // A span that ends inside a synchronous parent on the same thread hands its line (and its
        // own children's) to that parent, which cannot suspend and ends moments later: one
        // write(2) for the lot instead of one per line, children still before their parent.
        if let parent = CurrentSpan.synchronousBox, parent.trace === trace {
            line.buffer.withBytes { bytes in
                parent.state.withLock { parentRecord in
                    parentRecord.childLines.append(contentsOf: record.childLines)
                    parentRecord.childLines.append(contentsOf: bytes)
                }
            }
        } else if record.childLines.isEmpty {
            trace.emit(line)
        } else {
            var lines = record.childLines
            line.buffer.withBytes { lines.append(contentsOf: $0) }
            lines.withUnsafeBytes { trace.emit(lines: $0) }
        }
        if isRoot {
            trace.finish(finalDecision: record.stringValue(for: "final_decision") ?? initialString("final_decision"))
        }
    }
}
