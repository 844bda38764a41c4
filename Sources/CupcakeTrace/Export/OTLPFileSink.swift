import Synchronization

/// Exports trace lines to a file in the OpenTelemetry Collector's file format: one
/// `ExportTraceServiceRequest` as OTLP/JSON per line, the format the Collector's file exporter
/// writes and its file receiver (`otlpjsonfile`) reads.
///
/// Lines are batched: a request is appended when a root span ends, when `maxBatchSpans` spans are
/// waiting, on ``flush(timeout:)`` and when the sink is released. Writes append with `O_APPEND`,
/// one request per `write(2)`, so several processes can share the file.
public final class OTLPFileSink: Sink {
    public let path: String
    private let file: FileSink
    private let encoder: OTLPEncoder
    private let batcher: Mutex<OTLPBatcher>
    private let dropped = Atomic<Int>(0)

    /// Opens `path` for appending (mode 0600, created if missing).
    public convenience init(path: String, maxBatchSpans: Int = 512) throws(TraceSinkError) {
        try self.init(path: path, encoder: OTLPEncoder(), maxBatchSpans: maxBatchSpans)
    }

    package init(path: String, encoder: OTLPEncoder, maxBatchSpans: Int = 512) throws(TraceSinkError) {
        self.path = path
        self.file = try FileSink(path: path)
        self.encoder = encoder
        self.batcher = Mutex(OTLPBatcher(maxSpans: maxBatchSpans))
    }

    deinit { flush(timeout: 0) }

    /// Spans that could not be written (the file write failed).
    public var droppedSpanCount: Int { dropped.load(ordering: .relaxed) }

    /// Lines that were not span or event lines and were skipped (diagnostics, damaged text).
    public var skippedLineCount: Int { batcher.withLock { $0.skippedLineCount } }

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        let ready: [OTLPSpan]? = batcher.withLock { batcher in
            batcher.add(lines: lines) ? batcher.take() : nil
        }
        guard let ready else { return true }
        return append(ready)
    }

    @discardableResult
    public func flush(timeout: Double = 0) -> Bool {
        let spans = batcher.withLock { $0.take() }
        return spans.isEmpty || append(spans)
    }

    private func append(_ spans: [OTLPSpan]) -> Bool {
        let line = encoder.encodeRequestLine(spans)
        let written = line.withUnsafeBytes { file.write($0) }
        if !written { dropped.add(spans.count, ordering: .relaxed) }
        return written
    }
}
