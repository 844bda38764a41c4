import CupcakeCodecs
/// A JSON document that keeps its members in the order written and its numbers as written, for
/// editing a user's settings file: `cupcake init` adds its hooks and writes the file back with
/// every other key, value and order as it was (only whitespace is normalized).
enum OrderedJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's text exactly as written.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    static func == (left: OrderedJSON, right: OrderedJSON) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The member `key` of an object (the last one, as JSON parsers read duplicates).
    subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The object with `key` set to `value`: replaced where it stands, or appended.
    func setting(_ key: String, to value: OrderedJSON) -> OrderedJSON {
        guard case .object(var members) = self else { return .object([(key, value)]) }
        if let index = members.lastIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    // MARK: - Parsing

    /// Parses `text` strictly: the engine's own parser validates it first (UTF-8, escapes, depth,
    /// size), so this one only rebuilds the tree in order.
    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> OrderedJSON {
        _ = try JSONValue.parse(bytes)
        var reader = Reader(bytes: bytes)
        return reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func document() -> OrderedJSON {
            let value = self.value()
            return value
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        // The input is known to be valid JSON, so each branch reads what it finds.
        mutating func value() -> OrderedJSON {
            skipSpace()
            guard index < bytes.count else { return .null }
            switch bytes[index] {
            case 0x7B:
                index += 1
                var members: [(key: String, value: OrderedJSON)] = []
                while true {
                    skipSpace()
                    if index >= bytes.count || bytes[index] == 0x7D { index += 1; break }
                    if bytes[index] == 0x2C { index += 1; continue }
                    let key = string()
                    skipSpace()
                    index += 1  // ':'
                    members.append((key, value()))
                }
                return .object(members)
            case 0x5B:
                index += 1
                var elements: [OrderedJSON] = []
                while true {
                    skipSpace()
                    if index >= bytes.count || bytes[index] == 0x5D { index += 1; break }
                    if bytes[index] == 0x2C { index += 1; continue }
                    elements.append(value())
                }
                return .array(elements)
            case 0x22:
                return .string(string())
            case 0x74:
                index += 4
                return .bool(true)
            case 0x66:
                index += 5
                return .bool(false)
            case 0x6E:
                index += 4
                return .null
            default:
                let start = index
                while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        /// A string token, its escapes decoded (surrogate pairs joined; the validator has refused
        /// lone ones).
        mutating func string() -> String {
            index += 1
            var out: [UInt8] = []
            var pendingHigh: UInt32?
            while index < bytes.count, bytes[index] != 0x22 {
                let byte = bytes[index]
                guard byte == 0x5C, index + 1 < bytes.count else {
                    out.append(byte)
                    index += 1
                    continue
                }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    let hex = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
                    index += 4
                    let unit = UInt32(hex, radix: 16) ?? 0xFFFD
                    if (0xD800...0xDBFF).contains(unit) {
                        pendingHigh = unit
                        continue
                    }
                    var scalarValue = unit
                    if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
                        scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                    }
                    pendingHigh = nil
                    out += Array(String(UnicodeScalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(escaped)
                }
            }
            index += 1
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - Writing

    /// Pretty text, two spaces per level as the agents write their settings, with a final newline.
    var prettyText: String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += JSONValue.string(text).jsonString
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (position, element) in elements.enumerated() {
                out += pad
                element.write(into: &out, indent: indent + 1)
                out += position + 1 < elements.count ? ",\n" : "\n"
            }
            out += closing + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (position, member) in members.enumerated() {
                out += pad + JSONValue.string(member.key).jsonString + ": "
                member.value.write(into: &out, indent: indent + 1)
                out += position + 1 < members.count ? ",\n" : "\n"
            }
            out += closing + "}"
        }
    }
}
