/// Writes every line to several sinks (for example stderr and an OTLP export).
public struct TeeSink: FlushableSink {
    public let sinks: [any Sink]

    public init(_ sinks: [any Sink]) { self.sinks = sinks }

    /// Writes to every sink, even after one fails; true only when all of them succeeded.
    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        var allWritten = true
        for sink in sinks where !sink.write(lines) { allWritten = false }
        return allWritten
    }

    /// Flushes the sinks that hold lines back, sharing one deadline.
    @discardableResult
    public func flush(timeout: Double) -> Bool {
        let deadline = MonotonicDeadline(seconds: timeout)
        var allFlushed = true
        for case let sink as any FlushableSink in sinks where !sink.flush(timeout: deadline.remainingSeconds) {
            allFlushed = false
        }
        return allFlushed
    }
}
