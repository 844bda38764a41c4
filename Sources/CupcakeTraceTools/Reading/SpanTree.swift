import CupcakeTrace

/// A trace's lines in tree order: each span followed by its events and then its children, by
/// start time. Spans whose parent is missing (a cut-short trace) become top-level rows, and
/// parent-id cycles cannot loop.
public struct SpanTree: Sendable {
    /// One row of the tree.
    public struct Row: Sendable, Equatable {
        /// The span or event line.
        public let record: TraceRecord
        /// 0 for top-level spans; events sit one level below their span.
        public let depth: Int
    }

    /// Every line of the trace, in tree order.
    public let rows: [Row]

    /// The tree of `group`'s lines.
    public init(_ group: TraceGroup) {
        let spans = group.records.filter { !$0.isEvent }
        var indexByID: [String: Int] = [:]
        for (index, span) in spans.enumerated() where indexByID[span.spanID] == nil { indexByID[span.spanID] = index }
        var children: [String: [Int]] = [:]
        var topLevel: [Int] = []
        for (index, span) in spans.enumerated() {
            if let parent = span.parentSpanID, parent != span.spanID, indexByID[parent] != nil {
                children[parent, default: []].append(index)
            } else {
                topLevel.append(index)
            }
        }
        var events: [String: [TraceRecord]] = [:]
        var strayEvents: [TraceRecord] = []
        for record in group.records where record.isEvent {
            if indexByID[record.spanID] != nil {
                events[record.spanID, default: []].append(record)
            } else {
                strayEvents.append(record)
            }
        }
        let byStart: (Int, Int) -> Bool = { left, right in
            (spans[left].startMicros, spans[left].spanID) < (spans[right].startMicros, spans[right].spanID)
        }
        var rows: [Row] = []
        var visited = [Bool](repeating: false, count: spans.count)
        // Iterative depth-first walk: deep or hostile nesting cannot overflow the stack.
        func walk(_ start: [Int]) {
            var stack: [(index: Int, depth: Int)] = start.sorted(by: byStart).reversed().map { ($0, 0) }
            while let (index, depth) = stack.popLast() {
                guard !visited[index] else { continue }
                visited[index] = true
                let span = spans[index]
                rows.append(Row(record: span, depth: depth))
                // Only the first span with an id owns its events and children.
                guard indexByID[span.spanID] == index else { continue }
                for event in (events[span.spanID] ?? []).sorted(by: { $0.startMicros < $1.startMicros }) {
                    rows.append(Row(record: event, depth: depth + 1))
                }
                for child in (children[span.spanID] ?? []).sorted(by: byStart).reversed() {
                    stack.append((child, depth + 1))
                }
            }
        }
        walk(topLevel)
        // Spans only reachable through a cycle of parent ids.
        let unreached = spans.indices.filter { !visited[$0] }
        if !unreached.isEmpty { walk(unreached) }
        rows.append(contentsOf: strayEvents.sorted { $0.startMicros < $1.startMicros }.map { Row(record: $0, depth: 0) })
        self.rows = rows
    }
}
