import Synchronization

/// Exports spans to a file in the OpenTelemetry Collector's file format: one
/// `ExportTraceServiceRequest` as OTLP/JSON per line, the format the Collector's file exporter
/// writes and its file receiver (`otlpjsonfile`) reads.
///
/// Spans are batched: a request is appended when a root span ends, when `maxBatchSpans` spans are
/// waiting, on ``flush(timeout:)`` and when the exporter is released. Writes append with
/// `O_APPEND`, one request per `write(2)`, so several processes can share the file.
package final class OTLPFileExporter: SpanExporter {
    package let path: String
    private let file: FileSink
    private let encoder: OTLPEncoder
    private let batcher: Mutex<OTLPBatcher>
    private let dropped = Atomic<Int>(0)

    /// Opens `path` for appending (mode 0600, created if missing).
    package init(path: String, encoder: OTLPEncoder = OTLPEncoder(), maxBatchSpans: Int = 512) throws(TraceSinkError) {
        self.path = path
        self.file = try FileSink(path: path)
        self.encoder = encoder
        self.batcher = Mutex(OTLPBatcher(maxSpans: maxBatchSpans))
    }

    deinit { flush(timeout: 0) }

    /// Spans that could not be written (the file write failed).
    package var droppedSpanCount: Int { dropped.load(ordering: .relaxed) }

    package func export(_ span: FinishedSpan) {
        add(OTLPItem(span))
    }

    /// Adds a span or event already in OTLP's shape (a trace file being converted).
    package func add(_ item: OTLPItem) {
        let ready: [OTLPSpan]? = batcher.withLock { batcher in
            batcher.add(item) ? batcher.take() : nil
        }
        if let ready { append(ready) }
    }

    @discardableResult
    package func flush(timeout: Double = 0) -> Bool {
        let spans = batcher.withLock { $0.take() }
        return spans.isEmpty || append(spans)
    }

    @discardableResult
    private func append(_ spans: [OTLPSpan]) -> Bool {
        let line = encoder.encodeRequestLine(spans)
        let written = line.withUnsafeBytes { file.write($0) }
        if !written { dropped.add(spans.count, ordering: .relaxed) }
        return written
    }
}
