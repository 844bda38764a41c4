import Testing
@testable import CupcakeEngine

/// Reading the text of `opa_value_dump`: JSON plus sets, keys of any type, numbers as written.
@Suite struct RegoValueParserTests {
    static func parse(_ text: String) throws -> RegoValue { try RegoValueParser.parse(text) }

    @Test func setsAreSortedInOPAsOrderAndDeduplicated() throws {
        #expect(try Self.parse(#"{"b","a"}"#) == .set([.string("a"), .string("b")]))
        #expect(try Self.parse("{10, 9, \"x\", 9}") == .set([.number("9"), .number("10"), .string("x")]))
        #expect(try Self.parse("{ 1 }") == .set([.number("1")]))
    }

    @Test func emptySetEmptyObjectAndEmptyArray() throws {
        #expect(try Self.parse("set()") == .set([]))
        #expect(try Self.parse("set( )") == .set([]))
        #expect(try Self.parse("{}") == .object([]))
        #expect(try Self.parse("[ ]") == .array([]))
    }

    @Test func objectsTakeKeysOfAnyTypeSortedAndTheLastOfARepeatedKey() throws {
        #expect(try Self.parse(#"{"a":[1,2],1:"x"}"#) == .object([
            .init(key: .number("1"), value: .string("x")),
            .init(key: .string("a"), value: .array([.number("1"), .number("2")])),
        ]))
        #expect(try Self.parse(#"{"a":1,"a":2}"#) == .object([.init(key: .string("a"), value: .number("2"))]))
        #expect(try Self.parse(#"{{1}:true}"#) == .object([.init(key: .set([.number("1")]), value: .bool(true))]))
    }

    @Test func numbersKeepTheirTextAndStringsAreDecoded() throws {
        #expect(try Self.parse("[12345678901234567890, 1e400, 1.50, -0]")
            == .array([.number("12345678901234567890"), .number("1e400"), .number("1.50"), .number("-0")]))
        #expect(try Self.parse(#""a\nb\u00e9\ud83d\ude00""#) == .string("a\nbé😀"))
        #expect(try Self.parse(" [null, true, false] ") == .array([.null, .bool(true), .bool(false)]))
    }

    @Test func nestedSetsInsideObjectsAndArrays() throws {
        #expect(try Self.parse(#"{"k":{2,1},"l":[set(),{}]}"#) == .object([
            .init(key: .string("k"), value: .set([.number("1"), .number("2")])),
            .init(key: .string("l"), value: .array([.set([]), .object([])])),
        ]))
    }

    @Test(arguments: [
        ("{1,2:3}", "at byte 4: expected ',' or '}' after a set element, found ':'"),
        ("[1,]", "at byte 3: expected a value, found ']'"),
        (#"{"a":1,}"#, "at byte 7: expected a value, found '}'"),
        (#"{"a" 1}"#, "at byte 5: expected ':' after an object key, or ',' or '}' after a set element, found '1'"),
        (#"{"a":1 "b":2}"#, "at byte 7: expected ',' or '}' after an object member, found '\"'"),
        (#"{"a":1,"b",2}"#, "at byte 10: expected ':' after an object key, found ','"),
        ("set(1)", "at byte 4: expected ')' to close set(, found '1'"),
        ("sets", "at byte 3: expected 'set(', found 's'"),
        (#""abc"#, "at byte 4: unexpected end of the text, expected '\"' to close the string"),
        ("01", "at byte 0: invalid number: leading zeros are not allowed"),
        ("1 2", "at byte 2: expected the end of the text, found '2'"),
        ("", "at byte 0: unexpected end of the text, expected a value"),
        ("[1, 2", "at byte 5: unexpected end of the text, expected ',' or ']' after an array element"),
        ("@", "at byte 0: expected a value, found '@'"),
    ])
    func malformedTextIsAnErrorNamingTheByte(text: String, message: String) {
        do {
            let value = try RegoValueParser.parse(text)
            Issue.record("parsed \(value)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: RegoValueParser.maxDepth) + String(repeating: "]", count: RegoValueParser.maxDepth)
        #expect(throws: Never.self) { try Self.parse(deep) }
        let tooDeep = "[" + deep + "]"
        #expect(throws: RegoValueParseError.nestingTooDeep(limit: RegoValueParser.maxDepth, at: RegoValueParser.maxDepth)) {
            try Self.parse(tooDeep)
        }
    }
}
