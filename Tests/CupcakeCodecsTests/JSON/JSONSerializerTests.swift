import Testing
@testable import CupcakeCodecs

@Suite("JSON serializer")
struct JSONSerializerTests {
    @Test("compact output with keys sorted by UTF-8 bytes")
    func sortedKeys() {
        let value: JSONValue = ["b": 1, "a": [true, false, nil], "B": "x", "é": 2, "e": 3, "aa": [:], "": 0]
        #expect(value.jsonString == #"{"":0,"B":"x","a":[true,false,null],"aa":{},"b":1,"e":3,"é":2}"#)
    }

    @Test("key order is byte order, not Unicode collation")
    func byteOrder() {
        // U+FF21 (EF BC A1) sorts after U+00E9 (C3 A9) and U+007A.
        let value: JSONValue = ["\u{FF21}": 1, "é": 2, "z": 3, "Z": 4]
        #expect(value.jsonString == "{\"Z\":4,\"z\":3,\"é\":2,\"\u{FF21}\":1}")
    }

    @Test("nested objects are sorted at every level")
    func nestedSorting() {
        let value: JSONValue = ["z": ["y": 1, "x": [["b": 2, "a": 1]]], "a": 0]
        #expect(value.jsonString == #"{"a":0,"z":{"x":[{"a":1,"b":2}],"y":1}}"#)
    }

    @Test("string escapes per RFC 8259", arguments: [
        ("plain", #""plain""#),
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("/", #""/""#),
        ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("<&>", #""<&>""#),
        ("é😀\u{2028}", "\"é😀\u{2028}\""),
        ("a\"b\\c\nd", #""a\"b\\c\nd""#),
    ])
    func escapes(text: String, expected: String) {
        #expect(JSONValue.string(text).jsonString == expected)
    }

    @Test("Go-style HTML escaping for json.marshal")
    func htmlEscaping() {
        var out: [UInt8] = []
        JSONWriter.write(.string("<a href=\"x\">&\u{2028}\u{2029}</a>"), into: &out, escapeHTML: true)
        #expect(String(decoding: out, as: UTF8.self) == #""\u003ca href=\"x\"\u003e\u0026\u2028\u2029\u003c/a\u003e""#)
    }

    @Test("integers", arguments: [
        (Int64(0), "0"), (7, "7"), (-7, "-7"), (10, "10"), (1_234_567_890, "1234567890"),
        (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
    ])
    func integers(number: Int64, expected: String) {
        #expect(JSONValue.int(number).jsonString == expected)
    }

    @Test("doubles read back as the same Double", arguments: [
        0.1, 1.5, -2.25, 1e21, 1e-7, .leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.123456789, 3.0, -0.0, 0.30000000000000004,
    ])
    func doublesRoundTrip(number: Double) throws {
        let text = JSONValue.double(number).jsonString
        let back = try JSONValue.parse(text)
        #expect(back == .double(number), "\(text)")
        #expect(back.doubleValue?.sign == number.sign)
    }

    @Test("non-finite doubles become null")
    func nonFinite() {
        #expect(JSONValue.double(.infinity).jsonString == "null")
        #expect(JSONValue.double(-.infinity).jsonString == "null")
        #expect(JSONValue.double(.nan).jsonString == "null")
        #expect(JSONValue.array([.double(.nan), 1]).jsonString == "[null,1]")
    }

    @Test("serialize(into:) appends to an existing buffer")
    func appends() {
        var buffer = Array("prefix:".utf8)
        JSONValue.array([1, "x"]).serialize(into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:[1,"x"]"#)
        #expect(JSONValue.array([1, "x"]).serialized() == Array(#"[1,"x"]"#.utf8))
    }

    @Test("parse then serialize then parse is the identity", arguments: [
        #"{"session_id":"abc","tool_input":{"command":"ls -la","timeout":120000},"flags":[true,false,null]}"#,
        #"[1,-2,3.5,-0.25,1e+30,"\u0000\u001f\"\\",{"":{"":[]}}]"#,
        #"{"emoji":"\ud83d\ude00","text":"line1\nline2\ttab"}"#,
        #"[9223372036854775807,-9223372036854775808,9223372036854775808,1e400]"#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValue.parse(text)
        let again = try JSONValue.parse(value.serialized())
        #expect(again == value)
        #expect(again.serialized() == value.serialized())
    }

    @Test("serialization of a parsed document is canonical")
    func canonical() throws {
        let value = try JSONValue.parse(" { \"b\" : [ 1 , 2 ] , \"a\" : \"\\u0041\" } ")
        #expect(value.jsonString == #"{"a":"A","b":[1,2]}"#)
    }
}
