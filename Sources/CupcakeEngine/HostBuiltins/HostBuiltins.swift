/// The Rego builtins that OPA-compiled WebAssembly delegates to the host
/// (`opa_builtin0..4`), implemented with OPA's semantics. The Wasm runtime reads the arguments
/// as Rego values (sets and number literals intact); builtins that work on JSON get their JSON
/// form, as OPA converts them. Results go back as JSON.
///
/// Strings from base64/hex decoding that are not valid UTF-8: OPA returns the raw bytes as a
/// Go string; here they become a Swift `String` with each invalid sequence replaced by U+FFFD.
package enum HostBuiltins {
    private typealias Implementation = @Sendable ([JSONValue], BuiltinContext) throws(BuiltinError) -> JSONValue
    private typealias RegoImplementation = @Sendable ([RegoValue], BuiltinContext) throws(BuiltinError) -> JSONValue

    /// A builtin taking JSON values, or (`rego`) one that must see Rego values exactly.
    private struct Entry: Sendable {
        private enum Body: Sendable {
            case json(Implementation)
            case rego(RegoImplementation)
        }

        let arity: Int
        private let body: Body

        init(arity: Int, _ implementation: @escaping Implementation) {
            self.init(arity: arity, body: .json(implementation))
        }

        private init(arity: Int, body: Body) {
            self.arity = arity
            self.body = body
        }

        static func rego(arity: Int, _ implementation: @escaping RegoImplementation) -> Entry {
            Entry(arity: arity, body: .rego(implementation))
        }

        func run(_ arguments: [RegoValue], _ context: BuiltinContext) throws(BuiltinError) -> JSONValue {
            switch body {
            case .json(let implementation): return try implementation(arguments.map(\.json), context)
            case .rego(let implementation): return try implementation(arguments, context)
            }
        }
    }

    private static let table: [String: Entry] = [
        "sprintf": .rego(arity: 2) { arguments, _ throws(BuiltinError) in
            try StringBuiltins.sprintf(arguments[0], arguments[1])
        },
        "time.now_ns": Entry(arity: 0) { _, context in .int(context.nowNanoseconds) },
        "crypto.sha256": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try CryptoBuiltins.digest("crypto.sha256", arguments[0], SHA256Digest.hexDigest)
        },
        "crypto.sha1": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try CryptoBuiltins.digest("crypto.sha1", arguments[0], SHA1Digest.hexDigest)
        },
        "crypto.md5": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try CryptoBuiltins.digest("crypto.md5", arguments[0], MD5Digest.hexDigest)
        },
        "base64.encode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64Encode("base64.encode", arguments[0], .standard)
        },
        "base64.decode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64Decode("base64.decode", arguments[0], .standard)
        },
        "base64.is_valid": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64IsValid(arguments[0])
        },
        "base64url.encode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64Encode("base64url.encode", arguments[0], .url)
        },
        "base64url.encode_no_pad": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64Encode("base64url.encode_no_pad", arguments[0], .urlUnpadded)
        },
        "base64url.decode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.base64URLDecode(arguments[0])
        },
        "hex.encode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.hexEncode(arguments[0])
        },
        "hex.decode": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try EncodingBuiltins.hexDecode(arguments[0])
        },
        "json.marshal": Entry(arity: 1) { arguments, _ in JSONBuiltins.marshal(arguments[0]) },
        "json.unmarshal": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try JSONBuiltins.unmarshal(arguments[0])
        },
        "json.is_valid": Entry(arity: 1) { arguments, _ throws(BuiltinError) in
            try JSONBuiltins.isValid(arguments[0])
        },
    ]

    /// Rego names of the builtins this host implements.
    package static let supportedNames: Set<String> = Set(table.keys)

    /// Whether `name` (a Rego builtin name such as "crypto.sha256") is implemented here.
    package static func isSupported(_ name: String) -> Bool {
        table[name] != nil
    }

    /// Runs builtin `name` on decoded arguments. Throws `.unsupported` for unknown names,
    /// `.wrongArgumentCount` and `.invalidArgument` with OPA-like messages otherwise.
    package static func call(_ name: String, arguments: [JSONValue], context: BuiltinContext) throws(BuiltinError) -> JSONValue {
        try call(name, values: arguments.map(RegoValue.init(json:)), context: context)
    }

    /// Runs builtin `name` on Rego values, as the Wasm runtime reads them from a policy.
    static func call(_ name: String, values: [RegoValue], context: BuiltinContext) throws(BuiltinError) -> JSONValue {
        guard let entry = table[name] else { throw .unsupported(name: name) }
        guard values.count == entry.arity else {
            throw .wrongArgumentCount(builtin: name, expected: entry.arity, actual: values.count)
        }
        return try entry.run(values, context)
    }
}
