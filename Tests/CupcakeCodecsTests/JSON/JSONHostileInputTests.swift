import Testing

@testable import CupcakeCodecs

@Suite("JSON parser: hostile input")
struct JSONHostileInputTests {
    @Test("100 000 nested '[' is rejected at the depth limit without overflowing the stack")
    func deepArrays() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.nestingTooDeep(limit: 512, at: JSONPosition(offset: 512, line: 1, column: 513))) {
            try JSONValue.parse(text)
        }
    }

    @Test("100 000 nested objects are rejected too")
    func deepObjects() {
        let text = String(repeating: #"{"a":"#, count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("a raised depth limit parses deep input iteratively")
    func raisedLimit() throws {
        let depth = 2_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue.parse(text, limits: JSONLimits(maxDepth: depth))
        var levels = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            levels += 1
        }
        #expect(levels == depth - 1)
    }

    @Test("a 1 MB string")
    func megabyteString() throws {
        let body = String(repeating: "abcdefgh", count: 131_072)
        let value = try JSONValue.parse("\"" + body + "\"")
        #expect(value.stringValue?.utf8.count == 1_048_576)
        let escaped = String(repeating: "a\\n", count: 350_000)
        #expect(try JSONValue.parse("\"" + escaped + "\"").stringValue?.utf8.count == 700_000)
    }

    @Test("an unterminated 1 MB string")
    func unterminatedString() {
        let text = "\"" + String(repeating: "x", count: 1_048_576)
        #expect(throws: JSONParseError.unexpectedEndOfInput(
            expected: "'\"' to close the string", at: JSONPosition(offset: 1_048_577, line: 1, column: 1_048_578)
        )) {
            try JSONValue.parse(text)
        }
    }

    @Test("NUL bytes are rejected wherever they appear", arguments: [
        [0x00], [0x5B, 0x00, 0x5D], [0x22, 0x00, 0x22], [0x31, 0x00], [0x7B, 0x22, 0x61, 0x22, 0x00, 0x3A, 0x31, 0x7D],
    ] as [[UInt8]])
    func nulBytes(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
    }

    @Test("an escaped NUL is a valid character")
    func escapedNul() throws {
        #expect(try JSONValue.parse(#""a\u0000b""#) == .string("a\u{0}b"))
    }

    @Test("every single byte as a document: no crash, only values or errors")
    func singleBytes() {
        var accepted: [UInt8] = []
        for byte in UInt8.min...UInt8.max {
            if (try? JSONValue.parse([byte])) != nil { accepted.append(byte) }
        }
        #expect(accepted == Array("0123456789".utf8))
    }

    @Test("truncations of a valid document are all rejected")
    func truncations() throws {
        let bytes = Array(#"{"a":[1,-2.5e3,"x\u00e9\ud83d\ude00",true,null,{"b":false}]}"#.utf8)
        _ = try JSONValue.parse(bytes)
        for length in 0..<bytes.count {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(bytes[..<length])) }
        }
    }

    @Test("huge numbers: many digits, huge exponents")
    func hugeNumbers() throws {
        let digits = String(repeating: "9", count: 100_000)
        // Beyond Int64 and a Double: the literal is kept, as OPA keeps it.
        #expect(try JSONValue.parse(digits) == .number(digits))
        let small = "0." + String(repeating: "0", count: 100_000) + "1"
        #expect(try JSONValue.parse(small) == .double(0))
        let long = "1." + String(repeating: "0", count: 10_000) + "1"
        #expect(try JSONValue.parse(long) == .double(1))
        #expect(try JSONValue.parse("1e-99999999999999999999") == .double(0))
        #expect(try JSONValue.parse("1e+99999999999999999999") == .number("1e+99999999999999999999"))
    }

    @Test("input over maxBytes is refused before parsing")
    func maxBytes() {
        let text = "[" + String(repeating: "1,", count: 1_000) + "1]"
        #expect(throws: JSONParseError.inputTooLarge(byteCount: 2_003, limit: 2_000)) {
            try JSONValue.parse(text, limits: JSONLimits(maxBytes: 2_000))
        }
    }

    @Test("many members and elements")
    func wide() throws {
        var text = "{"
        for index in 0..<10_000 {
            text += "\"k\(index)\":[\(index)],"
        }
        text += "\"last\":0}"
        let value = try JSONValue.parse(text)
        #expect(value.objectValue?.count == 10_001)
        #expect(value["k9999"] == [9999])
    }
}
