import CupcakeCodecs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends lines to a file (opened with `O_APPEND`, so several processes can share one file
/// without tearing lines).
public final class FileSink: Sink {
    public let path: String
    private let descriptor: FileDescriptorSink

    /// Opens `path` for appending, creating it with mode 0600 (trace lines may describe what an
    /// agent did; they are not for other users).
    public init(path: String) throws(TraceSinkError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotOpen(path: path, reason: systemErrorText(errno))
        }
        self.path = path
        self.descriptor = FileDescriptorSink(fileDescriptor: fd)
    }

    deinit { close(descriptor.fileDescriptor) }

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        descriptor.write(lines)
    }
}

/// Why a trace sink could not be set up: a file it cannot open, or an OTLP destination
/// (`CUPCAKE_TRACE_OTLP`, `--trace-otlp`, an endpoint URL) it cannot use.
public enum TraceSinkError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case invalidEndpoint(String, reason: String)
    case unknownDestination(String)
    case emptyFilePath

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "trace file \(path): cannot open for appending: \(reason)"
        case .invalidEndpoint(let text, let reason): "OTLP endpoint '\(text)': \(reason)"
        case .unknownDestination(let text):
            "OTLP destination '\(text)': expected file:<path>, http://host:port or https://host:port"
        case .emptyFilePath: "OTLP destination 'file:': the path is empty; use file:<path>"
        }
    }
}
