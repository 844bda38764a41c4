/// json.marshal, json.unmarshal, json.is_valid.
enum JSONBuiltins {
    /// Compact JSON with sorted keys and Go's HTML escaping (`<` `>` `&` U+2028 U+2029 as \uXXXX),
    /// like Go's json.Marshal that OPA uses.
    static func marshal(_ value: JSONValue) -> JSONValue {
        var out: [UInt8] = []
        JSONWriter.write(value, into: &out, escapeHTML: true)
        return .string(String(decoding: out, as: UTF8.self))
    }

    static func unmarshal(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: "json.unmarshal")
        do {
            // Go's decoder replaces lone surrogate escapes with U+FFFD.
            return try JSONValue.parse(text, limits: .lenient)
        } catch {
            throw .invalidArgument(builtin: "json.unmarshal", message: error.description)
        }
    }

    static func isValid(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: "json.is_valid")
        return .bool((try? JSONValue.parse(text, limits: .lenient)) != nil)
    }
}
