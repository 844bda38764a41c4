/// Strict RFC 8259 parser over raw bytes.
///
/// Iterative (an explicit stack of open containers), so nesting depth never touches the call
/// stack. Values of open containers live on one flat stack and are moved into their
/// container when it closes.
struct JSONParser {
    private let bytes: UnsafeRawBufferPointer
    private let end: Int
    private let maxDepth: Int
    private let replacesInvalidUnicode: Bool
    private var index = 0
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    /// An array or object still open.
    private struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    init(bytes: UnsafeRawBufferPointer, limits: JSONLimits) {
        self.bytes = bytes
        self.end = bytes.count
        self.maxDepth = limits.maxDepth
        self.replacesInvalidUnicode = limits.replacesInvalidUnicode
    }

    /// Decodes the string token whose opening quote is at `start` as a document's strings are
    /// decoded; returns its text and the offset just past its closing quote. For a reader that
    /// walks an already validated document itself (`OrderedJSON`).
    static func string(
        in bytes: UnsafeRawBufferPointer, at start: Int, limits: JSONLimits
    ) throws(JSONParseError) -> (text: String, end: Int) {
        var parser = JSONParser(bytes: bytes, limits: limits)
        parser.index = start + 1
        let text = try parser.parseString()
        return (text, parser.index)
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        if index >= end { throw .emptyInput }
        let value = try parseValueTree()
        skipWhitespace()
        if index < end {
            throw .trailingCharacters(found: describe(at: index), at: position(index))
        }
        return value
    }

