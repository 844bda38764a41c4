/// Why a host builtin call failed. The Wasm runtime turns this into an OPA evaluation error.
package enum BuiltinError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The policy calls a builtin this host does not implement.
    case unsupported(name: String)
    /// An argument has the wrong type or an unusable value (bad base64, bad JSON, ...).
    case invalidArgument(builtin: String, message: String)
    /// The builtin was called with the wrong number of arguments.
    case wrongArgumentCount(builtin: String, expected: Int, actual: Int)

    /// The reason without the builtin's name (which callers report next to it).
    var reason: String {
        switch self {
        case .invalidArgument(_, let message): return message
        case .unsupported, .wrongArgumentCount: return description
        }
    }

    /// E.g. "base64.decode: illegal base64 data at input byte 4", or for an unknown name
    /// "builtin x is not supported by this host (supported: base64.decode, ...)".
    package var description: String {
        switch self {
        case .unsupported(let name):
            let supported = HostBuiltins.supportedNames.sorted().joined(separator: ", ")
            return "builtin \(name) is not supported by this host (supported: \(supported))"
        case .invalidArgument(let builtin, let message):
            return "\(builtin): \(message)"
        case .wrongArgumentCount(let builtin, let expected, let actual):
            let noun = expected == 1 ? "argument" : "arguments"
            return "\(builtin): expected \(expected) \(noun), got \(actual)"
        }
    }
}
