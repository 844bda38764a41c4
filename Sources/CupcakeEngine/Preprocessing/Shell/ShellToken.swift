/// What separates simple commands.
enum ShellOperator: String, Sendable, Equatable {
    case and = "&&"
    case or = "||"
    case semicolon = ";"
    case caseEnd = ";;"
    case pipe = "|"
    case pipeBoth = "|&"
    case background = "&"
    case newline = "\n"
    case openParen = "("
    case closeParen = ")"
}

/// A redirection: `>`, `>>`, `<`, heredocs and the rest, with its target word.
struct ShellRedirect: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `>`, `>|`, `&>`: creates or truncates the target.
        case write
        /// `>>`, `&>>`: appends to the target.
        case append
        /// `<`: reads the target.
        case read
        /// `<>`: opens the target for reading and writing.
        case readWrite
        /// `>&N`, `<&N`: duplicates a descriptor; a target that is not a number or `-` is a file
        /// (bash reads `>&file` as `&>file`).
        case duplicate
        /// `<<`, `<<-`: the body is the following lines.
        case heredoc
        /// `<<<`: the target word is the input.
        case hereString
    }

    var kind: Kind
    var target: ShellWord
    /// For heredocs: the lines up to the delimiter.
    var heredocBody: String?

    /// Whether the redirection writes to its target as a file.
    var writesTarget: Bool {
        switch kind {
        case .write, .append, .readWrite: return true
        case .duplicate:
            let text = target.text
            return !(text == "-" || (!text.isEmpty && text.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }))
        case .read, .heredoc, .hereString: return false
        }
    }
}

/// One lexical unit of a shell command.
enum ShellToken: Sendable, Equatable {
    case word(ShellWord)
    case op(ShellOperator)
    case redirect(ShellRedirect)
}
