/// OPA's textual form of a value (`ast.Value.String()`), which `sprintf` uses for arguments
/// that are neither numbers nor strings: `[1, "a"]`, `{"a": 1}`, `{1, 2}`, `set()`, `true`,
/// `null`. Strings are Go-quoted, numbers keep their literal text, object members and set
/// elements come in OPA's value order, and elements are separated by ", ".
enum RegoValueText {
    static func text(of value: RegoValue) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ value: RegoValue, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            out.append(contentsOf: GoQuoting.quote(text))
        case .array(let elements):
            appendList(elements, open: "[", close: "]", to: &out)
        case .set(let elements) where elements.isEmpty:
            // `{}` is the empty object.
            out.append(contentsOf: "set()".utf8)
        case .set(let elements):
            appendList(elements, open: "{", close: "}", to: &out)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                append(member.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                append(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendList(_ elements: [RegoValue], open: Unicode.Scalar, close: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(UInt8(ascii: open))
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            append(element, to: &out)
        }
        out.append(UInt8(ascii: close))
    }
}
