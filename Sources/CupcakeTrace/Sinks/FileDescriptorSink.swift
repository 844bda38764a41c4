import CupcakeCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes lines to a file descriptor with one `write(2)` each: standard error by default.
///
/// A closed descriptor, a pipe whose reader went away or a full disk makes the write fail; the
/// lines are then dropped and counted, never retried. `SIGPIPE` is ignored when it still has its
/// default action, so a vanished reader cannot kill the process through tracing.
public struct FileDescriptorSink: Sink {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        IgnoreSIGPIPE.once()
    }

    /// Standard error, the default destination of trace lines.
    public static var standardError: FileDescriptorSink { FileDescriptorSink(fileDescriptor: 2) }

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        // Writes of one line to a pipe are atomic up to PIPE_BUF; longer or partial writes continue
        // where they stopped so nothing is lost. EINTR is the only error worth another attempt.
        systemWriteAll(fileDescriptor, lines) == nil
    }
}

enum IgnoreSIGPIPE {
    private static let done: Bool = {
        var current = sigaction()
        if sigaction(SIGPIPE, nil, &current) == 0 {
            #if canImport(Glibc)
            let isDefault = current.__sigaction_handler.sa_handler == nil
            #else
            let isDefault = current.__sigaction_u.__sa_handler == nil
            #endif
            if isDefault { signal(SIGPIPE, SIG_IGN) }
        }
        return true
    }()

    static func once() { _ = done }
}
