/// One word of a shell command after quote removal, as a list of pieces: what the shell takes
/// literally, and what it would still expand (globs, variables, command substitutions, `~`).
struct ShellWord: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        /// Text taken literally (quoted, escaped, or plain).
        case literal(String)
        /// An unquoted glob or brace-expansion character: `*`, `?`, `[`, `{`.
        case glob(String)
        /// `$NAME`, `${...}`, `$1`, `$((...))`: the text between `$`/`${` and the end.
        case variable(String)
        /// `$(...)`, backquotes, `<(...)`, `>(...)`: the command text inside.
        case substitution(String)
        /// An unquoted `~` or `~user` at the start of the word; the user name or "".
        case tilde(String)
    }

    var pieces: [Piece] = []

    /// Whether the shell would take every piece literally.
    var isLiteral: Bool {
        pieces.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The word as the shell would pass it when nothing expands (globs and expansions written
    /// out as their source text): command names and option flags are compared with this.
    var text: String {
        if pieces.count == 1, case .literal(let text) = pieces[0] { return text }
        var result = ""
        for piece in pieces {
            switch piece {
            case .literal(let text), .glob(let text): result += text
            case .variable(let name): result += "$" + name
            case .substitution(let command): result += "$(" + command + ")"
            case .tilde(let user): result += "~" + user
            }
        }
        return result
    }

    /// Command texts substituted into this word.
    var substitutions: [String] {
        pieces.compactMap { if case .substitution(let command) = $0 { command } else { nil } }
    }

    mutating func appendLiteral(_ text: String) {
        if case .literal(let previous)? = pieces.last {
            pieces[pieces.count - 1] = .literal(previous + text)
        } else {
            pieces.append(.literal(text))
        }
    }
}
