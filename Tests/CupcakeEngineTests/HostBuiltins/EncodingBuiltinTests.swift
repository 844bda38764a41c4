import Testing
import CupcakeEngine

@Suite("base64, base64url and hex builtins")
struct EncodingBuiltinTests {
    private let context = BuiltinContext(nowNanoseconds: 0)

    private func call(_ name: String, _ argument: JSONValue) throws(BuiltinError) -> JSONValue {
        try HostBuiltins.call(name, arguments: [argument], context: context)
    }

    private func failure(_ name: String, _ argument: JSONValue) -> BuiltinError? {
        do {
            _ = try call(name, argument)
            return nil
        } catch {
            return error
        }
    }

    @Test("base64.encode: RFC 4648 vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"), ("<<???>>", "PDw/Pz8+Pg=="), ("é", "w6k="),
    ])
    func base64Encode(plain: String, encoded: String) throws {
        #expect(try call("base64.encode", .string(plain)) == .string(encoded))
        #expect(try call("base64.decode", .string(encoded)) == .string(plain))
    }

    @Test("base64.decode accepts what Go accepts")
    func base64Lenient() throws {
        #expect(try call("base64.decode", "Zm9v\nYmFy\r\n") == "foobar")
        #expect(try call("base64.decode", "Zh==") == "f")  // non-zero trailing bits are ignored
        #expect(try call("base64.decode", "Zg==\n") == "f")
    }

    @Test("base64.decode errors name the offending offset", arguments: [
        ("Zm9vYg", 4), ("Zm9v!", 4), ("Zg=", 3), ("Zg==x", 4), ("=", 0), ("Z===", 1), ("Zm9vY", 4), ("Zm-v", 2),
    ])
    func base64Errors(encoded: String, offset: Int) {
        #expect(failure("base64.decode", .string(encoded)) == .invalidArgument(
            builtin: "base64.decode", message: "illegal base64 data at input byte \(offset)"))
    }

    @Test("decoded bytes that are not UTF-8 become U+FFFD")
    func invalidUTF8() throws {
        #expect(try call("base64.decode", "/w==") == "\u{FFFD}")
        #expect(try call("base64.decode", "w6k=") == "é")
        #expect(try call("hex.decode", "ff41") == "\u{FFFD}A")
    }

    @Test("base64.is_valid")
    func base64IsValid() throws {
        #expect(try call("base64.is_valid", "Zm9v") == true)
        #expect(try call("base64.is_valid", "") == true)
        #expect(try call("base64.is_valid", "Zm9") == false)
        #expect(try call("base64.is_valid", "Zm9v!") == false)
    }

    @Test("base64url: URL alphabet, padding optional when decoding")
    func base64URL() throws {
        #expect(try call("base64url.encode", "<<???>>") == "PDw_Pz8-Pg==")
        #expect(try call("base64url.encode_no_pad", "<<???>>") == "PDw_Pz8-Pg")
        #expect(try call("base64url.encode_no_pad", "foo") == "Zm9v")
        #expect(try call("base64url.decode", "PDw_Pz8-Pg==") == "<<???>>")
        #expect(try call("base64url.decode", "PDw_Pz8-Pg") == "<<???>>")
        #expect(try call("base64url.decode", "Zm9vYmE") == "fooba")
        #expect(try call("base64url.decode", "") == "")
    }

    @Test("base64url.decode errors")
    func base64URLErrors() {
        #expect(failure("base64url.decode", "Zm9vY") == .invalidArgument(
            builtin: "base64url.decode", message: "illegal base64url string: Zm9vY"))
        #expect(failure("base64url.decode", "PDw/Pz8+Pg==") == .invalidArgument(
            builtin: "base64url.decode", message: "illegal base64 data at input byte 3"))
    }

    @Test("hex.encode and hex.decode")
    func hex() throws {
        #expect(try call("hex.encode", "hello") == "68656c6c6f")
        #expect(try call("hex.encode", "") == "")
        #expect(try call("hex.encode", "é") == "c3a9")
        #expect(try call("hex.decode", "68656C6C6f") == "hello")
        #expect(try call("hex.decode", "") == "")
    }

    @Test("hex.decode errors, as Go words them", arguments: [
        ("abc", "encoding/hex: odd length hex string"),
        ("zz", "encoding/hex: invalid byte: U+007A 'z'"),
        ("6g", "encoding/hex: invalid byte: U+0067 'g'"),
        ("abg", "encoding/hex: invalid byte: U+0067 'g'"),
        ("a\n", "encoding/hex: invalid byte: U+000A"),
        ("é0", "encoding/hex: invalid byte: U+00C3 'Ã'"),
    ])
    func hexErrors(text: String, message: String) {
        #expect(failure("hex.decode", .string(text)) == .invalidArgument(builtin: "hex.decode", message: message))
    }

    @Test("non-string operands are rejected", arguments: [
        "base64.encode", "base64.decode", "base64.is_valid", "base64url.encode", "base64url.encode_no_pad",
        "base64url.decode", "hex.encode", "hex.decode",
    ])
    func operandTypes(name: String) {
        #expect(failure(name, 12) == .invalidArgument(builtin: name, message: "operand 1 must be string but got number"))
        #expect(failure(name, ["a"]) == .invalidArgument(builtin: name, message: "operand 1 must be string but got array"))
    }
}
