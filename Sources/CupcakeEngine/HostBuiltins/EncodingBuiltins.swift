/// base64.*, base64url.*, hex.*.
enum EncodingBuiltins {
    static func base64Encode(_ builtin: String, _ value: JSONValue, _ variant: Base64Coding.Variant) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: builtin)
        return .string(Base64Coding.encode(Array(text.utf8), variant))
    }

    static func base64Decode(_ builtin: String, _ value: JSONValue, _ variant: Base64Coding.Variant) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: builtin)
        do {
            return .string(String(decoding: try Base64Coding.decode(text, variant), as: UTF8.self))
        } catch {
            throw .invalidArgument(builtin: builtin, message: error.message)
        }
    }

    static func base64IsValid(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: "base64.is_valid")
        return .bool((try? Base64Coding.decode(text, .standard)) != nil)
    }

    /// OPA accepts unpadded base64url (RFC 7515 appendix C): missing '=' are added first.
    static func base64URLDecode(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        var text = try BuiltinOperands.string(value, position: 1, builtin: "base64url.decode")
        if !text.hasSuffix("=") {
            switch text.utf8.count % 4 {
            case 0: break
            case 2: text += "=="
            case 3: text += "="
            default: throw .invalidArgument(builtin: "base64url.decode", message: "illegal base64url string: \(text)")
            }
        }
        return try base64Decode("base64url.decode", .string(text), .url)
    }

    static func hexEncode(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: "hex.encode")
        return .string(HexCoding.encode(text.utf8))
    }

    static func hexDecode(_ value: JSONValue) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: "hex.decode")
        do {
            return .string(String(decoding: try HexCoding.decode(text), as: UTF8.self))
        } catch {
            throw .invalidArgument(builtin: "hex.decode", message: error.message)
        }
    }
}
