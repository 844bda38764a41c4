/// The flags, width and precision of one verb, and the output buffer: the part of Go's fmt
/// that lays out numbers and strings.
struct GoFormatter {
    var out: [UInt8] = []

    var widthPresent = false
    var precisionPresent = false
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    /// %+v and %#v: plus and sharp moved aside for the 'v' verb.
    var plusV = false
    var sharpV = false
    var width = 0
    var precision = 0

    mutating func clearFlags() {
        widthPresent = false
        precisionPresent = false
        minus = false
        plus = false
        sharp = false
        space = false
        zero = false
        plusV = false
        sharpV = false
        width = 0
        precision = 0
    }

    // MARK: Padding

    /// Zeros pad only on the left.
    mutating func writePadding(_ count: Int) {
        guard count > 0 else { return }
        out.append(contentsOf: repeatElement(zero && !minus ? UInt8(ascii: "0") : UInt8(ascii: " "), count: count))
    }

    /// Appends `bytes`, padded to the width (counted in Unicode scalars) on the left, or on the
    /// right with '-'.
    mutating func pad(_ bytes: some Collection<UInt8>) {
        guard widthPresent && width != 0 else {
            out.append(contentsOf: bytes)
            return
        }
        let fill = width - Self.scalarCount(bytes)
        if minus {
            out.append(contentsOf: bytes)
            writePadding(fill)
        } else {
            writePadding(fill)
            out.append(contentsOf: bytes)
        }
    }

    private static func scalarCount(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    // MARK: Integers

    /// %d %b %o %O %x %X of a 64-bit integer (`isSigned` reads `value` as two's complement).
    mutating func formatInteger(_ value: UInt64, base: UInt64, isSigned: Bool, verb: UInt8, upper: Bool) {
        let negative = isSigned && Int64(bitPattern: value) < 0
        var magnitude = negative ? 0 &- value : value
        var minimumDigits = 0
        if precisionPresent {
            minimumDigits = precision
            // Precision 0 and value 0 print nothing but padding.
            if minimumDigits == 0 && magnitude == 0 {
                let savedZero = zero
                zero = false
                writePadding(width)
                zero = savedZero
                return
            }
        } else if zero && !minus && widthPresent {
            minimumDigits = width
            if negative || plus || space { minimumDigits -= 1 }
        }
        let digitTable = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var digits: [UInt8] = []
        repeat {
            digits.append(digitTable[Int(magnitude % base)])
            magnitude /= base
        } while magnitude > 0
        while digits.count < minimumDigits { digits.append(UInt8(ascii: "0")) }
        // Built backwards: prefixes are appended in reverse order too.
        if sharp {
            switch base {
            case 2:
                digits.append(UInt8(ascii: "b"))
                digits.append(UInt8(ascii: "0"))
            case 8:
                if digits.last != UInt8(ascii: "0") { digits.append(UInt8(ascii: "0")) }
            case 16:
                digits.append(upper ? UInt8(ascii: "X") : UInt8(ascii: "x"))
                digits.append(UInt8(ascii: "0"))
            default:
                break
            }
        }
        if verb == UInt8(ascii: "O") {
            digits.append(UInt8(ascii: "o"))
            digits.append(UInt8(ascii: "0"))
        }
        if negative {
            digits.append(UInt8(ascii: "-"))
        } else if plus {
            digits.append(UInt8(ascii: "+"))
        } else if space {
            digits.append(UInt8(ascii: " "))
        }
        // Zero padding was done as precision above (or is overridden by an explicit precision).
        let savedZero = zero
        zero = false
        pad(digits.reversed())
        zero = savedZero
    }

    /// %U: "U+0041", with '#' "U+0041 'A'".
    mutating func formatUnicode(_ value: UInt64) {
        var minimumDigits = 4
        if precisionPresent && precision > 4 { minimumDigits = precision }
        var hex = Array(String(value, radix: 16, uppercase: true).utf8)
        if hex.count < minimumDigits {
            hex.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumDigits - hex.count), at: 0)
        }
        var text: [UInt8] = Array("U+".utf8) + hex
        if sharp, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)), GoQuoting.isPrint(scalar) {
            text.append(contentsOf: " '".utf8)
            text.append(contentsOf: String(Character(scalar)).utf8)
            text.append(UInt8(ascii: "'"))
        }
        let savedZero = zero
        zero = false
        pad(text)
        zero = savedZero
    }

    /// %c: the character with that code point (U+FFFD when invalid).
    mutating func formatCharacter(_ value: UInt64) {
        let scalar = value <= 0x10FFFF ? (Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}") : "\u{FFFD}"
        pad(Array(String(Character(scalar)).utf8))
    }

    /// %q of an integer: a single-quoted rune literal.
    mutating func formatQuotedCharacter(_ value: UInt64) {
        let codePoint = value <= 0x10FFFF ? UInt32(value) : 0xFFFD
        pad(GoQuoting.quoteRune(codePoint, asciiOnly: plus))
    }

    // MARK: Strings

    /// The string cut to `precision` scalars, when a precision is given.
    private func truncated(_ text: String) -> String {
        guard precisionPresent else { return text }
        var result = ""
        var remaining = precision
        for scalar in text.unicodeScalars {
            if remaining <= 0 { break }
            result.unicodeScalars.append(scalar)
            remaining -= 1
        }
        return result
    }

    /// %s
    mutating func formatString(_ text: String) {
        pad(Array(truncated(text).utf8))
    }

    /// %x %X of a string: hex of its bytes; precision limits the bytes, ' ' separates them,
    /// '#' adds 0x.
    mutating func formatStringHex(_ text: String, upper: Bool) {
        let digitTable = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        let bytes = Array(text.utf8)
        let length = precisionPresent ? min(precision, bytes.count) : bytes.count
        var encodedWidth = 2 * length
        guard encodedWidth > 0 else {
            if widthPresent { writePadding(width) }
            return
        }
        if space {
            if sharp { encodedWidth *= 2 }
            encodedWidth += length - 1
        } else if sharp {
            encodedWidth += 2
        }
        if widthPresent && width > encodedWidth && !minus { writePadding(width - encodedWidth) }
        let prefix = [UInt8(ascii: "0"), upper ? UInt8(ascii: "X") : UInt8(ascii: "x")]
        if sharp { out.append(contentsOf: prefix) }
        for index in 0..<length {
            if space && index > 0 {
                out.append(UInt8(ascii: " "))
                if sharp { out.append(contentsOf: prefix) }
            }
            out.append(digitTable[Int(bytes[index] >> 4)])
            out.append(digitTable[Int(bytes[index] & 0xF)])
        }
        if widthPresent && width > encodedWidth && minus { writePadding(width - encodedWidth) }
    }

    /// %q of a string: Go-quoted, or backquoted with '#' when possible, ASCII-only with '+'.
    mutating func formatQuotedString(_ text: String) {
        let text = truncated(text)
        if sharp && GoQuoting.canBackquote(text) {
            pad(Array(("`" + text + "`").utf8))
            return
        }
        pad(GoQuoting.quote(text, asciiOnly: plus))
    }
}
