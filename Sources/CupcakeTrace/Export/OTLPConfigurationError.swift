/// Why an OTLP export destination (`CUPCAKE_TRACE_OTLP`, the CLI flag) could not be used.
public enum OTLPConfigurationError: Error, CustomStringConvertible, Equatable {
    case invalidEndpoint(String, reason: String)
    case httpsUnsupported(String)
    case unknownDestination(String)
    case emptyFilePath
    case cannotOpenFile(TraceSinkError)

    public var description: String {
        switch self {
        case .invalidEndpoint(let text, let reason):
            "OTLP endpoint '\(text)': \(reason)"
        case .httpsUnsupported(let text):
            "OTLP endpoint '\(text)': https is not supported; send to a collector over http (e.g. http://localhost:4318) and let it forward over TLS"
        case .unknownDestination(let text):
            "OTLP destination '\(text)': expected file:<path> or http://host:port"
        case .emptyFilePath:
            "OTLP destination 'file:': the path is empty; use file:<path>"
        case .cannotOpenFile(let error):
            "OTLP export: \(error)"
        }
    }
}
