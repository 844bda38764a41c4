/// Resolves plain scalars with YAML 1.2's core schema.
enum YAMLCoreSchema {
    /// null/Null/NULL/~/empty → null; true/false in three casings → bool; decimal, 0o and 0x
    /// integers → int (a decimal too large for Int64 → double); floats, .inf, .nan → double;
    /// anything else → string.
    static func resolve(plain text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let utf8 = Array(text.utf8)
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || isDigit(first) else { return .string(text) }
        if utf8.count > 2 && utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "x"), let value = Int64(String(decoding: utf8[2...], as: UTF8.self), radix: 16),
               utf8[2...].allSatisfy(isHexDigit) {
                return .int(value)
            }
            if utf8[1] == UInt8(ascii: "o"), let value = Int64(String(decoding: utf8[2...], as: UTF8.self), radix: 8),
               utf8[2...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                return .int(value)
            }
        }
        let digitsStart = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? 1 : 0
        let body = utf8[digitsStart...]
        if !body.isEmpty && body.allSatisfy(isDigit) {
            let unsigned = first == UInt8(ascii: "+") ? String(text.dropFirst()) : text
            if let value = Int64(unsigned) { return .int(value) }
            if let value = Double(unsigned) { return .double(value) }
            return .string(text)
        }
        if isFloat(body), let value = Double(first == UInt8(ascii: "+") ? String(text.dropFirst()) : text) {
            return .double(value)
        }
        return .string(text)
    }

    /// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the sign already removed.
    private static func isFloat(_ body: ArraySlice<UInt8>) -> Bool {
        var position = body.startIndex
        var mantissaDigits = 0
        while position < body.endIndex && isDigit(body[position]) {
            position += 1
            mantissaDigits += 1
        }
        if position < body.endIndex && body[position] == UInt8(ascii: ".") {
            position += 1
            while position < body.endIndex && isDigit(body[position]) {
                position += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return false }
        if position < body.endIndex && (body[position] == UInt8(ascii: "e") || body[position] == UInt8(ascii: "E")) {
            position += 1
            if position < body.endIndex && (body[position] == UInt8(ascii: "-") || body[position] == UInt8(ascii: "+")) {
                position += 1
            }
            var exponentDigits = 0
            while position < body.endIndex && isDigit(body[position]) {
                position += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return position == body.endIndex
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
