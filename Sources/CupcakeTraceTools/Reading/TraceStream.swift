import CupcakeTrace

/// Reads trace lines from a `LineReader` and hands back whole traces as they finish (see
/// `TraceGrouper`), counting the lines that are not trace lines. Memory is bounded by the line
/// reader's and the grouper's limits, not by the input's size.
public struct TraceStream {
    private var reader: LineReader
    private var grouper: TraceGrouper
    private let traceID: String?

    /// Non-blank lines that were not trace lines: not JSON, diagnostics, too long, malformed.
    public private(set) var skippedLines = 0
    /// Trace lines read (span and event lines), including those filtered out by trace id.
    public private(set) var recordCount = 0

    /// A stream over `reader`; with `traceID`, only that trace's lines are kept.
    public init(reader: LineReader, grouper: TraceGrouper = TraceGrouper(), traceID: String? = nil) {
        self.reader = reader
        self.grouper = grouper
        self.traceID = traceID
    }

    /// The `errno` of a read that failed and ended the input early.
    public var readError: Int32? { reader.readError }

    /// Reads to the end: `record` sees every kept line, `group` every trace (complete ones as
    /// their root arrives, then the incomplete rest in the order they began). When `stop` returns
    /// true (checked after each line, say because the output went away) reading ends at once.
    public mutating func run(
        until stop: () -> Bool = { false }, record: (TraceRecord) -> Void = { _ in }, group: (TraceGroup) -> Void
    ) {
        enum Line {
            case record(TraceRecord)
            case blank
            case other
        }
        while let line = reader.next({ bytes -> Line in
            if let parsed = TraceRecord.parse(bytes) { return .record(parsed) }
            return bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) ? .blank : .other
        }) {
            switch line {
            case .blank: continue
            case .other: skippedLines += 1
            case .record(let parsed):
                recordCount += 1
                if let traceID, parsed.traceID != traceID { continue }
                record(parsed)
                for finished in grouper.add(parsed) { group(finished) }
            }
            if stop() { return }
        }
        skippedLines += reader.overlongLines
        for rest in grouper.finish() { group(rest) }
    }
}
