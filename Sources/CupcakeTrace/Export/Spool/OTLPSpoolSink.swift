import Synchronization

/// Exports trace lines to an ``OTLPSpool`` instead of the network, for short-lived processes:
/// a hook must never wait on a collector. Lines are kept in memory and written as one batch file
/// when `maxBatchBytes` have gathered and on ``flush(timeout:)``; after a flush that spooled
/// something, `startDelivery` is called so a separate process sends the spool.
package final class OTLPSpoolSink: Sink {
    /// Where the batches go.
    package let spool: OTLPSpool
    private let maxBatchBytes: Int
    private let startDelivery: @Sendable (OTLPSpool) -> Void
    private let onWarning: @Sendable (String) -> Void
    private let state = Mutex(State())

    private struct State {
        var buffer: [UInt8] = []
        var spooledSinceFlush = false
        var warned = false
    }

    private let droppedLines = Atomic<Int>(0)

    /// - Parameters:
    ///   - maxBatchBytes: a batch file is written once this many bytes of lines have gathered.
    ///   - startDelivery: called after a flush that spooled a batch (see ``OTLPSpool/deliveryIsRunning``).
    ///   - onWarning: called once, when a batch first cannot be written.
    package init(
        spool: OTLPSpool, maxBatchBytes: Int = 1 << 20,
        startDelivery: @escaping @Sendable (OTLPSpool) -> Void,
        onWarning: @escaping @Sendable (String) -> Void = OTLPHTTPSink.warnOnStandardError
    ) {
        self.spool = spool
        self.maxBatchBytes = max(1024, maxBatchBytes)
        self.startDelivery = startDelivery
        self.onWarning = onWarning
    }

    /// Lines lost because their batch could not be written.
    package var droppedLineCount: Int { droppedLines.load(ordering: .relaxed) }

    package func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        guard !lines.isEmpty else { return true }
        let full: [UInt8]? = state.withLock { state in
            state.buffer.append(contentsOf: lines)
            guard state.buffer.count >= maxBatchBytes else { return nil }
            defer { state.buffer = [] }
            return state.buffer
        }
        guard let full else { return true }
        return store(full)
    }

    /// Writes what is gathered as a batch and starts delivery; `timeout` is not needed, as
    /// nothing here waits on the network.
    @discardableResult
    package func flush(timeout: Double = 0) -> Bool {
        let rest = state.withLock { state in
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

    private func store(_ lines: [UInt8]) -> Bool {
        do {
            try spool.append(lines)
            state.withLock { $0.spooledSinceFlush = true }
            return true
        } catch {
            droppedLines.add(lines.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }, ordering: .relaxed)
            let first = state.withLock { state in
                defer { state.warned = true }
                return !state.warned
            }
            if first { onWarning("\(error); trace lines were dropped") }
            return false
        }
    }
}
