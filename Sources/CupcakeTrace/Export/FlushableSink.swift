/// A sink that holds lines back (batching, a send queue) and can be told to hand them on.
public protocol FlushableSink: Sink {
    /// Writes out everything held, waiting at most `timeout` seconds; returns true when all of
    /// it was handed on in time.
    @discardableResult
    func flush(timeout: Double) -> Bool
}
