import CupcakeTrace

/// Collects records into traces with bounded memory. Spans end children first, so a trace is
/// handed back as soon as its root line arrives; traces still open at the end of the input come
/// back from `finish()` marked incomplete. At most `maxOpenTraces` traces of at most
/// `maxRecordsPerTrace` lines are held: past either limit the oldest open trace (or the full one)
/// is handed back early, marked incomplete.
public struct TraceGrouper {
    private struct Open {
        var records: [TraceRecord]
        var sequence: Int
    }

    /// Traces held at once while waiting for their roots.
    public let maxOpenTraces: Int
    /// Lines held for one trace before it is handed back in parts.
    public let maxRecordsPerTrace: Int
    private var open: [String: Open] = [:]
    private var sequence = 0

    /// A grouper holding at most `maxOpenTraces` traces of at most `maxRecordsPerTrace` lines.
    public init(maxOpenTraces: Int = 1024, maxRecordsPerTrace: Int = 10_000) {
        self.maxOpenTraces = max(1, maxOpenTraces)
        self.maxRecordsPerTrace = max(1, maxRecordsPerTrace)
    }

    /// The number of traces waiting for their root.
    public var openTraceCount: Int { open.count }

    /// Adds a record; returns the traces it finished (usually none, or its own at the root).
    public mutating func add(_ record: TraceRecord) -> [TraceGroup] {
        var done: [TraceGroup] = []
        if var entry = open.removeValue(forKey: record.traceID) {
            entry.records.append(record)
            if record.isRoot {
                done.append(TraceGroup(traceID: record.traceID, records: entry.records, isComplete: true))
            } else if entry.records.count >= maxRecordsPerTrace {
                done.append(TraceGroup(traceID: record.traceID, records: entry.records, isComplete: false))
            } else {
                open[record.traceID] = entry
            }
            return done
        }
        if record.isRoot {
            return [TraceGroup(traceID: record.traceID, records: [record], isComplete: true)]
        }
        if open.count >= maxOpenTraces, let oldest = open.min(by: { $0.value.sequence < $1.value.sequence }) {
            open.removeValue(forKey: oldest.key)
            done.append(TraceGroup(traceID: oldest.key, records: oldest.value.records, isComplete: false))
        }
        sequence += 1
        if maxRecordsPerTrace == 1 {
            done.append(TraceGroup(traceID: record.traceID, records: [record], isComplete: false))
        } else {
            open[record.traceID] = Open(records: [record], sequence: sequence)
        }
        return done
    }

    /// The traces still open, oldest first, all incomplete; the grouper is empty afterwards.
    public mutating func finish() -> [TraceGroup] {
        let rest = open.sorted { $0.value.sequence < $1.value.sequence }
        open.removeAll()
        return rest.map { TraceGroup(traceID: $0.key, records: $0.value.records, isComplete: false) }
    }
}
