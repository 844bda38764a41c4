/// Writes lines to a file descriptor from a background thread (see ``BackgroundWriter``): the
/// traced thread copies its lines and goes on, and a stalled reader cannot block it. This is the
/// sink a tracer configured from the environment writes standard error with.
///
/// Lines reach the descriptor in order within about a millisecond, and at the latest when
/// ``flush(timeout:)`` or `exit` runs; a process that crashes can lose that last millisecond.
/// While 8 MiB wait unwritten, new lines are dropped and counted.
public struct BackgroundFileDescriptorSink: FlushableSink {
    public let fileDescriptor: Int32
    let writer: BackgroundWriter

    public init(fileDescriptor: Int32) {
        self.init(fileDescriptor: fileDescriptor, writer: .shared)
    }

    /// A sink on a writer of its own (tests, so that they do not share the process's queue).
    init(fileDescriptor: Int32, writer: BackgroundWriter) {
        self.fileDescriptor = fileDescriptor
        self.writer = writer
        IgnoreSIGPIPE.once()
    }

    /// Standard error, written in the background.
    public static var standardError: BackgroundFileDescriptorSink { BackgroundFileDescriptorSink(fileDescriptor: 2) }

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        writer.enqueue(lines, to: fileDescriptor)
    }

    /// Writes every queued line (of every descriptor, keeping their order) now, on the calling
    /// thread. `timeout` is not needed: local writes do not wait on a peer.
    @discardableResult
    public func flush(timeout: Double) -> Bool {
        writer.flush()
    }

    /// Writes every line queued for any background sink now. Call it before writing to the same
    /// descriptor directly, so that lines come out in the order they were produced.
    @discardableResult
    public static func flushAll() -> Bool {
        BackgroundWriter.shared.flush()
    }
}
