/// A JSON document that keeps its members in the order written and its numbers as written: for
/// editing a user's settings file (`cupcake init` adds its hooks and writes the file back with
/// every other key, value and order as it was; only whitespace is normalized) and for reading
/// trace lines back with their fields in order.
package enum OrderedJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's text exactly as written.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    package static func == (left: OrderedJSON, right: OrderedJSON) -> Bool {
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
    package subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The object with `key` set to `value`: replaced where it stands, or appended.
    package func setting(_ key: String, to value: OrderedJSON) -> OrderedJSON {
        guard case .object(var members) = self else { return .object([(key, value)]) }
        if let index = members.lastIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    // MARK: - Parsing

    /// Parses a JSON text: the codecs' parser validates it first (UTF-8, escapes, depth, size,
    /// under `limits`), so this one only rebuilds the tree in order; its strings are decoded by
    /// that parser too, so both read every string alike.
    package static func parse(_ buffer: UnsafeRawBufferPointer, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> OrderedJSON {
        _ = try JSONValue.parse(buffer, limits: limits)
        var reader = Reader(bytes: buffer, limits: limits)
        return try reader.value()
    }

    /// Parses a JSON text held in a byte array; see `parse(_:limits:)` for buffers.
    package static func parse(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> OrderedJSON {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> OrderedJSON in try parse(buffer, limits: limits) }
        }
        return try outcome.get()
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let limits: JSONLimits
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        // The input is known to be valid JSON, so each branch reads what it finds.
        mutating func value() throws(JSONParseError) -> OrderedJSON {
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
                    let key = try string()
                    skipSpace()
                    index += 1  // ':'
                    members.append((key, try value()))
                }
                return .object(members)
            case 0x5B:
                index += 1
                var elements: [OrderedJSON] = []
                while true {
                    skipSpace()
                    if index >= bytes.count || bytes[index] == 0x5D { index += 1; break }
                    if bytes[index] == 0x2C { index += 1; continue }
                    elements.append(try value())
                }
                return .array(elements)
            case 0x22:
                return .string(try string())
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

        /// The string token at `index`, decoded by the validating parser.
        mutating func string() throws(JSONParseError) -> String {
            let (text, end) = try JSONParser.string(in: bytes, at: index, limits: limits)
            index = end
            return text
        }
    }

    // MARK: - Writing

    /// Pretty text, two spaces per level as the agents write their settings, with a final newline.
    package var prettyText: String {
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
