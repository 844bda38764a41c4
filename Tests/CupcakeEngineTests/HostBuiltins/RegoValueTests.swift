import Testing
@testable import CupcakeEngine

/// OPA's value order, the Rego text sprintf prints, and the JSON form other builtins take.
@Suite struct RegoValueTests {
    static func value(_ text: String) throws -> RegoValue { try RegoValueParser.parse(text) }

    @Test(arguments: [
        ("9", "10"), ("10", "12345678901234567890"), ("12345678901234567890", "1e400"), ("-1e400", "-5"),
        ("-5", "0"), ("0", "0.5"), ("0.05", "0.5"), ("1.5", "2"), ("99999999999999999999.5", "1e20"),
    ])
    func numbersCompareByValue(smaller: String, larger: String) {
        #expect(RegoValue.compare(.number(smaller), .number(larger)) < 0)
        #expect(RegoValue.compare(.number(larger), .number(smaller)) > 0)
    }

    @Test func equalNumbersWrittenDifferently() {
        for (a, b) in [("1", "1.0"), ("1", "10e-1"), ("0", "-0.0"), ("1e400", "10e399"), ("100", "1E2")] {
            #expect(RegoValue.compare(.number(a), .number(b)) == 0, "\(a) and \(b)")
        }
    }

    @Test func typesCompareInOPAsOrder() throws {
        let ascending = try ["null", "false", "true", "0", #""""#, "[]", "{}", "set()"].map(Self.value)
        for (index, smaller) in ascending.enumerated() {
            for larger in ascending[(index + 1)...] {
                #expect(RegoValue.compare(smaller, larger) < 0, "\(smaller) before \(larger)")
            }
        }
    }

    @Test func stringsCompareByTheirBytes() {
        #expect(RegoValue.compare(.string("Z"), .string("a")) < 0)
        #expect(RegoValue.compare(.string("a"), .string("ab")) < 0)
        #expect(RegoValue.compare(.string("z"), .string("é")) < 0)
        // Unicode collation would call these equal; Go's bytes do not.
        #expect(RegoValue.compare(.string("\u{E9}"), .string("e\u{301}")) > 0)
    }

    @Test func collectionsCompareElementWiseThenBySize() throws {
        #expect(RegoValue.compare(try Self.value("[1,2]"), try Self.value("[1,3]")) < 0)
        #expect(RegoValue.compare(try Self.value("[1,3]"), try Self.value("[1,3,0]")) < 0)
        #expect(RegoValue.compare(try Self.value("[2]"), try Self.value("[1,9]")) > 0)
        #expect(RegoValue.compare(try Self.value("{1,2}"), try Self.value("{1,3}")) < 0)
        #expect(RegoValue.compare(try Self.value(#"{"a":2}"#), try Self.value(#"{"b":1}"#)) < 0)
        #expect(RegoValue.compare(try Self.value(#"{"a":1}"#), try Self.value(#"{"a":1,"b":0}"#)) < 0)
    }

    @Test(arguments: [
        (#"{"b","a"}"#, #"{"a", "b"}"#),
        ("set()", "set()"),
        (#"{"k":{2,1},"a\nb":[1.50,null,true]}"#, #"{"a\nb": [1.50, null, true], "k": {1, 2}}"#),
        (#"{2:"x",[1]:set()}"#, #"{2: "x", [1]: set()}"#),
        ("{}", "{}"),
        (#""é\u0001""#, #""é\x01""#),
    ])
    func regoTextIsWhatOPAPrints(dump: String, text: String) throws {
        #expect(RegoValueText.text(of: try Self.value(dump)) == text)
    }

    @Test func jsonFormOfSetsNumbersAndKeys() throws {
        let value = try Self.value(#"{"s":{"b","a"},"n":[7,1.5,12345678901234567890,1e400],1:"one",[1,"<"]:2}"#)
        #expect(value.json == .object([
            "s": ["a", "b"],
            "n": [.int(7), .double(1.5), .number("12345678901234567890"), .number("1e400")],
            "1": "one",
            #"[1,"\u003c"]"#: 2,
        ]))
    }

    @Test func jsonValuesBecomeRegoValuesWithTheirNumberText() throws {
        let json = try JSONValue.parse(#"{"b":[1,2.5,-0.25,1e400,12345678901234567890],"a":null}"#)
        let value = RegoValue(json: json)
        #expect(value == (try Self.value(#"{"a":null,"b":[1,2.5,-0.25,1e400,12345678901234567890]}"#)))
        #expect(value.json == json)
    }
}
