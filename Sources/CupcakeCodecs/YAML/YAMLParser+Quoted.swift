extension YAMLParser {
    /// Parses a single- or double-quoted scalar starting at the quote; the cursor ends after the
    /// closing quote. Line breaks fold as YAML says: one break becomes a space, n empty lines n newlines.
    mutating func parseQuotedScalar() throws(YAMLError) -> String {
        let quote = peek()
        let opened = here
        let double = quote == UInt8(ascii: "\"")
        index += 1
        var output: [UInt8] = []
        while true {
            guard !atEnd else {
                throw syntax("unterminated \(double ? "double" : "single")-quoted string", at: opened)
            }
            let byte = bytes[index]
            if byte == quote {
                if !double && peek(1) == quote {
                    output.append(quote)
                    index += 2
                    continue
                }
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == 0x0A {
                try foldQuotedLineBreak(into: &output, opened: opened)
                continue
            }
            if double && byte == UInt8(ascii: "\\") {
                if peek(1) == 0x0A {
                    // Escaped line break: join the lines without a space.
                    index += 1
                    advance()
                    skipInlineSpace()
                    continue
                }
                try appendEscape(into: &output)
                continue
            }
            // Copy the run of ordinary bytes in one go.
            var end = index + 1
            while end < bytes.count {
                let next = bytes[end]
                if next == quote || next == 0x0A || next == UInt8(ascii: "\\") { break }
                end += 1
            }
            output.append(contentsOf: bytes[index..<end])
            index = end
        }
    }

    /// At a line break inside quotes: drops trailing spaces, counts empty lines, skips indentation.
    private mutating func foldQuotedLineBreak(into output: inout [UInt8], opened: YAMLLocation) throws(YAMLError) {
        while let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
        var emptyLines = 0
        advance()
        while true {
            skipInlineSpace()
            if peek() == 0x0A {
                emptyLines += 1
                advance()
                continue
            }
            break
        }
        if index - lineStart == 0 && isDocumentMarker() {
            throw syntax("unterminated quoted string: a document marker appears before the closing quote", at: opened)
        }
        if emptyLines == 0 {
            output.append(0x20)
        } else {
            output.append(contentsOf: repeatElement(0x0A, count: emptyLines))
        }
    }

    /// Decodes one backslash escape of a double-quoted scalar.
    private mutating func appendEscape(into output: inout [UInt8]) throws(YAMLError) {
        let escapeLocation = here
        let code = peek(1)
        index += 2
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "0"): simple = 0x00
        case UInt8(ascii: "a"): simple = 0x07
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"), 0x09: simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "v"): simple = 0x0B
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "e"): simple = 0x1B
        case 0x20, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): simple = code
        default: simple = nil
        }
        if let simple {
            output.append(simple)
            return
        }
        let scalarValue: UInt32
        switch code {
        case UInt8(ascii: "N"): scalarValue = 0x85
        case UInt8(ascii: "_"): scalarValue = 0xA0
        case UInt8(ascii: "L"): scalarValue = 0x2028
        case UInt8(ascii: "P"): scalarValue = 0x2029
        case UInt8(ascii: "x"): scalarValue = try readHex(digits: 2, escape: escapeLocation)
        case UInt8(ascii: "u"):
            let first = try readHex(digits: 4, escape: escapeLocation)
            if (0xD800..<0xDC00).contains(first) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw syntax("\\u escape is an unpaired surrogate", at: escapeLocation)
                }
                index += 2
                let second = try readHex(digits: 4, escape: escapeLocation)
                guard (0xDC00..<0xE000).contains(second) else {
                    throw syntax("\\u escape is an unpaired surrogate", at: escapeLocation)
                }
                scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else {
                scalarValue = first
            }
        case UInt8(ascii: "U"): scalarValue = try readHex(digits: 8, escape: escapeLocation)
        default:
            let shown = code == 0 || code == 0x0A ? "end of line" : String(decoding: [code], as: UTF8.self)
            throw syntax("unknown escape '\\\(shown)' in a double-quoted string", at: escapeLocation)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw syntax("escape does not name a valid Unicode scalar", at: escapeLocation)
        }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func readHex(digits: Int, escape: YAMLLocation) throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            let byte = peek()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("escape needs \(digits) hexadecimal digits", at: escape)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
