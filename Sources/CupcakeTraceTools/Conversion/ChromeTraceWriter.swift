import CupcakeTrace

/// Writes traces in the Trace Event Format (JSON object form) that Perfetto and chrome://tracing
/// open: each span a complete event (`"ph":"X"`, `ts` and `dur` in microseconds, `args` = the
/// span's ids, level, error and fields), each event line an instant event (`"ph":"i"`). Every
/// trace is its own process track, named after the evaluation; its lanes are threads (see
/// `ChromeTraceLanes`). Output is streamed to the sink in chunks, one trace at a time.
public struct ChromeTraceWriter {
    private let sink: any Sink
    private let flushBytes: Int
    private var buffer: [UInt8] = []
    private var started = false
    private var firstEvent = true
    private var traceNumber = 0

    /// Trace Event Format events written so far (metadata included).
    public private(set) var eventCount = 0
    /// True once a write to the sink failed; later output is dropped.
    public private(set) var failed = false

    /// A writer to `sink`, handing it output whenever `flushBytes` have piled up.
    public init(sink: any Sink, flushBytes: Int = 64 * 1024) {
        self.sink = sink
        self.flushBytes = max(1, flushBytes)
    }

    /// Writes one trace's events.
    public mutating func write(_ group: TraceGroup) {
        start()
        traceNumber += 1
        let pid = traceNumber
        let lanes = ChromeTraceLanes(group)
        metadata("process_name", pid: pid, tid: 1, args: [TraceLineField(key: "name", value: .string(Self.label(group)))])
        metadata("process_sort_index", pid: pid, tid: 1, args: [TraceLineField(key: "sort_index", value: .number(String(pid)))])
        let laneCount = lanes.spans.map(\.lane).max() ?? 1
        for lane in 1...max(1, laneCount) {
            let name = lane == 1 ? "spans" : "concurrent \(lane - 1)"
            metadata("thread_name", pid: pid, tid: lane, args: [TraceLineField(key: "name", value: .string(name))])
        }
        for span in lanes.spans {
            beginEvent()
            buffer.append(contentsOf: #"{"name":"#.utf8)
            JSONText.appendString(span.record.span, to: &buffer)
            buffer.append(contentsOf: #","cat":"cupcake","ph":"X","ts":"#.utf8)
            buffer.append(contentsOf: String(span.start).utf8)
            buffer.append(contentsOf: #","dur":"#.utf8)
            buffer.append(contentsOf: String(span.end - span.start).utf8)
            appendPlace(pid: pid, tid: span.lane)
            appendArgs(span.record)
            buffer.append(UInt8(ascii: "}"))
        }
        for record in group.records where record.isEvent {
            beginEvent()
            buffer.append(contentsOf: #"{"name":"#.utf8)
            JSONText.appendString(record.event ?? "", to: &buffer)
            buffer.append(contentsOf: #","cat":"cupcake.event","ph":"i","s":"t","ts":"#.utf8)
            buffer.append(contentsOf: String(record.startMicros).utf8)
            appendPlace(pid: pid, tid: lanes.laneBySpanID[record.spanID] ?? 1)
            appendArgs(record)
            buffer.append(UInt8(ascii: "}"))
        }
        if buffer.count >= flushBytes { flush() }
    }

    /// Closes the JSON document and writes what is left; false when any write failed.
    @discardableResult
    public mutating func finish() -> Bool {
        start()
        buffer.append(contentsOf: "\n]}\n".utf8)
        flush()
        return !failed
    }

    /// `evaluate PreToolUse:Bash deny (trace …)`: what the track shows as its name.
    static func label(_ group: TraceGroup) -> String {
        var parts = [group.root?.span ?? "incomplete"]
        if let event = group.rootText("event_name") {
            parts.append(group.rootText("tool_name").map { event + ":" + $0 } ?? event)
        }
        if let decision = group.rootText("final_decision") { parts.append(decision) }
        parts.append("(trace \(group.traceID)\(group.isComplete ? "" : ", no root line"))")
        return parts.joined(separator: " ")
    }

    private mutating func start() {
        guard !started else { return }
        started = true
        buffer.append(contentsOf: #"{"displayTimeUnit":"ms","traceEvents":["#.utf8)
    }

    private mutating func beginEvent() {
        buffer.append(contentsOf: (firstEvent ? "\n" : ",\n").utf8)
        firstEvent = false
        eventCount += 1
    }

    private mutating func metadata(_ name: String, pid: Int, tid: Int, args: [TraceLineField]) {
        beginEvent()
        buffer.append(contentsOf: #"{"name":"#.utf8)
        JSONText.appendString(name, to: &buffer)
        buffer.append(contentsOf: #","ph":"M""#.utf8)
        appendPlace(pid: pid, tid: tid)
        buffer.append(contentsOf: #","args":"#.utf8)
        JSONText.append(.object(args), to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    private mutating func appendPlace(pid: Int, tid: Int) {
        buffer.append(contentsOf: #","pid":"#.utf8)
        buffer.append(contentsOf: String(pid).utf8)
        buffer.append(contentsOf: #","tid":"#.utf8)
        buffer.append(contentsOf: String(tid).utf8)
    }

    private mutating func appendArgs(_ record: TraceRecord) {
        var args = [
            TraceLineField(key: "trace_id", value: .string(record.traceID)),
            TraceLineField(key: "span_id", value: .string(record.spanID)),
            TraceLineField(key: "parent_span_id", value: record.parentSpanID.map { .string($0) } ?? .null),
            TraceLineField(key: "level", value: .string(record.level)),
        ]
        if record.isEvent {
            args.append(TraceLineField(key: "span", value: .string(record.span)))
            args.append(TraceLineField(key: "since_span_start_ms", value: .number(Self.millisecondsText(record.durationMicros))))
        }
        if let error = record.error { args.append(TraceLineField(key: "error", value: .string(error))) }
        args.append(contentsOf: record.fields)
        buffer.append(contentsOf: #","args":"#.utf8)
        JSONText.append(.object(args), to: &buffer)
    }

    static func millisecondsText(_ micros: Int64) -> String {
        String(WaterfallRenderer.milliseconds(micros).dropLast(3))
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !failed, !buffer.isEmpty else { return }
        if !buffer.withUnsafeBytes({ sink.write($0) }) { failed = true }
    }
}
