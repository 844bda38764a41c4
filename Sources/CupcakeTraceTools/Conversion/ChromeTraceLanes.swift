import CupcakeTrace

/// Places a trace's spans for the Trace Event Format: times in microseconds, each child clamped
/// inside its parent (start times are cut to microseconds and durations rounded, so a child can
/// otherwise poke out by a microsecond), and spans on lanes (threads) so that on every lane spans
/// nest properly. Lane 1 holds the tree; concurrent siblings (signals run in parallel) that would
/// overlap go to further lanes.
struct ChromeTraceLanes {
    struct Placed {
        let record: TraceRecord
        let start: Int64
        let end: Int64
        let lane: Int
    }

    let spans: [Placed]
    /// The lane of each span id, for the span's events.
    let laneBySpanID: [String: Int]

    init(_ group: TraceGroup) {
        let rows = SpanTree(group).rows.filter { !$0.record.isEvent }
        // Clamp top-down: the tree order puts every parent before its children.
        var interval: [String: (start: Int64, end: Int64)] = [:]
        var clamped: [(record: TraceRecord, start: Int64, end: Int64, depth: Int)] = []
        for row in rows {
            let record = row.record
            var start = record.startMicros
            var end = record.endMicros
            if let parent = record.parentSpanID, let bounds = interval[parent] {
                start = min(max(start, bounds.start), bounds.end)
                end = max(start, min(end, bounds.end))
            }
            if interval[record.spanID] == nil { interval[record.spanID] = (start, end) }
            clamped.append((record, start, end, row.depth))
        }
        // Parents first: by start, the longer first, the shallower first.
        let order = clamped.indices.sorted {
            let left = clamped[$0]
            let right = clamped[$1]
            return (left.start, right.end, left.depth, $0) < (right.start, left.end, right.depth, $1)
        }
        // Each lane is a stack of open spans; a span fits on a lane when, after closing spans
        // that ended by its start, the lane is empty or its top is the span's own parent and
        // encloses it.
        var lanes: [[(spanID: String, end: Int64)]] = []
        var laneIndexBySpanID: [String: Int] = [:]
        var placed: [Placed] = []
        for index in order {
            let item = clamped[index]
            for lane in lanes.indices {
                while let top = lanes[lane].last, top.end <= item.start { lanes[lane].removeLast() }
            }
            func fits(_ lane: Int) -> Bool {
                guard let top = lanes[lane].last else { return true }
                return top.spanID == item.record.parentSpanID && top.end >= item.end
            }
            var chosen: Int?
            if let parent = item.record.parentSpanID, let parentLane = laneIndexBySpanID[parent], fits(parentLane) {
                chosen = parentLane
            } else {
                chosen = lanes.indices.first(where: { lanes[$0].isEmpty })
            }
            let lane: Int
            if let chosen {
                lane = chosen
            } else {
                lanes.append([])
                lane = lanes.count - 1
            }
            lanes[lane].append((item.record.spanID, item.end))
            if laneIndexBySpanID[item.record.spanID] == nil { laneIndexBySpanID[item.record.spanID] = lane }
            placed.append(Placed(record: item.record, start: item.start, end: item.end, lane: lane + 1))
        }
        self.spans = placed
        self.laneBySpanID = laneIndexBySpanID.mapValues { $0 + 1 }
    }
}
