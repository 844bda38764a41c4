/// Groups finished spans into batches for export. An event is held until its span arrives (a
/// span ends after its events) and attached to it. A batch is ready when a root span (no parent)
/// ends, or when it is full.
struct OTLPBatcher {
    let maxSpans: Int
    /// Events waiting for their span, bounded so a span that never ends cannot grow memory.
    let maxPendingEvents: Int
    private(set) var spans: [OTLPSpan] = []
    private var pendingEvents: [SpanID: [OTLPEvent]] = [:]
    private var pendingEventCount = 0
    /// Events dropped because too many were waiting for their spans.
    private(set) var droppedEventCount = 0

    init(maxSpans: Int = 512, maxPendingEvents: Int = 1024) {
        self.maxSpans = max(1, maxSpans)
        self.maxPendingEvents = max(0, maxPendingEvents)
    }

    /// Adds one span or event; returns true when a batch is ready to be taken.
    mutating func add(_ item: OTLPItem) -> Bool {
        switch item {
        case .event(let spanID, let event):
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
