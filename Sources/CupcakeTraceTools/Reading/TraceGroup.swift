import CupcakeTrace

/// The lines of one trace (one evaluation), in the order they were read.
public struct TraceGroup: Sendable, Equatable {
    /// The 32-hex-digit id shared by the trace's lines.
    public let traceID: String
    /// Span and event lines in arrival order (children before parents).
    public var records: [TraceRecord]
    /// False when the trace ended without its root line (input cut short, or too many traces open
    /// at once), or was split because it had too many lines.
    public var isComplete: Bool

    /// A trace made of `records`; `isComplete` when its root line is among them.
    public init(traceID: String, records: [TraceRecord], isComplete: Bool) {
        self.traceID = traceID
        self.records = records
        self.isComplete = isComplete
    }

    /// The root span line: the last `evaluate` or parentless span line.
    public var root: TraceRecord? { records.last(where: { $0.isRoot }) }

    /// The span lines (without event lines).
    public var spans: [TraceRecord] { records.filter { !$0.isEvent } }

    /// The earliest start in the trace, microseconds since the epoch.
    public var startMicros: Int64 { records.map(\.startMicros).min() ?? 0 }

    /// The latest span end in the trace, microseconds since the epoch.
    public var endMicros: Int64 {
        records.map { $0.isEvent ? $0.startMicros : $0.endMicros }.max() ?? 0
    }

    /// The root's duration, else the time the lines cover.
    public var durationMicros: Int64 { root?.durationMicros ?? max(0, endMicros - startMicros) }

    /// A root field such as `session_id` or `final_decision`, as text (nil when absent or null).
    public func rootText(_ key: String) -> String? {
        guard let value = root?.field(key), value != .null else { return nil }
        return value.displayText
    }
}
