/// Writes lines to a file descriptor from a background thread (see ``BackgroundWriter``): the
/// traced thread copies its lines and goes on, and a stalled reader cannot block it. This is the
/// sink a tracer configured from the environment writes standard error with; ``Tracer/flush(timeout:)``
/// writes what it holds.
///
/// Lines reach the descriptor in order within about a millisecond, and at the latest when
/// ``flush(timeout:)`` or `exit` runs; a process that crashes can lose that last millisecond.
/// While 8 MiB wait unwritten, new lines are dropped and counted. Flush before closing the
/// descriptor: lines still queued would be written to whatever file the number names next.
package struct BackgroundFileDescriptorSink: Sink {
    package let fileDescriptor: Int32
    let writer: BackgroundWriter

    package init(fileDescriptor: Int32) {
        self.init(fileDescriptor: fileDescriptor, writer: .shared)
    }

    /// A sink on a writer of its own (tests, so that they do not share the process's queue).
    init(fileDescriptor: Int32, writer: BackgroundWriter) {
        self.fileDescriptor = fileDescriptor
        self.writer = writer
        IgnoreSIGPIPE.once()
    }

    /// Standard error, written in the background.
    package static var standardError: BackgroundFileDescriptorSink { BackgroundFileDescriptorSink(fileDescriptor: 2) }

    package func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        writer.enqueue(lines, to: fileDescriptor)
    }

    /// Lines this sink's writer accepted but could not write (a failed write, or a flush that ran
    /// out of time); process-wide for the shared writer. Lines refused at the 8 MiB limit are
    /// counted by the tracer instead.
    package var unwrittenLineCount: Int { writer.unwrittenLines.load(ordering: .relaxed) }

    /// Writes every queued line (of every descriptor, keeping their order) now, on the calling
    /// thread, waiting at most `timeout` seconds for a reader that is slow or gone; false when
    /// lines were left unwritten.
    @discardableResult
    package func flush(timeout: Double) -> Bool {
        writer.flush(timeout: timeout)
    }

    /// Writes every line queued for any background sink now (waiting at most `timeout` seconds).
    /// Call it before writing to the same descriptor directly, so that lines come out in the
    /// order they were produced.
    @discardableResult
    package static func flushAll(timeout: Double = 1) -> Bool {
        BackgroundWriter.shared.flush(timeout: timeout)
    }
}
