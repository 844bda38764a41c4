import Dispatch
import Synchronization

/// Exports trace lines over OTLP/HTTP with JSON bodies (`POST <endpoint>/v1/traces`,
/// `Content-Type: application/json`).
///
/// `write` only copies the lines into a bounded queue and wakes a background sender: it never
/// waits for the network. When the queue is full the lines are dropped and counted. The sender
/// batches spans (a batch ends with a root span, when full, or after a quiet `linger`), POSTs each
/// batch with a timeout, and counts the spans of a failed POST as dropped; the first failure is
/// reported once through `onWarning`. ``flush(timeout:)`` waits, bounded, for the queue to drain.
public final class OTLPHTTPSink: Sink {
    package let endpoint: OTLPEndpoint
    private let shared: OTLPExportQueue

    /// Exports to `endpoint`, an `http://` or `https://` URL: a base URL gets `/v1/traces`
    /// appended (as OTEL_EXPORTER_OTLP_ENDPOINT), unless `exactPath` (as
    /// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).
    ///
    /// - Parameters:
    ///   - maxQueueBytes: lines waiting to be sent, at most; more are dropped.
    ///   - timeout: the longest one POST may take (connect, send, status line), in seconds.
    ///   - linger: a partial batch is sent after this many quiet seconds.
    ///   - onWarning: called once, on the sender thread, when export first fails.
    public convenience init(
        endpoint: String, exactPath: Bool = false, maxQueueBytes: Int = 4 << 20, maxBatchSpans: Int = 512,
        timeout: Double = 2, linger: Double = 1,
        onWarning: @escaping @Sendable (String) -> Void = OTLPHTTPSink.warnOnStandardError
    ) throws(TraceSinkError) {
        self.init(
            endpoint: try OTLPEndpoint(endpoint, exactPath: exactPath), maxQueueBytes: maxQueueBytes,
            maxBatchSpans: maxBatchSpans, timeout: timeout, linger: linger, onWarning: onWarning)
    }

    /// - Parameters:
    ///   - maxQueueBytes: lines waiting to be sent, at most; more are dropped.
    ///   - timeout: the longest one POST may take (connect, send, status line), in seconds.
    ///   - linger: a partial batch is sent after this many quiet seconds.
    ///   - onWarning: called once, on the sender thread, when export first fails.
    package init(
        endpoint: OTLPEndpoint, encoder: OTLPEncoder = OTLPEncoder(), maxQueueBytes: Int = 4 << 20,
        maxBatchSpans: Int = 512, timeout: Double = 2, linger: Double = 1,
        onWarning: @escaping @Sendable (String) -> Void = OTLPHTTPSink.warnOnStandardError
    ) {
        self.endpoint = endpoint
        let shared = OTLPExportQueue(maxQueueBytes: max(1024, maxQueueBytes))
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

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool { shared.enqueue(lines) }

    @discardableResult
    public func flush(timeout: Double) -> Bool { shared.flush(timeout: timeout) }

    /// Lines dropped because the queue was full.
    public var droppedLineCount: Int { shared.droppedLines.load(ordering: .relaxed) }
    /// Spans dropped because their POST failed.
    public var droppedSpanCount: Int { shared.droppedSpans.load(ordering: .relaxed) }
    /// Spans the collector accepted.
    public var sentSpanCount: Int { shared.sentSpans.load(ordering: .relaxed) }
}
