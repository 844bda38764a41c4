/// Where finished trace and log lines go.
///
/// `write` receives one or more complete lines, each ending in `\n`. It must hand them to the
/// destination in one operation (so concurrent evaluations never interleave), must not throw and
/// must not retry for long: a failure is reported by returning `false`, and the tracer counts the
/// lines as dropped. Tracing never fails an evaluation.
public protocol Sink: Sendable {
    /// Writes complete lines; returns `false` when they could not be written.
    func write(_ lines: UnsafeRawBufferPointer) -> Bool

    /// Hands on whatever the sink holds back (a background queue, a batch), waiting at most
    /// `timeout` seconds; true when all of it was handed on in time. Sinks that write at once
    /// need not implement it.
    @discardableResult
    func flush(timeout: Double) -> Bool
}

extension Sink {
    @discardableResult
    public func flush(timeout: Double) -> Bool { true }
}

/// How many lines `bytes` holds (its newlines): what a sink or queue counts when it drops them.
func countLines(in bytes: UnsafeRawBufferPointer) -> Int {
    bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
}
