/// Go's strconv quoting rules (Quote, QuoteToASCII, QuoteRune, CanBackquote, IsPrint), which
/// OPA's sprintf and its value printing rely on.
enum GoQuoting {
    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x20 && value < 0x7F }
        if value <= 0xFF { return value >= 0xA1 && value != 0xAD }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `strconv.Quote` (or `QuoteToASCII` when `asciiOnly`): a double-quoted Go string literal.
    static func quote(_ text: String, asciiOnly: Bool = false) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, quote: UInt8(ascii: "\""), asciiOnly: asciiOnly, to: &out)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// `strconv.QuoteRune` (or `QuoteRuneToASCII`): a single-quoted Go rune literal; invalid
    /// code points (surrogates, beyond U+10FFFF) print as U+FFFD.
    static func quoteRune(_ codePoint: UInt32, asciiOnly: Bool = false) -> [UInt8] {
        let scalar = Unicode.Scalar(codePoint) ?? "\u{FFFD}"
        var out: [UInt8] = [UInt8(ascii: "'")]
        appendEscaped(scalar, quote: UInt8(ascii: "'"), asciiOnly: asciiOnly, to: &out)
        out.append(UInt8(ascii: "'"))
        return out
    }

    /// `strconv.CanBackquote`: no control characters other than tab, no backquote, no BOM.
    static func canBackquote(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 {
                if scalar.value == 0xFEFF { return false }
                continue
            }
            if (scalar.value < 0x20 && scalar != "\t") || scalar == "`" || scalar.value == 0x7F { return false }
        }
        return true
    }

    /// "U+0067" and, with `withCharacter` and a printable code point, "U+0067 'g'" (Go's %#U).
    static func unicodeNotation(_ codePoint: UInt32, withCharacter: Bool) -> String {
        var hex = String(codePoint, radix: 16, uppercase: true)
        while hex.utf8.count < 4 { hex = "0" + hex }
        var result = "U+" + hex
        if withCharacter, let scalar = Unicode.Scalar(codePoint), isPrint(scalar) {
            result += " '" + String(Character(scalar)) + "'"
        }
        return result
    }

    static func appendEscaped(_ scalar: Unicode.Scalar, quote: UInt8, asciiOnly: Bool, to out: inout [UInt8]) {
        let value = scalar.value
        if value == UInt32(quote) || value == 0x5C {
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(value))
            return
        }
        if asciiOnly ? (value < 0x80 && isPrint(scalar)) : isPrint(scalar) {
            out.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        switch value {
        case 0x07: out.append(contentsOf: "\\a".utf8)
        case 0x08: out.append(contentsOf: "\\b".utf8)
        case 0x0C: out.append(contentsOf: "\\f".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x0B: out.append(contentsOf: "\\v".utf8)
        case 0..<0x20, 0x7F:
            appendHex(value, digits: 2, prefix: "\\x", to: &out)
        case 0..<0x10000:
            appendHex(value, digits: 4, prefix: "\\u", to: &out)
        default:
            appendHex(value, digits: 8, prefix: "\\U", to: &out)
        }
    }

    private static func appendHex(_ value: UInt32, digits: Int, prefix: StaticString, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        for position in stride(from: digits - 1, through: 0, by: -1) {
            out.append(hex.utf8Start[Int((value >> UInt32(4 * position)) & 0xF)])
        }
    }
}
