/// Splits a shell command into words, operators and redirections the way bash reads them:
/// quotes (`'…'`, `"…"`, `$'…'`), backslash escapes, comments, heredocs, and the expansions a
/// word may hold (`$VAR`, `${…}`, `$(…)`, backquotes, `<(…)`, globs, `~`).
///
/// It never fails: unterminated quotes and substitutions run to the end of the input, as the
/// safest reading of text the shell would reject anyway. Linear in the input's length.
struct ShellLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [ShellToken] = []
    /// Whether tokens are kept (for `tokens(of:)`) instead of handed on as commands.
    private var keepsTokens = false
    private var builder = ShellCommandBuilder()
    /// Heredocs whose bodies start after the next newline: token index, delimiter, strip tabs.
    private var pendingHeredocs: [(token: Int, delimiter: String, stripTabs: Bool)] = []

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func tokens(of command: String) -> [ShellToken] {
        var lexer = ShellLexer(command)
        lexer.keepsTokens = true
        lexer.run { _ in }
        return lexer.tokens
    }

    /// Calls `body` with each simple command of `command`, in order, as soon as it is complete.
    static func forEachCommand(in command: String, _ body: (ShellCommand) -> Void) {
        var lexer = ShellLexer(command)
        lexer.run(body)
    }

    /// The command substitutions (`$(…)`, backquotes) in text the shell expands but does not
    /// split into words, such as a heredoc body: quotes there are ordinary characters.
    static func substitutions(inExpandedText text: String) -> [String] {
        var lexer = ShellLexer(text)
        var found: [String] = []
        while lexer.index < lexer.bytes.count {
            switch lexer.bytes[lexer.index] {
            case UInt8(ascii: "\\"):
                lexer.index += 2
            case UInt8(ascii: "`"):
                found.append(lexer.readBackquoted())
            case UInt8(ascii: "$") where lexer.peek(1) == UInt8(ascii: "("):
                lexer.index += 2
                found.append(lexer.readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")")))
            default:
                lexer.index += 1
            }
        }
        return found
    }

    // MARK: Top level

    private mutating func run(_ body: (ShellCommand) -> Void) {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "\n"):
                index += 1
                tokens.append(.op(.newline))
                readHeredocBodies()
            case UInt8(ascii: "#"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n"):
                index += 2  // line continuation between words
            default:
                if let op = readOperator() {
                    tokens.append(.op(op))
                } else if let redirect = readRedirect(descriptor: false) {
                    tokens.append(.redirect(redirect))
                } else {
                    readWordOrDescriptorRedirect()
                }
            }
            handOn(body)
        }
        handOn(body)
        if !keepsTokens { builder.finish(emit: body) }
    }

    /// Passes finished tokens to the command builder, unless a heredoc body still has to be
    /// attached to one of them (it follows the next newline).
    private mutating func handOn(_ body: (ShellCommand) -> Void) {
        guard !keepsTokens, pendingHeredocs.isEmpty, !tokens.isEmpty else { return }
        for token in tokens { builder.add(token, emit: body) }
        tokens.removeAll(keepingCapacity: true)
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }

    /// Operators, longest first; `&>` is a redirection and `<(`/`>(` start a word.
    private static let operators: [(StaticString, ShellOperator)] = [
        ("&&", .and), ("||", .or), (";;", .caseEnd), ("|&", .pipeBoth),
        (";", .semicolon), ("|", .pipe), ("(", .openParen), (")", .closeParen),
    ]

    private static let redirections: [(StaticString, ShellRedirect.Kind)] = [
        ("&>>", .append), ("&>", .write), ("<<<", .hereString), ("<<-", .heredoc), ("<<", .heredoc),
        ("<>", .readWrite), ("<&", .duplicate), (">&", .duplicate), (">>", .append), (">|", .write),
        ("<", .read), (">", .write),
    ]

    private mutating func readOperator() -> ShellOperator? {
        switch bytes[index] {
        case UInt8(ascii: "&"):
            if starts(with: "&>") { return nil }
            if starts(with: "&&") {
                index += 2
                return .and
            }
            index += 1
            return .background
        case UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
            for (text, op) in Self.operators where starts(with: text) {
                index += text.utf8CodeUnitCount
                return op
            }
            return nil
        default:
            return nil
        }
    }

    /// A redirection operator at `index` and its target word.
    private mutating func readRedirect(descriptor: Bool) -> ShellRedirect? {
        let first = bytes[index]
        guard first == UInt8(ascii: "<") || first == UInt8(ascii: ">") || first == UInt8(ascii: "&") else { return nil }
        if starts(with: "<(") || starts(with: ">(") { return nil }
        guard let (text, kind) = Self.redirections.first(where: { starts(with: $0.0) }) else { return nil }
        let stripTabs = text.utf8CodeUnitCount == 3 && text.utf8Start[2] == UInt8(ascii: "-")
        index += text.utf8CodeUnitCount
        while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) {
            index += 1
        }
        let target = readWord() ?? ShellWord()
        if kind == .heredoc {
            // The delimiter is the word with quotes removed.
            pendingHeredocs.append((tokens.count, target.text, stripTabs))
        }
        return ShellRedirect(kind: kind, target: target)
    }

    /// A word, or `N>`-style redirection when the word is all digits right before `<` or `>`.
    private mutating func readWordOrDescriptorRedirect() {
        let start = index
        guard let word = readWord() else {
            // A byte no rule consumes (cannot happen for the operator set above); skip it.
            index = max(index, start + 1)
            return
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">"),
           index - start > 0, bytes[start..<index].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
           let redirect = readRedirect(descriptor: true) {
            tokens.append(.redirect(redirect))
            return
        }
        tokens.append(.word(word))
    }

    private mutating func readHeredocBodies() {
        for pending in pendingHeredocs {
            var lines: [String] = []
            while index < bytes.count {
                var end = index
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var line = String(decoding: bytes[index..<end], as: UTF8.self)
                index = min(end + 1, bytes.count)
                if pending.stripTabs { line = String(line.drop { $0 == "\t" }) }
                if line == pending.delimiter || line == pending.delimiter + "\r" { break }
                lines.append(line)
            }
            if case .redirect(var redirect) = tokens[pending.token] {
                redirect.heredocBody = lines.joined(separator: "\n")
                tokens[pending.token] = .redirect(redirect)
            }
        }
        pendingHeredocs.removeAll()
    }

    // MARK: Words

    private func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
             UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            // `<(` and `>(` inside a word are process substitutions, not redirections.
            return index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "(")
        default:
            return false
        }
    }

    /// Reads one word at `index`; nil when a word ender sits there.
    private mutating func readWord() -> ShellWord? {
        var word = ShellWord()
        var literal: [UInt8] = []
        var started = false
        while index < bytes.count {
            let byte = bytes[index]
            if endsWord(byte) { break }
            let atStart = !started
            started = true
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < bytes.count {
                    if bytes[index + 1] != UInt8(ascii: "\n") { literal.append(bytes[index + 1]) }
                    index += 2
                } else {
                    literal.append(byte)
                    index += 1
                }
            case UInt8(ascii: "'"):
                index += 1
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "'") { index += 1 }
                literal.append(contentsOf: bytes[start..<index])
                index = min(index + 1, bytes.count)
            case UInt8(ascii: "\""):
                index += 1
                flush(&word, &literal)
                readDoubleQuoted(into: &word)
            case UInt8(ascii: "`"):
                flush(&word, &literal)
                word.pieces.append(.substitution(readBackquoted()))
            case UInt8(ascii: "$"):
                flush(&word, &literal)
                readDollar(into: &word)
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                // Only `<(` / `>(` reach here (see endsWord).
                flush(&word, &literal)
                index += 2
                word.pieces.append(.substitution(readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"))))
            case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "{"):
                flush(&word, &literal)
                word.pieces.append(.glob(String(UnicodeScalar(byte))))
                index += 1
            case UInt8(ascii: "~") where atStart:
                index += 1
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "/") && !endsWord(bytes[index])
                        && isNameByte(bytes[index]) {
                    index += 1
                }
                word.pieces.append(.tilde(String(decoding: bytes[start..<index], as: UTF8.self)))
            default:
                // A run of plain bytes is copied at once.
                let start = index
                index += 1
                while index < bytes.count && isPlain(bytes[index]) { index += 1 }
                literal.append(contentsOf: bytes[start..<index])
            }
        }
        flush(&word, &literal)
        return started ? word : nil
    }

    /// Whether `byte` inside a word means only itself (no quote, escape, expansion, glob or
    /// word end).
    private func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ";"),
             UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"),
             UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "{"),
             UInt8(ascii: "~"):
            return false
        default:
            return true
        }
    }

    /// Moves the literal bytes gathered so far into the word.
    private func flush(_ word: inout ShellWord, _ literal: inout [UInt8]) {
        if !literal.isEmpty {
            word.appendLiteral(String(decoding: literal, as: UTF8.self))
            literal.removeAll(keepingCapacity: true)
        }
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Inside `"…"`: `\` escapes only `$`, backquote, `"`, `\` and newline; expansions still happen.
    private mutating func readDoubleQuoted(into word: inout ShellWord) {
        var literal: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                flush(&word, &literal)
                return
            case UInt8(ascii: "\\"):
                if let next = peek(1), [UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""),
                                        UInt8(ascii: "\\"), UInt8(ascii: "\n")].contains(next) {
                    if next != UInt8(ascii: "\n") { literal.append(next) }
                    index += 2
                } else {
                    literal.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"):
                flush(&word, &literal)
                word.pieces.append(.substitution(readBackquoted()))
            case UInt8(ascii: "$"):
                flush(&word, &literal)
                readDollar(into: &word, quoted: true)
            default:
                literal.append(byte)
                index += 1
            }
        }
        flush(&word, &literal)
    }

    /// `$…` at `index`: a variable, `${…}`, `$(…)`, `$((…))`, `$'…'`, `$"…"`, or a plain `$`.
    private mutating func readDollar(into word: inout ShellWord, quoted: Bool = false) {
        index += 1
        guard index < bytes.count else {
            word.appendLiteral("$")
            return
        }
        let next = bytes[index]
        switch next {
        case UInt8(ascii: "("):
            if peek(1) == UInt8(ascii: "(") {
                index += 2
                word.pieces.append(.variable("((" + readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")")) + ")"))
                if index < bytes.count && bytes[index] == UInt8(ascii: ")") { index += 1 }
            } else {
                index += 1
                word.pieces.append(.substitution(readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"))))
            }
        case UInt8(ascii: "{"):
            index += 1
            word.pieces.append(.variable("{" + readBalanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) + "}"))
        case UInt8(ascii: "'") where !quoted:
            index += 1
            word.appendLiteral(readANSIC())
        case UInt8(ascii: "\"") where !quoted:
            index += 1
            readDoubleQuoted(into: &word)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            let start = index
            while index < bytes.count, Self.isIdentifierByte(bytes[index]) { index += 1 }
            word.pieces.append(.variable(String(decoding: bytes[start..<index], as: UTF8.self)))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"),
             UInt8(ascii: "?"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "-"):
            index += 1
            word.pieces.append(.variable(String(UnicodeScalar(next))))
        default:
            word.appendLiteral("$")
        }
    }

    /// Whether `byte` may appear in a shell variable name.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// The text up to the `close` that balances an already consumed `open`, skipping quoted
    /// text; `index` ends past `close`.
    private mutating func readBalanced(open: UInt8, close: UInt8) -> String {
        let start = index
        var depth = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "'") {
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "'") { index += 1 }
            } else if byte == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 {
                    let inner = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    return inner
                }
            }
            index += 1
        }
        index = min(index, bytes.count)
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Backquoted command substitution; `\` before `` ` ``, `\` or `$` is removed.
    private mutating func readBackquoted() -> String {
        index += 1
        var inner: [UInt8] = []
        while index < bytes.count && bytes[index] != UInt8(ascii: "`") {
            if bytes[index] == UInt8(ascii: "\\"), let next = peek(1),
               next == UInt8(ascii: "`") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$") {
                inner.append(next)
                index += 2
                continue
            }
            inner.append(bytes[index])
            index += 1
        }
        index = min(index + 1, bytes.count)
        return String(decoding: inner, as: UTF8.self)
    }

    /// `$'…'`: ANSI-C quoting, so `$'\x72\x6d'` reads as `rm`, as bash runs it.
    private mutating func readANSIC() -> String {
        var out: [UInt8] = []
        while index < bytes.count && bytes[index] != UInt8(ascii: "'") {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                out.append(byte)
                index += 1
                continue
            }
            let code = bytes[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "x"):
                appendScalar(readHex(maxDigits: 2), to: &out, asByte: true)
            case UInt8(ascii: "u"):
                appendScalar(readHex(maxDigits: 4), to: &out, asByte: false)
            case UInt8(ascii: "U"):
                appendScalar(readHex(maxDigits: 8), to: &out, asByte: false)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(code &- UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 8 {
                    value = value * 8 + UInt32(bytes[index] &- UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "c"):
                if index < bytes.count {
                    out.append(bytes[index] & 0x1F)
                    index += 1
                }
            default:
                // \\, \', \" and \? stand for themselves; unknown escapes keep the backslash.
                if ![UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?")].contains(code) {
                    out.append(UInt8(ascii: "\\"))
                }
                out.append(code)
            }
        }
        index = min(index + 1, bytes.count)
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func readHex(maxDigits: Int) -> UInt32? {
        var value: UInt32 = 0
        var digits = 0
        while digits < maxDigits, index < bytes.count, let digit = hexValue(bytes[index]) {
            value = value << 4 | UInt32(digit)
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private func appendScalar(_ value: UInt32?, to out: inout [UInt8], asByte: Bool) {
        guard let value else { return }
        if asByte {
            out.append(UInt8(truncatingIfNeeded: value))
        } else if let scalar = Unicode.Scalar(value) {
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
    }
}
