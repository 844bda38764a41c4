/// A JSON value as the trace-line parser needs it: numbers keep their text so integers,
/// doubles and exact millisecond durations can each be read without a lossy round trip.
enum ScannedJSON {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([ScannedJSON])
    /// A nested object, kept as its JSON text (our lines never have one; others' might).
    case object(String)
}

/// A small JSON reader over the bytes of one line. It only needs to read our own flat lines, but
/// it must never crash or loop on anything else: every read is bounds-checked and nesting is capped.
struct FlatJSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    static let maxDepth = 32

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func fail() -> TraceLineParseError { .malformedJSON(offset: index) }

    /// Consumes `byte` after optional whitespace, or throws.
    mutating func expect(_ byte: UInt8) throws(TraceLineParseError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw fail() }
        index += 1
    }

    /// Consumes `byte` after optional whitespace if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The bytes of the next string when it has no escapes (our keys never do), consumed;
    /// `nil`, consuming nothing, when it has escapes or is not a string.
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                index = end + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            end += 1
        }
        return nil
    }

    mutating func parseString() throws(TraceLineParseError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // Fast path: no escapes, the common case for our lines.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail() }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw fail() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"): appendScalar(try parseUnicodeEscape(), to: &out)
                default: throw fail()
                }
            default:
                if byte < 0x20 { throw fail() }
                out.append(byte)
            }
        }
        throw fail()
    }

    /// A `\uXXXX` escape (the `\u` already read), joining a surrogate pair; a lone surrogate
    /// becomes U+FFFD rather than an error, as lenient readers do.
    private mutating func parseUnicodeEscape() throws(TraceLineParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        if first >= 0xD800, first < 0xDC00 {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try parseHex4()
                if second >= 0xDC00, second < 0xE000 {
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                index = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(TraceLineParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: throw fail()
            }
            value = value << 4 | UInt32(nibble)
            index += 1
        }
        return value
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    mutating func parseValue(depth: Int = 0) throws(TraceLineParseError) -> ScannedJSON {
        guard depth < Self.maxDepth else { throw .tooDeep }
        skipWhitespace()
        guard index < bytes.count else { throw fail() }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "["):
            index += 1
            var elements: [ScannedJSON] = []
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                elements.append(try parseValue(depth: depth + 1))
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .array(elements)
        case UInt8(ascii: "{"):
            let start = index
            try skipObject(depth: depth)
            return .object(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumberText())
        default:
            throw fail()
        }
    }

    private mutating func skipObject(depth: Int) throws(TraceLineParseError) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            _ = try parseString()
            try expect(UInt8(ascii: ":"))
            _ = try parseValue(depth: depth + 1)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    private mutating func literal(_ word: StaticString) throws(TraceLineParseError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
        index += count
    }

    /// The text of a JSON number, validated against the JSON grammar.
    private mutating func parseNumberText() throws(TraceLineParseError) -> String {
        let start = index
        func digits(_ scanner: inout FlatJSONScanner) -> Int {
            let begin = scanner.index
            while scanner.index < scanner.bytes.count, scanner.bytes[scanner.index] &- UInt8(ascii: "0") < 10 {
                scanner.index += 1
            }
            return scanner.index - begin
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits(&self) > 0 else { throw fail() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw fail() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw fail() }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }
}
