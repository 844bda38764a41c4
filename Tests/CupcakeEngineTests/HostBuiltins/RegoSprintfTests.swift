import Testing
@testable import CupcakeEngine

/// sprintf on Rego values as a policy hands them over: sets and big numbers intact.
@Suite("sprintf on Rego values")
struct RegoSprintfTests {
    private let context = BuiltinContext(nowNanoseconds: 0)

    private func sprintf(_ format: String, _ values: String) throws -> JSONValue {
        try HostBuiltins.call("sprintf", values: [.string(format), try RegoValueParser.parse(values)], context: context)
    }

    @Test("arguments convert as OPA's topdown sprintf converts them", arguments: [
        ("%v %d %v", #"[{"b","a"},12345678901234567890,1e400]"#, #"{"a", "b"} 12345678901234567890 1e400"#),
        ("%v", "[set()]", "set()"),
        ("%d", "[{2,1}]", "%!d(string={1, 2})"),
        ("%v", #"[{10,9,"x"}]"#, #"{9, 10, "x"}"#),
        ("%v|%d|%v", "[1.50,1.0,-0]", "1.5|%!d(float64=1)|0"),
        ("%v", #"[{"k":{"b","a"}}]"#, #"{"k": {"a", "b"}}"#),
        ("%x", "[12345678901234567890]", "ab54a98ceb1f0ad2"),
        ("%v", "[-1E999]", "-1E999"),
    ])
    func conversions(format: String, values: String, expected: String) throws {
        #expect(try sprintf(format, values) == .string(expected))
    }

    @Test("a set is not the array of values sprintf needs")
    func setOperand() {
        #expect(throws: BuiltinError.invalidArgument(builtin: "sprintf", message: "operand 2 must be array but got set")) {
            try sprintf("%v", "{1}")
        }
    }

    @Test("builtins taking JSON see a set as its sorted array")
    func jsonBuiltinsSeeArrays() throws {
        let set = try RegoValueParser.parse(#"{"b","a"}"#)
        #expect(try HostBuiltins.call("json.marshal", values: [set], context: context) == .string(#"["a","b"]"#))
    }
}
