import Testing
import CupcakeEngine

@Suite("json.* builtins")
struct JSONBuiltinTests {
    private let context = BuiltinContext(nowNanoseconds: 0)

    private func call(_ name: String, _ argument: JSONValue) throws(BuiltinError) -> JSONValue {
        try HostBuiltins.call(name, arguments: [argument], context: context)
    }

    @Test("json.marshal: compact, sorted keys, Go's HTML escaping")
    func marshal() throws {
        let value: JSONValue = ["b": [1, 2.5, "<a&b>"], "a": nil, "c": ["z": true, "y": false]]
        #expect(try call("json.marshal", value) == .string(#"{"a":null,"b":[1,2.5,"\u003ca\u0026b\u003e"],"c":{"y":false,"z":true}}"#))
        #expect(try call("json.marshal", "line\nbreak\u{2028}") == .string(#""line\nbreak\u2028""#))
        #expect(try call("json.marshal", 42) == "42")
    }

    @Test("json.unmarshal parses, json.marshal round-trips")
    func unmarshal() throws {
        let parsed = try call("json.unmarshal", #"{"a": [1, 2.5, "x"], "b": {"c": null}}"#)
        #expect(parsed == ["a": [1, 2.5, "x"], "b": ["c": nil]])
        let text = try call("json.marshal", parsed)
        #expect(try call("json.unmarshal", text) == parsed)
    }

    @Test("json.unmarshal reports the parser's message")
    func unmarshalError() {
        #expect(throws: BuiltinError.invalidArgument(
            builtin: "json.unmarshal",
            message: "invalid JSON at line 1, column 2: expected a string key or '}', found 'b'"
        )) {
            try call("json.unmarshal", "{bad")
        }
        #expect(throws: BuiltinError.invalidArgument(builtin: "json.unmarshal", message: "invalid JSON: empty input")) {
            try call("json.unmarshal", "")
        }
        #expect(throws: BuiltinError.invalidArgument(builtin: "json.unmarshal", message: "operand 1 must be string but got object")) {
            try call("json.unmarshal", [:])
        }
    }

    @Test("json.is_valid", arguments: [
        ("{}", true), ("[1, 2]", true), ("\"s\"", true), ("1e5", true), ("", false), ("{", false),
        ("[1,]", false), ("01", false), ("{} x", false), ("nul", false),
    ])
    func isValid(text: String, valid: Bool) throws {
        #expect(try call("json.is_valid", .string(text)) == .bool(valid))
    }
}
