/// Between Rego values and JSON, as OPA converts for builtins that take JSON: a set becomes an
/// array of its elements in sorted order, and an object key that is not a string becomes its
/// JSON text (Go's encoder, which escapes `<`, `>` and `&`).
extension RegoValue {
    /// The Rego value of a JSON value; numbers keep their text.
    init(json: JSONValue) {
        switch json {
        case .null:
            self = .null
        case .bool(let flag):
            self = .bool(flag)
        case .int, .double, .number:
            var text: [UInt8] = []
            JSONWriter.write(json, into: &text)
            self = .number(String(decoding: text, as: UTF8.self))
        case .string(let text):
            self = .string(text)
        case .array(let elements):
            self = .array(elements.map(RegoValue.init(json:)))
        case .object(let members):
            self = RegoValue.makeObject(members.map { Member(key: .string($0.key), value: RegoValue(json: $0.value)) })
        }
    }

    /// The JSON form of the value.
    var json: JSONValue {
        switch self {
        case .null:
            return .null
        case .bool(let flag):
            return .bool(flag)
        case .number(let text):
            // The parser checked the text is a JSON number, so this only chooses .int/.double/.number.
            return (try? JSONValue.parse(text)) ?? .number(text)
        case .string(let text):
            return .string(text)
        case .array(let elements), .set(let elements):
            return .array(elements.map(\.json))
        case .object(let members):
            var object = [String: JSONValue](minimumCapacity: members.count)
            for member in members {
                object[member.key.jsonKey] = member.value.json
            }
            return .object(object)
        }
    }

    private var jsonKey: String {
        if case .string(let text) = self { return text }
        var out: [UInt8] = []
        JSONWriter.write(json, into: &out, escapeHTML: true)
        return String(decoding: out, as: UTF8.self)
    }
}
