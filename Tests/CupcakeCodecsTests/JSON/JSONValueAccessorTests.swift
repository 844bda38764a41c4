import Testing

@testable import CupcakeCodecs

@Suite("JSONValue accessors and literals")
struct JSONValueAccessorTests {
    let document: JSONValue = [
        "name": "cupcake", "count": 3, "ratio": 0.5, "whole": 4.0, "on": true, "none": nil,
        "list": [10, "x"], "nested": ["k": "v"],
    ]

    @Test("subscripts")
    func subscripts() {
        #expect(document["name"] == .string("cupcake"))
        #expect(document["missing"] == nil)
        #expect(document["list"]?[0] == .int(10))
        #expect(document["list"]?[1] == .string("x"))
        #expect(document["list"]?[2] == nil)
        #expect(document["list"]?[-1] == nil)
        #expect(document["nested"]?["k"] == .string("v"))
        #expect(document["name"]?["k"] == nil)
        #expect(document[0] == nil)
        #expect(document["none"] == .null)
    }

    @Test("typed accessors")
    func typed() {
        #expect(document["name"]?.stringValue == "cupcake")
        #expect(document["count"]?.stringValue == nil)
        #expect(document["on"]?.boolValue == true)
        #expect(document["name"]?.boolValue == nil)
        #expect(document["count"]?.intValue == 3)
        #expect(document["whole"]?.intValue == 4)
        #expect(document["ratio"]?.intValue == nil)
        #expect(document["count"]?.doubleValue == 3.0)
        #expect(document["ratio"]?.doubleValue == 0.5)
        #expect(document["name"]?.doubleValue == nil)
        #expect(document["list"]?.arrayValue == [10, "x"])
        #expect(document["nested"]?.objectValue == ["k": "v"])
        #expect(document["list"]?.objectValue == nil)
        #expect(document["none"]?.isNull == true)
        #expect(document["on"]?.isNull == false)
    }

    @Test("intValue of doubles at the edges of Int64")
    func intEdges() {
        #expect(JSONValue.double(-9_223_372_036_854_775_808.0).intValue == Int64.min)
        #expect(JSONValue.double(9_223_372_036_854_775_808.0).intValue == nil)
        #expect(JSONValue.double(9_223_372_036_854_774_784.0).intValue == 9_223_372_036_854_774_784)
        #expect(JSONValue.double(.infinity).intValue == nil)
        #expect(JSONValue.double(.nan).intValue == nil)
        #expect(JSONValue.double(-0.0).intValue == 0)
        #expect(JSONValue.double(1e-300).intValue == nil)
    }

    @Test("OPA type names", arguments: [
        (JSONValue.null, "null"), (.bool(false), "boolean"), (.int(1), "number"), (.double(1.5), "number"),
        (.string(""), "string"), (.array([]), "array"), (.object([:]), "object"),
    ])
    func typeNames(value: JSONValue, name: String) {
        #expect(value.typeName == name)
    }

    @Test("literals build the expected cases")
    func literals() {
        let string: JSONValue = "s"
        let int: JSONValue = 5
        let double: JSONValue = 2.5
        let bool: JSONValue = true
        let null: JSONValue = nil
        let array: JSONValue = [1, "a"]
        let object: JSONValue = ["a": 1, "a ": 2]
        #expect(string == .string("s"))
        #expect(int == .int(5))
        #expect(double == .double(2.5))
        #expect(bool == .bool(true))
        #expect(null == .null)
        #expect(array == .array([.int(1), .string("a")]))
        #expect(object == .object(["a": .int(1), "a ": .int(2)]))
    }

    @Test("description is compact sorted JSON")
    func description() {
        let value: JSONValue = ["b": [1, 2.5], "a": "x\n"]
        #expect(value.description == #"{"a":"x\n","b":[1,2.5]}"#)
        #expect("\(value)" == value.jsonString)
    }
}
