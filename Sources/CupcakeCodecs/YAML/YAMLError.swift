/// Where in a YAML text something is: 1-based line and column (columns count characters).
public struct YAMLLocation: Sendable, Equatable, CustomStringConvertible {
    /// The name the text was given (a file name), used as the message prefix.
    public var origin: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// Creates a location.
    public init(origin: String, line: Int, column: Int) {
        self.origin = origin
        self.line = line
        self.column = column
    }

    /// "origin:line:column".
    public var description: String { "\(origin):\(line):\(column)" }
}

/// Why a YAML text was rejected, and where.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not well-formed YAML (unterminated quote, bad indentation, duplicate key...).
    case syntax(YAMLLocation, String)
    /// The text uses YAML outside the supported subset (anchors, tags, several documents...).
    case unsupported(YAMLLocation, String)
    /// Collections nest deeper than the limit.
    case nestingTooDeep(YAMLLocation, limit: Int)
    /// The text is larger than the limit.
    case inputTooLarge(origin: String, byteCount: Int, limit: Int)

    /// Where the problem is (line 1, column 1 for a too-large input).
    public var location: YAMLLocation {
        switch self {
        case .syntax(let location, _), .unsupported(let location, _), .nestingTooDeep(let location, _):
            return location
        case .inputTooLarge(let origin, _, _):
            return YAMLLocation(origin: origin, line: 1, column: 1)
        }
    }

    /// The message without its location.
    public var message: String {
        switch self {
        case .syntax(_, let text): return text
        case .unsupported(_, let text): return text
        case .nestingTooDeep(_, let limit): return "collections nested deeper than \(limit) levels"
        case .inputTooLarge(_, let count, let limit): return "document of \(count) bytes is larger than the \(limit)-byte limit"
        }
    }

    /// "origin:line:column: message".
    public var description: String { "\(location): \(message)" }
}
