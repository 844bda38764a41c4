/// A Rego source cut into tokens, comments and layout dropped: enough to recognise a known
/// shape of module (the standard aggregator), not a Rego parser.
struct RegoTokens {
    enum Token: Equatable {
        case identifier(String)
        case string(String)
        case number(String)
        /// Punctuation and operators: `:=`, `==`, `[`, `|`, …
        case symbol(String)
    }

    private(set) var tokens: [Token] = []
    /// The 1-based source line of each token, for messages (`cupcake validate`).
    private(set) var lines: [Int] = []

    /// Nil when the text holds something this tokenizer does not know (an unterminated
    /// string, a stray byte): such a module is simply not recognised.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        func isIdentifierStart(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                if byte == 0x0A { line += 1 }
                index += 1
            case 0x23:  // '#': comment to the end of the line
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case 0x22:  // '"'
                guard let (text, end) = Self.quoted(bytes, from: index + 1) else { return nil }
                append(.string(text), line)
                index = end
            case 0x60:  // '`': raw string
                var end = index + 1
                while end < bytes.count, bytes[end] != 0x60 { end += 1 }
                guard end < bytes.count else { return nil }
                append(.string(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), line)
                line += bytes[(index + 1)..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                index = end + 1
            default:
                if isIdentifierStart(byte) {
                    var end = index
                    while end < bytes.count, isIdentifierStart(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                    append(.identifier(String(decoding: bytes[index..<end], as: UTF8.self)), line)
                    index = end
                } else if isDigit(byte) {
                    var end = index
                    while end < bytes.count, isDigit(bytes[end]) || bytes[end] == 0x2E { end += 1 }
                    append(.number(String(decoding: bytes[index..<end], as: UTF8.self)), line)
                    index = end
                } else {
                    let pair = index + 1 < bytes.count ? String(decoding: bytes[index...(index + 1)], as: UTF8.self) : ""
                    if [":=", "==", "!=", "<=", ">="].contains(pair) {
                        append(.symbol(pair), line)
                        index += 2
                    } else if byte < 0x80 {
                        append(.symbol(String(UnicodeScalar(byte))), line)
                        index += 1
                    } else {
                        return nil
                    }
                }
            }
        }
    }

    private mutating func append(_ token: Token, _ line: Int) {
        tokens.append(token)
        lines.append(line)
    }

    /// A double-quoted string's text (the common escapes decoded) and the index after it.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var text: [UInt8] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 { return (String(decoding: text, as: UTF8.self), index + 1) }
            if byte == 0x0A { return nil }
            if byte == 0x5C {
                guard index + 1 < bytes.count else { return nil }
                let escaped = bytes[index + 1]
                switch escaped {
                case 0x6E: text.append(0x0A)
                case 0x74: text.append(0x09)
                case 0x72: text.append(0x0D)
                case 0x22, 0x5C, 0x2F: text.append(escaped)
                // Any other escape (\u…) keeps its text: no verb name needs one, so a name
                // written with one is simply not recognised.
                default: text += [0x5C, escaped]
                }
                index += 2
                continue
            }
            text.append(byte)
            index += 1
        }
        return nil
    }
}
