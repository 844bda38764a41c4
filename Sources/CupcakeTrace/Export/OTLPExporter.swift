import Dispatch
import Synchronization

/// Exports spans over OTLP/HTTP with JSON bodies (`POST <endpoint>/v1/traces`,
/// `Content-Type: application/json`), from a background thread of this process.
///
/// `export` only queues the span (bounded) and wakes the sender: it never waits for the network.
/// When the queue is full the span is dropped and counted. The sender batches spans (a batch ends
/// with a root span, when full, or after a quiet `linger`), POSTs each batch with a timeout, and
/// counts the spans of a failed POST as dropped; the first failure is reported once through
/// `onWarning`. ``flush(timeout:)`` waits, bounded, for the queue to drain.
public final class OTLPExporter: SpanExporter {
    package let endpoint: OTLPEndpoint
    private let shared: OTLPExportQueue

    /// Exports to `endpoint`, an `http://` or `https://` URL: a base URL gets `/v1/traces`
    /// appended (as OTEL_EXPORTER_OTLP_ENDPOINT), unless `exactPath` (as
    /// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).
    ///
    /// - Parameters:
    ///   - maxQueuedSpans: spans waiting to be sent, at most; more are dropped.
    ///   - timeout: the longest one POST may take (connect, send, status line), in seconds.
    ///   - linger: a partial batch is sent after this many quiet seconds.
    ///   - onWarning: called once, on the sender thread, when export first fails.
    public convenience init(
        endpoint: String, exactPath: Bool = false, maxQueuedSpans: Int = 8192, maxBatchSpans: Int = 512,
        timeout: Double = 2, linger: Double = 1,
        onWarning: @escaping @Sendable (String) -> Void = OTLPExporter.warnOnStandardError
    ) throws(TraceSinkError) {
        self.init(
            endpoint: try OTLPEndpoint(endpoint, exactPath: exactPath), maxQueuedSpans: maxQueuedSpans,
            maxBatchSpans: maxBatchSpans, timeout: timeout, linger: linger, onWarning: onWarning)
    }

    package init(
        endpoint: OTLPEndpoint, encoder: OTLPEncoder = OTLPEncoder(), maxQueuedSpans: Int = 8192,
        maxBatchSpans: Int = 512, timeout: Double = 2, linger: Double = 1,
        onWarning: @escaping @Sendable (String) -> Void = OTLPExporter.warnOnStandardError
    ) {
        self.endpoint = endpoint
        let shared = OTLPExportQueue(maxItems: max(1, maxQueuedSpans))
        self.shared = shared
        let sender = OTLPSender(
            endpoint: endpoint, encoder: encoder, timeout: timeout, linger: linger, maxBatchSpans: maxBatchSpans,
            queue: shared, onWarning: onWarning)
        DispatchQueue(label: "cupcake.otlp.sender").async { sender.run() }
    }

    deinit { shared.close() }

    /// The default warning: one WARN diagnostic line on standard error.
    public static let warnOnStandardError: @Sendable (String) -> Void = { message in
        DiagnosticLog(threshold: .warn, sink: FileDescriptorSink.standardError).log(.warn, message, target: "cupcake::otlp")
    }

    public func export(_ span: FinishedSpan) { shared.enqueue(OTLPItem(span)) }

    @discardableResult
    public func flush(timeout: Double) -> Bool { shared.flush(timeout: timeout) }

    /// Spans and events dropped because the queue was full.
    public var droppedQueuedCount: Int { shared.droppedItems.load(ordering: .relaxed) }
    /// Spans dropped because their POST failed.
    public var droppedSpanCount: Int { shared.droppedSpans.load(ordering: .relaxed) }
    /// Spans the collector accepted.
    public var sentSpanCount: Int { shared.sentSpans.load(ordering: .relaxed) }
}
