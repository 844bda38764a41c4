/// crypto.sha256, crypto.sha1, crypto.md5: lowercase hex digest of the UTF-8 bytes.
enum CryptoBuiltins {
    static func digest(_ builtin: String, _ value: JSONValue, _ hexDigest: (String) -> String) throws(BuiltinError) -> JSONValue {
        let text = try BuiltinOperands.string(value, position: 1, builtin: builtin)
        return .string(hexDigest(text))
    }
}
