/// OPA's textual form of a value (`ast.Value.String()`), which `sprintf` uses for arguments
/// that are neither numbers nor strings: `[1, "a"]`, `{"a": 1}`, `true`, `null`.
/// Strings are Go-quoted, object keys are sorted bytewise, elements are separated by ", ".
enum RegoValueText {
    static func text(of value: JSONValue) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null, .bool, .int, .double, .number:
            // Numbers print as their JSON text, as OPA numbers keep their literal text.
            JSONWriter.write(value, into: &out)
        case .string(let text):
            out.append(contentsOf: GoQuoting.quote(text))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in JSONWriter.sortedMembers(members).enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                out.append(contentsOf: GoQuoting.quote(member.key))
                out.append(contentsOf: ": ".utf8)
                append(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
