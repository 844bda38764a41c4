/// Why the text of a Rego value (from `opa_value_dump`) could not be read. `description` reads
/// e.g. "at byte 7: expected ',' or '}' after a set element, found ':'".
enum RegoValueParseError: Error, Equatable, CustomStringConvertible {
    /// The text ends where `expected` should follow.
    case unexpectedEnd(expected: String, at: Int)
    /// A byte that cannot appear here; `found` describes it.
    case unexpectedCharacter(expected: String, found: String, at: Int)
    /// A string or number token that is not valid JSON; `reason` says why.
    case invalidToken(reason: String, at: Int)
    /// Collections nested deeper than `limit`.
    case nestingTooDeep(limit: Int, at: Int)

    var description: String {
        switch self {
        case .unexpectedEnd(let expected, let at):
            return "at byte \(at): unexpected end of the text, expected \(expected)"
        case .unexpectedCharacter(let expected, let found, let at):
            return "at byte \(at): expected \(expected), found \(found)"
        case .invalidToken(let reason, let at):
            return "at byte \(at): \(reason)"
        case .nestingTooDeep(let limit, let at):
            return "at byte \(at): collections nested deeper than \(limit) levels"
        }
    }
}
