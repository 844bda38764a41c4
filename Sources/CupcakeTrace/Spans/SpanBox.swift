import Synchronization

extension SpanBox {
    func initialValue(_ key: String) -> TraceValue? {
        initialFields.first { FieldKeys.same($0.key, key) }?.value
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

    init(
        name: String, trace: TraceState, parentID: SpanID?, isRoot: Bool, fields: KeyValuePairs<String, TraceValue>,
        start: UInt64
    ) {
        self.name = name
        self.trace = trace
        self.spanID = SpanID.generate()
        self.parentID = parentID
        self.isRoot = isRoot
        self.initialFields = fields
        self.startMonotonic = start
    }

    var tracer: Tracer { trace.tracer }

    @usableFromInline
    func record(_ key: String, _ value: TraceValue) {
        state.withLock { $0.set(key, value, kind: nil) }
    }

    @usableFromInline
    func recordPayload(_ key: String, _ value: String) {
        guard trace.limits.payloadEnabled else { return }
        let kind = FieldKeys.classify(key, payload: trace.limits.payload).union(.payload)
        state.withLock { $0.set(key, .string(value), kind: kind) }
    }

    @usableFromInline
    func recordError(_ error: any Error) {
        let message = String(describing: error)
        state.withLock { $0.error = message }
        trace.noteError()
    }

    /// Writes an event line now, under this span's ids (after any lines of ended child spans
    /// still waiting on this thread).
    @usableFromInline
    func event(_ message: String, level: LogLevel, fields: KeyValuePairs<String, TraceValue>) {
        if level <= .error { trace.noteError() }
        let now = WallClock.monotonicNanoseconds()
        let start = tracer.wallNanoseconds(monotonic: now), duration = now &- startMonotonic
        if tracer.writesLines {
            writeLine(keepForParent: false) { writer, seconds in
                TraceLineEncoder.encode(
                    name: name, trace: trace.traceIDText, spanID: spanID, parentID: parentID, limits: trace.limits,
                    startNanoseconds: start, durationNanoseconds: duration, level: level, event: message,
                    initial: fields, record: SpanRecord(), into: &writer, seconds: &seconds)
            }
        }
        if tracer.hasExporters {
            trace.export(FinishedSpan(
                self, startNanoseconds: start, durationNanoseconds: duration, level: level, record: SpanRecord(),
                event: message, eventFields: fields))
        }
    }

    /// Ends the span: hands it to the trace's outputs (its line, and the exporters a
    /// ``FinishedSpan``), and for a root span settles the trace's sampling.
    @usableFromInline
    func end(error: (any Error)?) {
        let duration = WallClock.monotonicNanoseconds() &- startMonotonic
        if let error { recordError(error) }
        // Taken, not copied: the span records nothing after this.
        let record = state.withLock { current in
            let taken = current
            current = SpanRecord()
            return taken
        }
        let start = tracer.wallNanoseconds(monotonic: startMonotonic)
        let level: LogLevel = record.error == nil ? .info : .error
        if tracer.writesLines {
            // A span that ends inside a synchronous parent on the same thread leaves its line in the
            // thread's buffer for that parent, which cannot suspend and ends moments later: one
            // write(2) for the lot instead of one per line, children still before their parent.
            writeLine(keepForParent: CurrentSpan.synchronousSpanBelongs(to: trace)) { writer, seconds in
                TraceLineEncoder.encode(
                    name: name, trace: trace.traceIDText, spanID: spanID, parentID: parentID, limits: trace.limits,
                    startNanoseconds: start, durationNanoseconds: duration, level: level, event: nil,
                    initial: initialFields, record: record, into: &writer, seconds: &seconds)
            }
        }
        if tracer.hasExporters {
            trace.export(FinishedSpan(self, startNanoseconds: start, durationNanoseconds: duration, level: level, record: record))
        }
        if isRoot {
            trace.finish { key in record.value(for: key) ?? self.initialValue(key) }
        }
    }

    /// Builds a line in the thread's reused buffer, after the lines waiting there, and either
    /// leaves it there for the synchronous parent span or writes everything waiting in one write.
    private func writeLine(keepForParent: Bool, _ encode: (inout JSONLineWriter, inout SecondCache) -> Void) {
        let scratch = ThreadScratch.current()
        guard var buffer = scratch.pointee.lines.take() else {
            // Re-entered from a sink's write on this thread: the shared buffer is in use.
            var own = JSONLineWriter(capacity: 512)
            var seconds = SecondCache()
            encode(&own, &seconds)
            own.buffer.withBytes { trace.emit(lines: $0) }
            return
        }
        if let waiting = scratch.pointee.pendingTrace, waiting !== trace {
            // Cannot happen through withSpan (a span started inside a synchronous span joins its
            // trace); kept so that lines are never written under the wrong trace's sampling.
            buffer.withBytes { waiting.emit(lines: $0) }
            buffer.removeAll()
            scratch.pointee.pendingTrace = nil
        }
        var writer = JSONLineWriter(appendingTo: buffer)
        encode(&writer, &scratch.pointee.seconds)
        buffer = writer.takeBuffer()
        if keepForParent {
            scratch.pointee.pendingTrace = trace
        } else {
            scratch.pointee.pendingTrace = nil
            buffer.withBytes { trace.emit(lines: $0) }
            buffer.removeAll()
            if buffer.capacity > 64 * ThreadScratch.lineCapacity {
                buffer = ByteBuffer(capacity: ThreadScratch.lineCapacity)  // after a huge line
            }
        }
        scratch.pointee.lines = consume buffer
    }
}
