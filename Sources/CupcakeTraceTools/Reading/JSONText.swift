import CupcakeCodecs

/// Writes `TraceLineValue`s as JSON text.
enum JSONText {
    /// Appends `text` as a quoted JSON string. The codecs' writer escapes U+2028/U+2029 too in
    /// this mode, so the output can never split a line.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        JSONWriter.writeString(text, into: &out, escapeHTML: true)
    }

    /// Appends `value` as compact JSON, members in their order.
    static func append(_ value: TraceLineValue, to out: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, to: &out)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(field.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
