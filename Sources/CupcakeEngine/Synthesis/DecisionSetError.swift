/// Why a policy result could not be read as a decision set.
public enum DecisionSetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The result is not a JSON object; `found` is its JSON type name.
    case notAnObject(found: String)
    /// The value at `path` (e.g. `denials[0].reason`) has the wrong JSON type.
    case wrongType(path: String, expected: String, found: String)
    /// The number at `path` is not an integer that fits `Int`.
    case notAnInteger(path: String)

    /// E.g. `policy decision set: "denials[0].reason" must be a string, found number`.
    public var description: String {
        switch self {
        case .notAnObject(let found):
            return "policy decision set: expected a JSON object with halts, denials, blocks, asks, "
                + "modifications and add_context, found \(found)"
        case .wrongType(let path, let expected, let found):
            return "policy decision set: \"\(path)\" must be \(expected), found \(found)"
        case .notAnInteger(let path):
            return "policy decision set: \"\(path)\" must be an integer"
        }
    }
}
