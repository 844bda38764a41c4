/// Reads the text OPA's `opa_value_dump` writes: JSON, plus sets (`{1,2}`, and `set()` when
/// empty) and object keys of any type. Strings and numbers are checked and decoded by the JSON
/// parser, token by token; numbers keep their text.
///
/// Iterative (an explicit stack of open collections), so the nesting depth, bounded by
/// `maxDepth`, never touches the call stack here.
struct RegoValueParser {
    /// Deepest nesting accepted, as for JSON (code walking the value recurses).
    static let maxDepth = JSONLimits().maxDepth

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    /// An open collection: where its values start on the value stack, and what comes next.
    private struct Frame {
        enum State {
            case array
            /// After `{` and one element: a ':' makes it an object, ',' or '}' a set.
            case braceFirst
            case objectKey
            case objectValue
            case set
        }

        var state: State
        var start: Int
    }

    /// Parses one complete value; nothing but whitespace may follow it.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(RegoValueParseError) -> RegoValue {
        var parser = RegoValueParser(bytes: bytes)
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw .unexpectedCharacter(expected: "the end of the text", found: parser.describe(parser.index), at: parser.index)
        }
        return value
    }

    /// Parses a value held in a string (for tests and callers holding text).
    static func parse(_ text: String) throws(RegoValueParseError) -> RegoValue {
        var text = text
        let outcome = text.withUTF8 { buffer in
            Result { () throws(RegoValueParseError) -> RegoValue in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try outcome.get()
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private mutating func parseValue() throws(RegoValueParseError) -> RegoValue {
        var frames: [Frame] = []
        var values: [RegoValue] = []

        nextValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw .unexpectedEnd(expected: "a value", at: index) }
            var value: RegoValue
            switch bytes[index] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isArray = bytes[index] == UInt8(ascii: "[")
                guard frames.count < Self.maxDepth else { throw .nestingTooDeep(limit: Self.maxDepth, at: index) }
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: isArray ? "]" : "}") {
                    index += 1
                    value = isArray ? .array([]) : .object([])
                } else {
                    frames.append(Frame(state: isArray ? .array : .braceFirst, start: values.count))
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try number()
            case UInt8(ascii: "t"):
                try expectWord("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectWord("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectWord("null")
                value = .null
            case UInt8(ascii: "s"):
                try emptySet()
                value = .set([])
            default:
                throw .unexpectedCharacter(expected: "a value", found: describe(index), at: index)
            }

            // A value is complete: hand it to the innermost open collection, closing collections
            // for as long as their closing bracket follows.
            while let frame = frames.last {
                values.append(value)
                skipWhitespace()
                let expected = Self.expectation(after: frame.state)
                guard index < bytes.count else { throw .unexpectedEnd(expected: expected, at: index) }
                let byte = bytes[index]
                index += 1
                let top = frames.count - 1
                switch (frame.state, byte) {
                case (.array, UInt8(ascii: ",")), (.set, UInt8(ascii: ",")):
                    continue nextValue
                case (.braceFirst, UInt8(ascii: ",")):
                    frames[top].state = .set
                    continue nextValue
                case (.braceFirst, UInt8(ascii: ":")), (.objectKey, UInt8(ascii: ":")):
                    frames[top].state = .objectValue
                    continue nextValue
                case (.objectValue, UInt8(ascii: ",")):
                    frames[top].state = .objectKey
                    continue nextValue
                case (.array, UInt8(ascii: "]")):
                    value = .array(Array(values[frame.start...]))
                case (.braceFirst, UInt8(ascii: "}")), (.set, UInt8(ascii: "}")):
                    value = RegoValue.makeSet(values[frame.start...])
                case (.objectValue, UInt8(ascii: "}")):
                    value = Self.object(from: values[frame.start...])
                default:
                    throw .unexpectedCharacter(expected: expected, found: describe(index - 1), at: index - 1)
                }
                values.removeSubrange(frame.start...)
                frames.removeLast()
            }
            return value
        }
    }

    private static func expectation(after state: Frame.State) -> String {
        switch state {
        case .array: return "',' or ']' after an array element"
        case .braceFirst: return "':' after an object key, or ',' or '}' after a set element"
        case .objectKey: return "':' after an object key"
        case .objectValue: return "',' or '}' after an object member"
        case .set: return "',' or '}' after a set element"
        }
    }

    /// Keys and values alternate on the stack.
    private static func object(from flat: ArraySlice<RegoValue>) -> RegoValue {
        var members: [RegoValue.Member] = []
        members.reserveCapacity(flat.count / 2)
        var position = flat.startIndex
        while position + 1 < flat.endIndex {
            members.append(RegoValue.Member(key: flat[position], value: flat[position + 1]))
            position += 2
        }
        return RegoValue.makeObject(members)
    }

    // MARK: Tokens

    /// A string token, from its opening quote to the closing one, decoded by the JSON parser
    /// (escapes, UTF-8; invalid text becomes U+FFFD, as for every value leaving a policy).
    private mutating func string() throws(RegoValueParseError) -> RegoValue {
        let start = index
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index < bytes.count else { throw .unexpectedEnd(expected: "'\"' to close the string", at: bytes.count) }
        index += 1
        guard case .string(let text) = try json(from: start) else {
            throw .invalidToken(reason: "not a string", at: start)
        }
        return .string(text)
    }

    /// A number token, checked against JSON's grammar and kept as written.
    private mutating func number() throws(RegoValueParseError) -> RegoValue {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        switch try json(from: start) {
        case .int, .double, .number:
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        default:
            throw .invalidToken(reason: "not a number", at: start)
        }
    }

    private func json(from start: Int) throws(RegoValueParseError) -> JSONValue {
        do {
            return try JSONValue.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<index]), limits: .lenient)
        } catch {
            throw .invalidToken(reason: error.reason, at: start + (error.offset ?? 0))
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    /// `set()`, with optional whitespace inside the parentheses as OPA's reader allows.
    private mutating func emptySet() throws(RegoValueParseError) {
        try expectWord("set(")
        skipWhitespace()
        guard index < bytes.count else { throw .unexpectedEnd(expected: "')' to close set(", at: index) }
        guard bytes[index] == UInt8(ascii: ")") else {
            throw .unexpectedCharacter(expected: "')' to close set(", found: describe(index), at: index)
        }
        index += 1
    }

    private mutating func expectWord(_ word: StaticString) throws(RegoValueParseError) {
        let expected = "'\(word)'"
        for offset in 0..<word.utf8CodeUnitCount {
            let at = index + offset
            guard at < bytes.count else { throw .unexpectedEnd(expected: expected, at: at) }
            guard bytes[at] == word.utf8Start[offset] else {
                throw .unexpectedCharacter(expected: expected, found: describe(at), at: at)
            }
        }
        index += word.utf8CodeUnitCount
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func describe(_ offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        return "byte " + JSONParseError.hexByte(byte)
    }
}
