/// Why an OTLP export destination (`CUPCAKE_TRACE_OTLP`, the CLI flag) could not be used.
public enum OTLPConfigurationError: Error, CustomStringConvertible, Equatable {
    case invalidEndpoint(String, reason: String)
    case unknownDestination(String)
    case emptyFilePath
    case cannotOpenFile(TraceSinkError)

    public var description: String {
        switch self {
        case .invalidEndpoint(let text, let reason):
            "OTLP endpoint '\(text)': \(reason)"
        case .unknownDestination(let text):
            "OTLP destination '\(text)': expected file:<path>, http://host:port or https://host:port"
        case .emptyFilePath:
            "OTLP destination 'file:': the path is empty; use file:<path>"
        case .cannotOpenFile(let error):
            "OTLP export: \(error)"
        }
    }
}
