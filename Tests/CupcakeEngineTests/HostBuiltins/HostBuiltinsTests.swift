import Testing
import CupcakeEngine

@Suite("HostBuiltins dispatch, sprintf and time")
struct HostBuiltinsTests {
    private let context = BuiltinContext(nowNanoseconds: 1_700_000_000_123_456_789)

    private func sprintf(_ format: JSONValue, _ values: JSONValue) throws(BuiltinError) -> JSONValue {
        try HostBuiltins.call("sprintf", arguments: [format, values], context: context)
    }

    @Test("the supported names")
    func supportedNames() {
        let expected: Set<String> = [
            "sprintf", "time.now_ns", "crypto.sha256", "crypto.sha1", "crypto.md5",
            "base64.encode", "base64.decode", "base64.is_valid", "base64url.encode", "base64url.encode_no_pad",
            "base64url.decode", "hex.encode", "hex.decode", "json.marshal", "json.unmarshal", "json.is_valid",
        ]
        #expect(HostBuiltins.supportedNames == expected)
        for name in expected { #expect(HostBuiltins.isSupported(name)) }
        #expect(!HostBuiltins.isSupported("http.send"))
        #expect(!HostBuiltins.isSupported(""))
    }

    @Test("an unknown builtin is unsupported, and the message lists what is")
    func unsupported() {
        #expect(throws: BuiltinError.unsupported(name: "http.send")) {
            try HostBuiltins.call("http.send", arguments: [[:]], context: context)
        }
        let message = BuiltinError.unsupported(name: "http.send").description
        #expect(message.hasPrefix("builtin http.send is not supported by this host (supported: base64.decode, base64.encode, "))
        #expect(message.hasSuffix("time.now_ns)"))
    }

    @Test("wrong argument counts")
    func arity() {
        #expect(throws: BuiltinError.wrongArgumentCount(builtin: "crypto.sha256", expected: 1, actual: 2)) {
            try HostBuiltins.call("crypto.sha256", arguments: ["a", "b"], context: context)
        }
        #expect(throws: BuiltinError.wrongArgumentCount(builtin: "sprintf", expected: 2, actual: 1)) {
            try HostBuiltins.call("sprintf", arguments: ["%d"], context: context)
        }
        #expect(BuiltinError.wrongArgumentCount(builtin: "sprintf", expected: 2, actual: 1).description
                == "sprintf: expected 2 arguments, got 1")
        #expect(BuiltinError.wrongArgumentCount(builtin: "hex.encode", expected: 1, actual: 0).description
                == "hex.encode: expected 1 argument, got 0")
    }

    @Test("time.now_ns returns the evaluation's fixed time")
    func now() throws {
        #expect(try HostBuiltins.call("time.now_ns", arguments: [], context: context) == .int(1_700_000_000_123_456_789))
        let other = BuiltinContext(nowNanoseconds: 5)
        #expect(try HostBuiltins.call("time.now_ns", arguments: [], context: other) == .int(5))
    }

    @Test("crypto builtins hash the UTF-8 bytes")
    func crypto() throws {
        #expect(try HostBuiltins.call("crypto.sha256", arguments: ["abc"], context: context)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try HostBuiltins.call("crypto.sha1", arguments: ["abc"], context: context)
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(try HostBuiltins.call("crypto.md5", arguments: ["abc"], context: context)
                == "900150983cd24fb0d6963f7d28e17f72")
        #expect(throws: BuiltinError.invalidArgument(builtin: "crypto.md5", message: "operand 1 must be string but got null")) {
            try HostBuiltins.call("crypto.md5", arguments: [nil], context: context)
        }
    }

    @Test("sprintf converts values as OPA does", arguments: [
        ("hello %s, you are %d", ["bob", 42] as JSONValue, "hello bob, you are 42"),
        ("%d", [12], "12"),
        ("%v", [[1, "a", ["k": true]]], #"[1, "a", {"k": true}]"#),
        ("%v", [["b": 1, "a": [nil, false]]], #"{"a": [null, false], "b": 1}"#),
        ("%s", [nil], "null"),
        ("%v", [true], "true"),
        ("%v", [[:]], "{}"),
        ("%v", [[]], "[]"),
        ("%v", [["a\nb": "é\u{1}"]], #"{"a\nb": "é\x01"}"#),
        ("%d", [true], "%!d(string=true)"),
        ("%t", [true], "%!t(string=true)"),
        ("%d", [3.0], "%!d(float64=3)"),
        ("%v", [3.0], "3"),
        ("%.2f", [3.14159], "3.14"),
        ("%f", [1], "%!f(int=1)"),
        ("%d", [9_223_372_036_854_775_807], "9223372036854775807"),
        ("%v", [1e300], "1e+300"),
        ("%s", [], "%!s(MISSING)"),
        ("%s", ["a", 1], "a%!(EXTRA int=1)"),
        ("%q", [["x": "y"]], #""{\"x\": \"y\"}""#),
        ("%v", [[1.5, -0.25]], "[1.5, -0.25]"),
        ("%05d|%-5s|%+.1e", [42, "ab", 12345.678], "00042|ab   |+1.2e+04"),
    ] as [(String, JSONValue, String)])
    func sprintfConversions(format: String, values: JSONValue, expected: String) throws {
        #expect(try sprintf(.string(format), values) == .string(expected))
    }

    @Test("sprintf operand errors")
    func sprintfErrors() {
        #expect(throws: BuiltinError.invalidArgument(builtin: "sprintf", message: "operand 1 must be string but got number")) {
            try sprintf(1, [])
        }
        #expect(throws: BuiltinError.invalidArgument(builtin: "sprintf", message: "operand 2 must be array but got object")) {
            try sprintf("%d", ["a": 1])
        }
        #expect(throws: BuiltinError.invalidArgument(builtin: "sprintf", message: "operand 2 must be array but got string")) {
            try sprintf("%d", "1")
        }
        #expect(BuiltinError.invalidArgument(builtin: "sprintf", message: "operand 2 must be array but got string").description
                == "sprintf: operand 2 must be array but got string")
    }
}
