/// Writes every line to several sinks (for example stderr and an OTLP export).
package struct TeeSink: Sink {
    package let sinks: [any Sink]

    package init(_ sinks: [any Sink]) { self.sinks = sinks }

    /// Writes to every sink, even after one fails; true only when all of them succeeded.
    package func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        var allWritten = true
        for sink in sinks where !sink.write(lines) { allWritten = false }
        return allWritten
    }

    /// Flushes every sink, sharing one deadline.
    @discardableResult
    package func flush(timeout: Double) -> Bool {
        MonotonicDeadline.flushEach(within: timeout, sinks.map { sink in { sink.flush(timeout: $0) } })
    }
}
