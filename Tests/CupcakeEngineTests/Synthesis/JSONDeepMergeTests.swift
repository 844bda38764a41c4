import Testing
@testable import CupcakeEngine

@Suite("JSONValue deep merge")
struct JSONDeepMergeTests {
    @Test("objects merge recursively, the receiver wins conflicts")
    func recursive() {
        let base: JSONValue = ["a": 1, "o": ["x": 1, "deep": ["k": "base"]]]
        let other: JSONValue = ["a": 2, "b": 3, "o": ["y": 2, "deep": ["k": "other", "j": true]]]
        #expect(base.merged(fillingFrom: other) == ["a": 1, "b": 3, "o": ["x": 1, "y": 2, "deep": ["k": "base", "j": true]]])
    }

    @Test("non-objects are never merged into")
    func scalars() {
        #expect(JSONValue.string("s").merged(fillingFrom: ["a": 1]) == "s")
        #expect(JSONValue.array([1]).merged(fillingFrom: [2]) == [1])
        #expect((["a": 1] as JSONValue).merged(fillingFrom: "s") == ["a": 1])
        #expect(JSONValue.null.merged(fillingFrom: ["a": 1]) == .null)
    }
}
