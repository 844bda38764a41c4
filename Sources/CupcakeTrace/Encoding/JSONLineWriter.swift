/// Builds one JSON object as bytes, for trace and log lines. Hand-written because a trace line
/// must cost well under a microsecond, and because every string must be escaped so that nothing
/// in a hook event can split or forge a line.
struct JSONLineWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 320) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func appendRaw(_ byte: UInt8) { bytes.append(byte) }
    mutating func appendRaw(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Closes the object and ends the line.
    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func key(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        appendQuoted(key, limit: Int.max)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A key whose text is known to need no escaping (the fixed keys of the contract).
    mutating func rawKey(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func field(_ key: StaticString, string value: String, limit: Int = .max) {
        rawKey(key)
        appendQuoted(value, limit: limit)
    }

    mutating func field(_ key: StaticString, asciiBytes value: [UInt8]) {
        rawKey(key)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func fieldNull(_ key: StaticString) {
        rawKey(key)
        bytes.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])  // null
    }

    /// A non-negative duration in nanoseconds as milliseconds with microsecond resolution.
    mutating func field(_ key: StaticString, milliseconds nanoseconds: UInt64) {
        rawKey(key)
        let micros = (nanoseconds + 500) / 1000
        appendDecimal(micros / 1000)
        bytes.append(UInt8(ascii: "."))
        let fraction = micros % 1000
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// A caller-supplied field; `key` is escaped, `value` rendered per its type with strings capped
    /// at `limit` UTF-8 bytes.
    mutating func field(_ key: String, _ value: TraceValue, limit: Int) {
        self.key(key)
        switch value {
        case .string(let string): appendQuoted(string, limit: limit)
        case .int(let int): appendInteger(int)
        case .double(let double): appendDouble(double)
        case .bool(let bool):
            bytes.append(contentsOf: bool ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6c, 0x73, 0x65])
        case .null: bytes.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
        case .strings(let strings):
            bytes.append(UInt8(ascii: "["))
            for (index, string) in strings.prefix(Self.maxArrayElements).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendQuoted(string, limit: limit)
            }
            if strings.count > Self.maxArrayElements {
                bytes.append(UInt8(ascii: ","))
                appendQuoted("…[+\(strings.count - Self.maxArrayElements) more]", limit: .max)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Arrays longer than this are cut, with a final element saying how many were left out.
    static let maxArrayElements = 64

    mutating func appendInteger(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude)
        } else {
            appendDecimal(UInt64(value))
        }
    }

    mutating func appendDecimal(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    mutating func appendDouble(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])  // JSON has no NaN or infinity
            return
        }
        if value == value.rounded(), value.magnitude < 1e15 {
            appendInteger(Int64(value))
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes `string` as a JSON string literal: quotes, backslashes and every control character
    /// escaped, U+2028/U+2029 escaped (they end lines in JavaScript), truncated at a character
    /// boundary to `limit` bytes with a marker saying how much was cut.
    mutating func appendQuoted(_ string: String, limit: Int) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            let cut = utf8.count > limit ? Self.characterBoundary(in: utf8, atMost: limit) : utf8.count
            appendEscaped(UnsafeBufferPointer(rebasing: utf8[0..<cut]))
            if cut < utf8.count {
                bytes.append(contentsOf: "…[+\(utf8.count - cut) bytes]".utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func characterBoundary(in utf8: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        var cut = max(0, limit)
        while cut > 0, cut < utf8.count, utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            var escape: StaticString? = nil
            var length = 1
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                escape = ""
            } else if byte == 0xE2, index + 2 < count, utf8[index + 1] == 0x80,
                utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
            {
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            }
            guard let escape else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            if length == 3 {
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                appendEscape(for: byte)
            }
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(HexWriter.digits[Int(byte >> 4)])
            bytes.append(HexWriter.digits[Int(byte & 0xF)])
        }
    }
}
