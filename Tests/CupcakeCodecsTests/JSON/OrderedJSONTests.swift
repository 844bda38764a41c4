import Testing

@testable import CupcakeCodecs

@Suite("OrderedJSON: a document in the order written")
struct OrderedJSONTests {
    @Test("members keep their order, numbers their text, strings are decoded as the parser decodes them")
    func orderNumbersStrings() throws {
        let text = #"{"z": 1.50, "a": [true, null, -0], "s": "tab\tquote\" \ud83d\ude00 \u00e9\/", "e": {}}"#
        let parsed = try OrderedJSON.parse(Array(text.utf8))
        guard case .object(let members) = parsed else {
            Issue.record("not an object: \(parsed)")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "s", "e"])
        #expect(members[0].value == .number("1.50"))
        #expect(members[1].value == .array([.bool(true), .null, .number("-0")]))
        #expect(members[2].value == .string("tab\tquote\" 😀 é/"))
        #expect(members[3].value == .object([]))
    }

    @Test("a lone surrogate is refused strictly and becomes U+FFFD leniently, as in JSONValue")
    func loneSurrogate() throws {
        let text = Array(#"["\ud800x", "\udc00"]"#.utf8)
        #expect(throws: JSONParseError.self) { try OrderedJSON.parse(text) }
        #expect(try OrderedJSON.parse(text, limits: .lenient) == .array([.string("\u{FFFD}x"), .string("\u{FFFD}")]))
        #expect(try JSONValue.parse(text, limits: .lenient) == .array([.string("\u{FFFD}x"), .string("\u{FFFD}")]))
    }

    @Test("what the parser refuses is refused")
    func refusals() {
        for text in [#"{"a":1,}"#, "[1 2]", #""abc"#, "{\"a\":\"\u{01}\"}", ""] {
            #expect(throws: JSONParseError.self, "\(text)") { try OrderedJSON.parse(Array(text.utf8)) }
        }
    }
}
