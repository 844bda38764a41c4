/// Groups trace lines into batches of spans for export. Event lines are held until their span's
/// line arrives (a span's line is written when it ends, after its events) and attached to it.
/// A batch is ready when a root span (no parent) ends, or when it is full.
struct OTLPBatcher {
    let maxSpans: Int
    /// Events waiting for their span, bounded so a span that never ends cannot grow memory.
    let maxPendingEvents: Int
    private(set) var spans: [OTLPSpan] = []
    private var pendingEvents: [SpanID: [OTLPEvent]] = [:]
    private var pendingEventCount = 0
    /// Lines that were not span or event lines (diagnostics, damaged text): skipped.
    private(set) var skippedLineCount = 0
    /// Events dropped because too many were waiting for their spans.
    private(set) var droppedEventCount = 0

    init(maxSpans: Int = 512, maxPendingEvents: Int = 1024) {
        self.maxSpans = max(1, maxSpans)
        self.maxPendingEvents = max(0, maxPendingEvents)
    }

    /// Adds every complete line in `lines`; returns true when a batch is ready to be taken.
    mutating func add(lines: UnsafeRawBufferPointer) -> Bool {
        var ready = false
        let bytes = lines.assumingMemoryBound(to: UInt8.self)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start, add(line: UnsafeBufferPointer(rebasing: bytes[start..<end])) { ready = true }
            start = end + 1
        }
        return ready
    }

    /// Adds one line (without its newline); returns true when a batch is ready.
    mutating func add(line: UnsafeBufferPointer<UInt8>) -> Bool {
        let parsed: ParsedTraceLine
        do {
            parsed = try TraceLineParser.parse(line)
        } catch {
            skippedLineCount += 1
            return false
        }
        switch parsed {
        case .event(_, let spanID, let event):
            if pendingEventCount >= maxPendingEvents {
                droppedEventCount += 1
            } else {
                pendingEvents[spanID, default: []].append(event)
                pendingEventCount += 1
            }
            return false
        case .span(var span):
            if let events = pendingEvents.removeValue(forKey: span.spanID) {
                span.events = events
                pendingEventCount -= events.count
            }
            spans.append(span)
            return span.parentSpanID == nil || spans.count >= maxSpans
        }
    }

    var isEmpty: Bool { spans.isEmpty }

    /// Takes the spans collected so far (events still waiting for their spans stay).
    mutating func take() -> [OTLPSpan] {
        let taken = spans
        spans = []
        spans.reserveCapacity(min(maxSpans, 64))
        return taken
    }
}