    private mutating func parseValueTree() throws(JSONParseError) -> JSONValue {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        if index < end && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[")) {
            // Room for a typical hook event without regrowing.
            frames.reserveCapacity(8)
            values.reserveCapacity(32)
            keys.reserveCapacity(32)
        }

        nextValue: while true {
            skipWhitespace()
            guard index < end else {
                throw .unexpectedEndOfInput(expected: "a value", at: position(index))
            }
            var value: JSONValue
            switch bytes[index] {
            case UInt8(ascii: "{"):
                if frames.count >= maxDepth {
                    throw .nestingTooDeep(limit: maxDepth, at: position(index))
                }
                index += 1
                skipWhitespace()
                if index < end && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([:])
                } else {
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    keys.append(try parseKey(after: "'{'"))
                    continue nextValue
                }
            case UInt8(ascii: "["):
                if frames.count >= maxDepth {
                    throw .nestingTooDeep(limit: maxDepth, at: position(index))
                }
                index += 1
                skipWhitespace()
                if index < end && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                index += 1
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try parseNumber()
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw .unexpectedCharacter(expected: "a value", found: describe(at: index), at: position(index))
            }

            // A value is complete: attach it to the innermost open container, closing
            // containers for as long as their closing bracket follows.
            while let frame = frames.last {
                values.append(value)
                skipWhitespace()
                let expectation = frame.isObject
                    ? "',' or '}' after object member" : "',' or ']' after array element"
                guard index < end else {
                    throw .unexpectedEndOfInput(expected: expectation, at: position(index))
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    index += 1
                    if frame.isObject {
                        keys.append(try parseKey(after: "','"))
                    }
                    continue nextValue
                }
                if frame.isObject && byte == UInt8(ascii: "}") {
                    index += 1
                    frames.removeLast()
                    value = .object(Self.makeObject(keys: &keys, values: &values, frame: frame))
                } else if !frame.isObject && byte == UInt8(ascii: "]") {
                    index += 1
                    frames.removeLast()
                    value = .array(Self.makeArray(values: &values, frame: frame))
                } else {
                    throw .unexpectedCharacter(expected: expectation, found: describe(at: index), at: position(index))
                }
            }
            return value
        }
    }

    private static func makeArray(values: inout [JSONValue], frame: Frame) -> [JSONValue] {
        let elements = Array(values[frame.valueStart...])
        values.removeSubrange(frame.valueStart...)
        return elements
    }

    private static func makeObject(keys: inout [String], values: inout [JSONValue], frame: Frame) -> [String: JSONValue] {
        let count = values.count - frame.valueStart
        var object = [String: JSONValue](minimumCapacity: count)
        for offset in 0..<count {
            // Duplicate keys: the last one wins, as in OPA and Go.
            object[keys[frame.keyStart + offset]] = values[frame.valueStart + offset]
        }
        keys.removeSubrange(frame.keyStart...)
        values.removeSubrange(frame.valueStart...)
        return object
    }

    /// Parses `"key" :` of an object member.
    private mutating func parseKey(after what: String) throws(JSONParseError) -> String {
        skipWhitespace()
        let expectation = what == "'{'" ? "a string key or '}'" : "a string key after ','"
        guard index < end else {
            throw .unexpectedEndOfInput(expected: expectation, at: position(index))
        }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw .unexpectedCharacter(expected: expectation, found: describe(at: index), at: position(index))
        }
        index += 1
        let key = try parseString()
        skipWhitespace()
        guard index < end else {
            throw .unexpectedEndOfInput(expected: "':' after object key", at: position(index))
        }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw .unexpectedCharacter(expected: "':' after object key", found: describe(at: index), at: position(index))
        }
        index += 1
        return key
    }

    // MARK: Scalars

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            default:
                return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        var offset = 0
        let count = literal.utf8CodeUnitCount
        let expected = "'\(literal)'"
        while offset < count {
            let at = start + offset
            guard at < end else {
                throw .unexpectedEndOfInput(expected: expected, at: position(at))
            }
            if bytes[at] != literal.utf8Start[offset] {
                throw .unexpectedCharacter(expected: expected, found: describe(at: at), at: position(at))
            }
            offset += 1
        }
        index = start + count
    }

    /// Parses a string body; `index` is just past the opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = index
        // Skip 8 plain bytes at a time; a word with a quote, backslash or control byte
        // (or a false positive) is finished byte by byte below. The OR of every word tells
        // whether the string holds non-ASCII bytes, which then need validating.
        var seen: UInt64 = 0
        while index + 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if JSONByteScan.needsAttentionInString(word) { break }
            seen |= word
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                if UTF8Validation.hasNonASCII(seen) { try checkUnicode(from: start, to: index) }
                index += 1
                // Validated above (or replacing is wanted): decoding repairs nothing.
                return String(decoding: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(from: start)
            }
            if byte < 0x20 {
                throw .controlCharacterInString(byte: byte, at: position(index))
            }
            seen |= UInt64(byte)
            index += 1
        }
        throw .unexpectedEndOfInput(expected: "'\"' to close the string", at: position(index))
    }

    /// Rejects ill-formed UTF-8 in `bytes[start..<end]`, unless replacing it is wanted.
    /// Escapes are ASCII, so validating a string's raw bytes validates its unescaped text.
    private func checkUnicode(from start: Int, to end: Int) throws(JSONParseError) {
        guard !replacesInvalidUnicode,
              let offset = UTF8Validation.firstInvalidOffset(in: bytes, from: start, to: end) else { return }
        throw .invalidUTF8(byte: bytes[offset], at: position(offset))
    }

    /// Slow path for strings with escapes: decodes into `scratch`.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                try checkUnicode(from: start, to: index)
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try decodeEscape()
            case 0..<0x20:
                throw .controlCharacterInString(byte: byte, at: position(index))
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw .unexpectedEndOfInput(expected: "'\"' to close the string", at: position(index))
    }

    /// Decodes one escape sequence starting at the backslash into `scratch`.
    private mutating func decodeEscape() throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < end else {
            throw .unexpectedEndOfInput(expected: "an escape character after '\\'", at: position(index))
        }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            scratch.append(code)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeStart: escapeStart)
            var scalar: UInt32 = 0xFFFD
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate pairs only with an immediately following \u low surrogate;
                // otherwise it is lone: an error, or U+FFFD with what follows decoded on its own.
                if index + 6 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                   let low = hex4(at: index + 2), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    index += 6
                }
            case 0xDC00...0xDFFF:
                break  // lone low surrogate
            default:
                scalar = UInt32(unit)
            }
            if scalar == 0xFFFD && unit != 0xFFFD && !replacesInvalidUnicode {
                throw .loneSurrogate(unit: unit, at: position(escapeStart))
            }
            appendUTF8(scalar)
        default:
            throw .invalidEscape(reason: "unknown escape \(describeEscape(code))", at: position(escapeStart))
        }
    }

    private func describeEscape(_ code: UInt8) -> String {
        if code >= 0x21 && code < 0x7F {
            return "'\\" + String(UnicodeScalar(code)) + "'"
        }
        return "'\\' followed by " + byteName(code)
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        for offset in 0..<4 {
            guard index + offset < end else {
                throw .unexpectedEndOfInput(expected: "4 hex digits after '\\u'", at: position(end))
            }
            if Self.hexDigit(bytes[index + offset]) == nil {
                throw .invalidEscape(reason: "expected 4 hex digits after '\\u'", at: position(escapeStart))
            }
        }
        let unit = hex4(at: index) ?? 0xFFFD
        index += 4
        return unit
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    private func hex4(at start: Int) -> UInt16? {
        var unit: UInt16 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexDigit(bytes[start + offset]) else { return nil }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (scalar >> 6)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (scalar >> 12)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (scalar >> 18)))
            scratch.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else {
            throw .unexpectedEndOfInput(expected: "a digit after '-'", at: position(index))
        }

        // Decimal significand (up to 19 digits), for the exact integer and fast double paths.
        // Once a digit does not fit, the number is converted from its text instead.
        var significand: UInt64 = 0
        var significandDigits = 0
        var droppedDigits = false
        var decimalExponent = 0

        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
            if index < end && isDigit(bytes[index]) {
                throw .invalidNumber(reason: "leading zeros are not allowed", at: position(start))
            }
        } else if isDigit(first) {
            while index < end, isDigit(bytes[index]) {
                accumulate(bytes[index], into: &significand, digits: &significandDigits, dropped: &droppedDigits)
                index += 1
            }
        } else {
            throw .unexpectedCharacter(expected: "a digit after '-'", found: describe(at: index), at: position(index))
        }

        var isInteger = true
        if index < end && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < end, isDigit(bytes[index]) else {
                throw digitError(expected: "a digit after '.'")
            }
            while index < end, isDigit(bytes[index]) {
                accumulate(bytes[index], into: &significand, digits: &significandDigits, dropped: &droppedDigits)
                if !droppedDigits { decimalExponent -= 1 }
                index += 1
            }
        }
        if index < end && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < end, isDigit(bytes[index]) else {
                throw digitError(expected: "a digit in the exponent")
            }
            var exponent = 0
            while index < end, isDigit(bytes[index]) {
                // Saturate: anything this large is 0 or infinity anyway.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }

        if isInteger && !droppedDigits {
            if !negative && significand <= UInt64(Int64.max) {
                return .int(Int64(significand))
            }
            if negative && significand <= UInt64(Int64.max) + 1 {
                return .int(significand == UInt64(Int64.max) + 1 ? Int64.min : -Int64(significand))
            }
        }
        if isInteger {
            // Beyond Int64: a Double would change its digits, so the text is kept.
            return .number(numberText(from: start))
        }

        // Exact fast path (Clinger): significand and power of ten both exact doubles,
        // so one correctly rounded operation gives the correctly rounded result.
        if !droppedDigits && significand <= (1 << 53) && (-22...22).contains(decimalExponent) {
            var result = Double(significand)
            if decimalExponent < 0 {
                result /= Self.powersOfTen[-decimalExponent]
            } else {
                result *= Self.powersOfTen[decimalExponent]
            }
            return .double(negative ? -result : result)
        }

        let text = numberText(from: start)
        guard let result = Double(text), result.isFinite else {
            // Beyond a Double's range (1e400): kept as written, as OPA does.
            return .number(text)
        }
        return .double(result)
    }

    private func numberText(from start: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Appends a digit to the significand while it has room (19 digits fit a UInt64);
    /// later digits are only counted via `dropped`.
    @inline(__always)
    private func accumulate(_ byte: UInt8, into significand: inout UInt64, digits: inout Int, dropped: inout Bool) {
        if dropped { return }
        if digits < 19 {
            significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            if significand != 0 { digits += 1 }
        } else {
            dropped = true
        }
    }

    private func digitError(expected: String) -> JSONParseError {
        if index >= end {
            return .unexpectedEndOfInput(expected: expected, at: position(index))
        }
        return .invalidNumber(reason: "expected \(expected), found \(describe(at: index))", at: position(index))
    }

    // MARK: Error reporting

    private func position(_ offset: Int) -> JSONPosition {
        JSONPosition.locate(offset, in: bytes)
    }

    /// Describes the byte at `offset` for an error message.
    private func describe(at offset: Int) -> String {
        if offset == 0 && end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return "a UTF-8 byte order mark"
        }
        return byteName(bytes[offset])
    }

    private func byteName(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F {
            return "'" + String(UnicodeScalar(byte)) + "'"
        }
        return "byte " + JSONParseError.hexByte(byte)
    }
}
