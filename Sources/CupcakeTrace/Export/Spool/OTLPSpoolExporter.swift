import Synchronization

/// Exports spans to an ``OTLPSpool`` instead of the network, for short-lived processes: a hook
/// must never wait on a collector. Spans are encoded once, as OTLP/JSON span objects (one per
/// line, see ``OTLPEncoder/encodeSpanLines(_:)``), kept in memory and written as one batch file
/// when `maxBatchBytes` have gathered and on ``flush(timeout:)``; after a flush that spooled
/// something, `startDelivery` is called so a separate process sends the spool.
package final class OTLPSpoolExporter: SpanExporter {
    /// Where the batches go.
    package let spool: OTLPSpool
    private let maxBatchBytes: Int
    private let startDelivery: @Sendable (OTLPSpool) -> Void
    private let onWarning: @Sendable (String) -> Void
    private let state = Mutex(State())

    private let encoder: OTLPEncoder

    private struct State {
        var batcher = OTLPBatcher(maxSpans: 64)
        var buffer: [UInt8] = []
        var spooledSinceFlush = false
        var warned = false
    }

    private let droppedSpans = Atomic<Int>(0)

    /// - Parameters:
    ///   - maxBatchBytes: a batch file is written once this many bytes of encoded spans have gathered.
    ///   - startDelivery: called after a flush that spooled a batch (see ``OTLPSpool/deliveryIsRunning``).
    ///   - onWarning: called once, when a batch first cannot be written.
    package init(
        spool: OTLPSpool, encoder: OTLPEncoder = OTLPEncoder(), maxBatchBytes: Int = 1 << 20,
        startDelivery: @escaping @Sendable (OTLPSpool) -> Void,
        onWarning: @escaping @Sendable (String) -> Void = OTLPExporter.warnOnStandardError
    ) {
        self.spool = spool
        self.encoder = encoder
        self.maxBatchBytes = max(1024, maxBatchBytes)
        self.startDelivery = startDelivery
        self.onWarning = onWarning
    }

    /// Spans lost because their batch could not be written.
    package var droppedSpanCount: Int { droppedSpans.load(ordering: .relaxed) }

    package func export(_ span: FinishedSpan) {
        let item = OTLPItem(span)
        let full: [UInt8]? = state.withLock { state in
            guard state.batcher.add(item) else { return nil }
            state.buffer.append(contentsOf: encoder.encodeSpanLines(state.batcher.take()))
            guard state.buffer.count >= maxBatchBytes else { return nil }
            defer { state.buffer = [] }
            return state.buffer
        }
        if let full { store(full) }
    }

    /// Writes what is gathered as a batch and starts delivery; `timeout` is not needed, as
    /// nothing here waits on the network.
    @discardableResult
    package func flush(timeout: Double = 0) -> Bool {
        let rest = state.withLock { state in
            if !state.batcher.isEmpty { state.buffer.append(contentsOf: encoder.encodeSpanLines(state.batcher.take())) }
            defer { state.buffer = [] }
            return state.buffer
        }
        let stored = rest.isEmpty || store(rest)
        let spooled = state.withLock { state in
            defer { state.spooledSinceFlush = false }
            return state.spooledSinceFlush
        }
        if spooled { startDelivery(spool) }
        return stored
    }

    @discardableResult
    private func store(_ lines: [UInt8]) -> Bool {
        do {
            try spool.append(lines)
            state.withLock { $0.spooledSinceFlush = true }
            return true
        } catch {
            droppedSpans.add(OTLPSpool.countSpans(lines), ordering: .relaxed)
            let first = state.withLock { state in
                defer { state.warned = true }
                return !state.warned
            }
            if first { onWarning("\(error); spans were dropped") }
            return false
        }
    }
}
