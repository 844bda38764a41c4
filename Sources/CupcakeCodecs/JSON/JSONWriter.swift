/// Compact JSON serialization into a byte buffer.
///
/// Object keys are written in the order of their UTF-8 bytes (as OPA and Go's encoding/json
/// do), so equal values always serialize identically.
package enum JSONWriter {
    /// `escapeHTML` additionally escapes `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, which is
    /// what Go's `json.Marshal` (and so OPA's `json.marshal`) does.
    package static func write(_ value: JSONValue, into out: inout [UInt8], escapeHTML: Bool = false) {
        switch value {
        case .null:
            appendLiteral("null", to: &out)
        case .bool(let flag):
            appendLiteral(flag ? "true" : "false", to: &out)
        case .int(let number):
            writeInteger(number, into: &out)
        case .double(let number):
            writeDouble(number, into: &out)
        case .number(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, into: &out, escapeHTML: escapeHTML)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                write(element, into: &out, escapeHTML: escapeHTML)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in sortedMembers(members) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, into: &out, escapeHTML: escapeHTML)
                out.append(UInt8(ascii: ":"))
                write(member, into: &out, escapeHTML: escapeHTML)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Members ordered by the UTF-8 bytes of their keys.
    package static func sortedMembers(_ members: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        if members.count <= 1 {
            return members.map { (key: $0.key, value: $0.value) }
        }
        return members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    @inline(__always)
    package static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    package static func writeInteger(_ number: Int64, into out: inout [UInt8]) {
        if number >= 0 && number < 10 {
            out.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of room for 20 digits
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var position = buffer.count
            while magnitude > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            return buffer.count - position
        }
        if number < 0 { out.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - count)...]))
        }
    }

    /// Shortest text that reads back as the same Double; JSON has no infinities or NaN, so
    /// those become `null`.
    package static func writeDouble(_ number: Double, into out: inout [UInt8]) {
        guard number.isFinite else {
            appendLiteral("null", to: &out)
            return
        }
        out.append(contentsOf: number.description.utf8)
    }

    package static func writeString(_ text: String, into out: inout [UInt8], escapeHTML: Bool) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            let count = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            while index < count {
                // Skip 8 plain bytes at a time (HTML escaping needs the byte loop).
                if !escapeHTML && index + 8 <= count
                    && !JSONByteScan.needsAttentionInString(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                let escape: Escape
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    escape = .byte(byte)
                } else if escapeHTML && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")) {
                    escape = .byte(byte)
                } else if escapeHTML && byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80
                            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) {
                    escape = .lineSeparator(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch escape {
                case .byte(let raw):
                    appendEscape(for: raw, to: &out)
                    index += 1
                case .lineSeparator(let scalar):
                    appendUnicodeEscape(scalar, to: &out)
                    index += 3
                }
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            out.append(UInt8(ascii: "\""))
        }
    }

    private enum Escape {
        case byte(UInt8)
        case lineSeparator(UInt16)
    }

    private static func appendEscape(for byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): appendLiteral("\\\"", to: &out)
        case UInt8(ascii: "\\"): appendLiteral("\\\\", to: &out)
        case 0x0A: appendLiteral("\\n", to: &out)
        case 0x0D: appendLiteral("\\r", to: &out)
        case 0x09: appendLiteral("\\t", to: &out)
        case 0x08: appendLiteral("\\b", to: &out)
        case 0x0C: appendLiteral("\\f", to: &out)
        default: appendUnicodeEscape(UInt16(byte), to: &out)
        }
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex.utf8Start[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

extension JSONValue {
    /// Compact JSON (no whitespace), object keys sorted by their UTF-8 bytes; non-finite
    /// doubles are written as `null`.
    package func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        JSONWriter.write(self, into: &out)
        return out
    }

    /// Appends the compact JSON form of this value (see `serialized()`) to `buffer`.
    package func serialize(into buffer: inout [UInt8]) {
        JSONWriter.write(self, into: &buffer)
    }

    /// The compact JSON form of this value as a string (see `serialized()`).
    package var jsonString: String {
        String(decoding: serialized(), as: UTF8.self)
    }
}
