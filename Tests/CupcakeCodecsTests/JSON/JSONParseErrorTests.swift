import Testing
@testable import CupcakeCodecs

@Suite("JSON parser: rejected documents and their positions")
struct JSONParseErrorTests {
    private func error(parsing text: String, limits: JSONLimits = JSONLimits()) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("empty and blank input", arguments: ["", " ", "\n\t\r "])
    func empty(text: String) {
        let failure = error(parsing: text)
        #expect(failure == .emptyInput)
        #expect(failure?.description == "invalid JSON: empty input")
        #expect(failure?.offset == nil)
    }

    @Test("input larger than maxBytes")
    func tooLarge() {
        let failure = error(parsing: "[1,2,3]", limits: JSONLimits(maxBytes: 6))
        #expect(failure == .inputTooLarge(byteCount: 7, limit: 6))
        #expect(failure?.description == "invalid JSON: input is 7 bytes, more than the limit of 6 bytes")
    }

    @Test("errors carry the offset of the offending byte", arguments: [
        ("[1,2", 4, "unexpected end of input, expected ',' or ']' after array element"),
        ("{", 1, "unexpected end of input, expected a string key or '}'"),
        (#"{"a""#, 4, "unexpected end of input, expected ':' after object key"),
        (#"{"a":"#, 5, "unexpected end of input, expected a value"),
        (#""abc"#, 4, "unexpected end of input, expected '\"' to close the string"),
        ("-", 1, "unexpected end of input, expected a digit after '-'"),
        ("1.", 2, "unexpected end of input, expected a digit after '.'"),
        ("1e", 2, "unexpected end of input, expected a digit in the exponent"),
        ("tru", 3, "unexpected end of input, expected 'true'"),
        (#""\u12"#, 5, "unexpected end of input, expected 4 hex digits after '\\u'"),
        (#""\"#, 2, "unexpected end of input, expected an escape character after '\\'"),
        (#"{"a" 1}"#, 5, "expected ':' after object key, found '1'"),
        ("[1,]", 3, "expected a value, found ']'"),
        (#"{"a":1,}"#, 7, "expected a string key after ',', found '}'"),
        ("{1:2}", 1, "expected a string key or '}', found '1'"),
        ("[1 2]", 3, "expected ',' or ']' after array element, found '2'"),
        (#"{"a":1]"#, 6, "expected ',' or '}' after object member, found ']'"),
        ("trux", 3, "expected 'true', found 'x'"),
        ("nul", 3, "unexpected end of input, expected 'null'"),
        ("fals3", 4, "expected 'false', found '3'"),
        ("-a", 1, "expected a digit after '-', found 'a'"),
        ("+1", 0, "expected a value, found '+'"),
        (".5", 0, "expected a value, found '.'"),
        ("NaN", 0, "expected a value, found 'N'"),
        ("'a'", 0, "expected a value, found '''"),
        ("01", 0, "invalid number: leading zeros are not allowed"),
        ("-012", 0, "invalid number: leading zeros are not allowed"),
        ("1.x", 2, "invalid number: expected a digit after '.', found 'x'"),
        ("1e+x", 3, "invalid number: expected a digit in the exponent, found 'x'"),
        (#""\x""#, 1, "invalid escape in string: unknown escape '\\x'"),
        (#""\u12G4""#, 1, "invalid escape in string: expected 4 hex digits after '\\u'"),
        (#""\U0041""#, 1, "invalid escape in string: unknown escape '\\U'"),
        ("\"a\tb\"", 2, "control character 0x09 in string must be escaped"),
        ("\"a\\nb\u{1}\"", 5, "control character 0x01 in string must be escaped"),
        ("\"a\nb\"", 2, "control character 0x0A in string must be escaped"),
        ("[1]x", 3, "unexpected 'x' after the JSON value"),
        ("1 2", 2, "unexpected '2' after the JSON value"),
        ("{} {}", 3, "unexpected '{' after the JSON value"),
        ("null\u{0}", 4, "unexpected byte 0x00 after the JSON value"),
        ("\u{FEFF}{}", 0, "expected a value, found a UTF-8 byte order mark"),
        ("[1,2,]", 5, "expected a value, found ']'"),
        ("// comment\n1", 0, "expected a value, found '/'"),
    ] as [(String, Int, String)])
    func positioned(text: String, offset: Int, reason: String) {
        let failure = error(parsing: text)
        #expect(failure?.offset == offset, "\(text)")
        #expect(failure?.reason == reason, "\(text)")
    }

    @Test("line and column in the message")
    func lineAndColumn() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}"
        let failure = error(parsing: text)
        #expect(failure?.position == JSONPosition(offset: 13, line: 3, column: 3))
        #expect(failure?.description == "invalid JSON at line 3, column 3: expected ',' or '}' after object member, found '\"'")
    }

    @Test("columns count scalars, not bytes")
    func columnsCountScalars() {
        let failure = error(parsing: "\"é😀\" x")
        #expect(failure?.offset == 9)
        #expect(failure?.position?.column == 6)
    }

    @Test("nesting deeper than the limit")
    func tooDeep() {
        let failure = error(parsing: "[[[[1]]]]", limits: JSONLimits(maxDepth: 3))
        #expect(failure == .nestingTooDeep(limit: 3, at: JSONPosition(offset: 3, line: 1, column: 4)))
        #expect(failure?.description == "invalid JSON at line 1, column 4: arrays and objects nested deeper than 3 levels")
        #expect(error(parsing: #"{"a":{"b":{"c":{}}}}"#, limits: JSONLimits(maxDepth: 3))?.offset == 15)
        #expect(error(parsing: "[]", limits: JSONLimits(maxDepth: 0))?.offset == 0)
        #expect(error(parsing: "1", limits: JSONLimits(maxDepth: 0)) == nil)
    }

    @Test("errors are equatable and describe themselves")
    func equatable() {
        let first = error(parsing: "[1,]")
        let second = error(parsing: "[1,]")
        #expect(first == second)
        #expect(first != error(parsing: "[1,2,]"))
        #expect(first?.description == "invalid JSON at line 1, column 4: expected a value, found ']'")
    }
}
