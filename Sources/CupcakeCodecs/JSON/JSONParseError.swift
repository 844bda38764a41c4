/// A place in a JSON text: byte offset (0-based), line and column (1-based, columns count
/// Unicode scalars, not bytes).
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// Byte offset from the start of the input.
    public let offset: Int
    /// Line number, starting at 1.
    public let line: Int
    /// Column number within the line, starting at 1.
    public let column: Int

    /// Creates a position.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// "line 3, column 7".
    public var description: String { "line \(line), column \(column)" }

    /// Computes line and column of `offset` by scanning the input up to it (error path only).
    package static func locate(_ offset: Int, in bytes: UnsafeRawBufferPointer) -> JSONPosition {
        let limit = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // UTF-8 continuation bytes do not start a new column.
                column += 1
            }
            index += 1
        }
        return JSONPosition(offset: offset, line: line, column: column)
    }
}

/// Why a JSON text was rejected. Every case but `emptyInput` and `inputTooLarge` carries the
/// position of the offending byte; `description` reads e.g.
/// "invalid JSON at line 3, column 7: expected ',' or '}' after object member, found ']'".
public enum JSONParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input is empty or only whitespace.
    case emptyInput
    /// The input is larger than `JSONLimits.maxBytes`.
    case inputTooLarge(byteCount: Int, limit: Int)
    /// The input ends where `expected` should follow.
    case unexpectedEndOfInput(expected: String, at: JSONPosition)
    /// A byte that cannot appear here; `found` describes it, e.g. "']'" or "byte 0xFF".
    case unexpectedCharacter(expected: String, found: String, at: JSONPosition)
    /// A malformed number, e.g. a leading zero.
    case invalidNumber(reason: String, at: JSONPosition)
    /// A malformed escape sequence inside a string.
    case invalidEscape(reason: String, at: JSONPosition)
    /// A string holds bytes that are not well-formed UTF-8; `byte` is the first of them.
    case invalidUTF8(byte: UInt8, at: JSONPosition)
    /// A `\u` escape of a UTF-16 surrogate that is not half of a pair.
    case loneSurrogate(unit: UInt16, at: JSONPosition)
    /// A raw control character (below U+0020) inside a string, which RFC 8259 forbids.
    case controlCharacterInString(byte: UInt8, at: JSONPosition)
    /// Arrays/objects nested deeper than `JSONLimits.maxDepth`.
    case nestingTooDeep(limit: Int, at: JSONPosition)
    /// Something other than whitespace after the complete JSON value.
    case trailingCharacters(found: String, at: JSONPosition)

    /// Byte offset of the error, when it has one.
    public var offset: Int? { position?.offset }

    /// Position of the error, when it has one.
    public var position: JSONPosition? {
        switch self {
        case .emptyInput, .inputTooLarge:
            return nil
        case .unexpectedEndOfInput(_, let at), .unexpectedCharacter(_, _, let at),
             .invalidNumber(_, let at), .invalidEscape(_, let at),
             .invalidUTF8(_, let at), .loneSurrogate(_, let at),
             .controlCharacterInString(_, let at), .nestingTooDeep(_, let at),
             .trailingCharacters(_, let at):
            return at
        }
    }

    /// What went wrong, without the position.
    public var reason: String {
        switch self {
        case .emptyInput:
            return "empty input"
        case .inputTooLarge(let count, let limit):
            return "input is \(count) bytes, more than the limit of \(limit) bytes"
        case .unexpectedEndOfInput(let expected, _):
            return "unexpected end of input, expected \(expected)"
        case .unexpectedCharacter(let expected, let found, _):
            return "expected \(expected), found \(found)"
        case .invalidNumber(let reason, _):
            return "invalid number: \(reason)"
        case .invalidEscape(let reason, _):
            return "invalid escape in string: \(reason)"
        case .invalidUTF8(let byte, let at):
            return "invalid UTF-8 in string: byte \(JSONParseError.hexByte(byte)) at byte offset \(at.offset)"
        case .loneSurrogate(let unit, let at):
            return "lone surrogate \\u\(JSONParseError.hexUnit(unit)) in string at byte offset \(at.offset)"
        case .controlCharacterInString(let byte, _):
            return "control character \(JSONParseError.hexByte(byte)) in string must be escaped"
        case .nestingTooDeep(let limit, _):
            return "arrays and objects nested deeper than \(limit) levels"
        case .trailingCharacters(let found, _):
            return "unexpected \(found) after the JSON value"
        }
    }

    /// "invalid JSON at line L, column C: reason" (or "invalid JSON: reason" without a position).
    public var description: String {
        if let position {
            return "invalid JSON at \(position): \(reason)"
        }
        return "invalid JSON: \(reason)"
    }

    package static func hexUnit(_ unit: UInt16) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        let nibbles = [unit >> 12, (unit >> 8) & 0xF, (unit >> 4) & 0xF, unit & 0xF]
        return String(decoding: nibbles.map { digits[Int($0)] }, as: UTF8.self)
    }

    package static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
