import Testing
@testable import CupcakeCodecs

@Suite("JSON parser: accepted documents")
struct JSONParserTests {
    @Test("scalars at the top level")
    func scalars() throws {
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("true") == .bool(true))
        #expect(try JSONValue.parse("false") == .bool(false))
        #expect(try JSONValue.parse("42") == .int(42))
        #expect(try JSONValue.parse("\"hi\"") == .string("hi"))
        #expect(try JSONValue.parse(" \t\r\n 7 \n") == .int(7))
    }

    @Test("nested arrays and objects")
    func containers() throws {
        let value = try JSONValue.parse(#"{"a": [1, {"b": null}, []], "c": {}, "d": [[], [[]]]}"#)
        let expected: JSONValue = ["a": [1, ["b": nil], []], "c": [:], "d": [[], [[]]]]
        #expect(value == expected)
    }

    @Test("the three entry points agree")
    func entryPoints() throws {
        let text = #"{"k":[1,2.5,"x",true]}"#
        let fromString = try JSONValue.parse(text)
        let fromBytes = try JSONValue.parse(Array(text.utf8))
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { buffer in try JSONValue.parse(buffer) }
        #expect(fromString == fromBytes)
        #expect(fromBuffer == fromBytes)
        #expect(fromString["k"]?[1] == .double(2.5))
    }

    @Test("duplicate keys: the last one wins")
    func duplicateKeys() throws {
        #expect(try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#) == ["a": 3, "b": 2])
    }

    @Test("integers stay exact, numbers no Int64 or Double holds keep their text, others are doubles", arguments: [
        ("0", JSONValue.int(0)),
        ("-0", .int(0)),
        ("123", .int(123)),
        ("-17", .int(-17)),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .number("9223372036854775808")),
        ("-9223372036854775809", .number("-9223372036854775809")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        ("1e400", .number("1e400")),
        ("-1E+999", .number("-1E+999")),
        ("1.0", .double(1.0)),
        ("-0.0", .double(-0.0)),
        ("0.1", .double(0.1)),
        ("1e2", .double(100)),
        ("1E+2", .double(100)),
        ("1e-2", .double(0.01)),
        ("2.5e-3", .double(0.0025)),
        ("1e22", .double(1e22)),
        ("1e23", .double(1e23)),
        ("123456789.123456789", .double(123456789.123456789)),
        ("0.30000000000000004", .double(0.30000000000000004)),
        ("1.7976931348623157e308", .double(1.7976931348623157e308)),
        ("4.9e-324", .double(.leastNonzeroMagnitude)),
        ("1e-400", .double(0)),
        ("0.000000000000000000000000000001", .double(1e-30)),
        ("100000000000000000000000000000e-29", .double(1)),
        ("12345678901234567890.5e-10", .double(1234567890.123456789)),
    ])
    func numbers(text: String, expected: JSONValue) throws {
        let value = try JSONValue.parse(text)
        #expect(value == expected)
        if case .double(let parsed) = value, case .double(let wanted) = expected {
            #expect(parsed.sign == wanted.sign)
        }
    }

    @Test("every escape sequence")
    func escapes() throws {
        let value = try JSONValue.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \u0000""#)
        #expect(value == .string("\" \\ / \u{8} \u{C} \n \r \t A é € \u{0}"))
    }

    @Test("surrogate pairs combine into one scalar")
    func surrogatePair() throws {
        let value = try JSONValue.parse(#""\ud83d\ude00 \uD834\uDD1E""#)
        #expect(value == .string("😀 𝄞"))
    }

    @Test("lone surrogates become U+FFFD when replacing is asked for", arguments: [
        (#""\ud83d""#, "\u{FFFD}"),
        (#""\ude00""#, "\u{FFFD}"),
        (#""\ud83dx""#, "\u{FFFD}x"),
        (#""\ud83d\u0041""#, "\u{FFFD}A"),
        (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""a\ud800\n""#, "a\u{FFFD}\n"),
    ])
    func loneSurrogates(text: String, expected: String) throws {
        #expect(try JSONValue.parse(text, limits: .init(replacesInvalidUnicode: true)) == .string(expected))
    }

    @Test("lone surrogates are errors naming the escape and its byte offset", arguments: [
        (#""\ud83d""#, 1, "D83D"),
        (#""\ude00""#, 1, "DE00"),
        (#""ab\ud83dx""#, 3, "D83D"),
        (#""\ud83d\u0041""#, 1, "D83D"),
        (#""\ud83d\ude00\ude00""#, 13, "DE00"),
        (#"{"k\udfff":1}"#, 3, "DFFF"),
    ])
    func loneSurrogateErrors(text: String, offset: Int, unit: String) throws {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            guard case .loneSurrogate = error else { Issue.record("\(error)"); return }
            #expect(error.offset == offset)
            #expect(error.description.contains("\\u\(unit)"))
            #expect(error.description.contains("byte offset \(offset)"))
        }
    }

    @Test("invalid UTF-8 is an error naming the first bad byte and its offset", arguments: [
        ([0x22, 0xFF, 0x22], 1, 0xFF),
        ([0x22, 0x61, 0xC3, 0x22], 2, 0xC3),  // truncated before the closing quote
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 0xED),  // encoded surrogate
        ([0x22, 0xC0, 0xAF, 0x22], 1, 0xC0),  // overlong '/'
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1, 0xE0),  // overlong 3-byte '/'
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 0xF4),  // above U+10FFFF
        ([0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], 1, 0xF8),  // 5-byte form
        ([0x22, 0xC3, 0x5C, 0x6E, 0x22], 1, 0xC3),  // truncated sequence before an escape
        ([0x22, 0x5C, 0x6E, 0x80, 0x22], 3, 0x80),  // stray continuation after an escape
        (Array("{\"key\":\"".utf8) + Array(repeating: 0x61, count: 37) + [0xC0, 0xAF, 0x22, 0x7D], 45, 0xC0),
        (Array("{\"".utf8) + [0xFF] + Array("\":1}".utf8), 2, 0xFF),  // in a key
    ] as [([UInt8], Int, UInt8)])
    func invalidUTF8Errors(bytes: [UInt8], offset: Int, byte: UInt8) throws {
        do {
            _ = try JSONValue.parse(bytes)
            Issue.record("accepted \(bytes)")
        } catch {
            #expect(error == .invalidUTF8(byte: byte, at: error.position ?? JSONPosition(offset: -1, line: 0, column: 0)))
            #expect(error.offset == offset)
            #expect(error.description.contains("byte offset \(offset)"))
        }
    }

    @Test("invalid UTF-8 inside strings becomes U+FFFD when replacing is asked for", arguments: [
        ([0x22, 0xFF, 0x22], "\u{FFFD}"),
        ([0x22, 0x61, 0xC3, 0x22], "a\u{FFFD}"),
        ([0x22, 0xC3, 0xA9, 0x22], "é"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // encoded surrogate
        ([0x22, 0xC0, 0xAF, 0x22], "\u{FFFD}\u{FFFD}"),  // overlong '/'
        ([0x22, 0xC3, 0x5C, 0x6E, 0x22], "\u{FFFD}\n"),  // truncated sequence before an escape
        ([0x22, 0x5C, 0x6E, 0x80, 0x22], "\n\u{FFFD}"),  // stray continuation after an escape
    ] as [([UInt8], String)])
    func invalidUTF8(bytes: [UInt8], expected: String) throws {
        #expect(try JSONValue.parse(bytes, limits: .init(replacesInvalidUnicode: true)) == .string(expected))
    }

    @Test("valid multi-byte UTF-8 passes through")
    func multiByte() throws {
        let text = "\"日本語 café 😀 \u{7F}\""
        #expect(try JSONValue.parse(text) == .string("日本語 café 😀 \u{7F}"))
    }

    @Test("strings longer than a machine word with escapes at every offset")
    func escapeOffsets() throws {
        for offset in 0..<20 {
            let prefix = String(repeating: "a", count: offset)
            let value = try JSONValue.parse("\"\(prefix)\\n\(prefix)\"")
            #expect(value == .string(prefix + "\n" + prefix))
        }
    }

    @Test("nesting up to the limit is accepted")
    func depthAtLimit() throws {
        let limits = JSONLimits(maxDepth: 5)
        let text = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        let value = try JSONValue.parse(text, limits: limits)
        #expect(value == [[[[[]]]]])
        let objects = String(repeating: #"{"a":"#, count: 5) + "1" + String(repeating: "}", count: 5)
        #expect(try JSONValue.parse(objects, limits: limits)["a"]?["a"]?["a"]?["a"]?["a"] == .int(1))
    }
}
