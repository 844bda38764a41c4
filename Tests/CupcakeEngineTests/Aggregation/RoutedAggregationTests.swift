import Testing

@testable import CupcakeEngine

/// The host's aggregation of package documents, against what the standard aggregator's walk
/// collects.
@Suite struct RoutedAggregationTests {
    static let aggregator = StandardAggregator(
        packageName: "cupcake.system", root: ["cupcake", "policies"],
        entries: [.init(key: "denials", verb: "deny"), .init(key: "asks", verb: "ask"), .init(key: "add_context", verb: "add_context")])

    static func decision(_ id: String) -> JSONValue { ["rule_id": .string(id), "reason": .string("r \(id)")] }

    @Test("walks(package:) answers as relativePath(ofPackage:) does", arguments: [
        ("cupcake.policies.a", true), ("cupcake.policies", true), ("cupcake.policies.a.b", true),
        ("cupcake.policies.", true), ("cupcake.policies..a", true), ("cupcake.policiesX.a", false),
        ("cupcake.policie", false), ("cupcake.other.a", false), ("cupcake", false), ("", false), ("xcupcake.policies.a", false),
    ])
    func walkedPackages(package: String, walked: Bool) {
        #expect(Self.aggregator.walks(package: package) == walked)
        #expect((Self.aggregator.relativePath(ofPackage: package) != nil) == walked)
    }

    @Test func verbsAtAnyDepthInPathOrder() throws {
        let documents: [(package: String, document: JSONValue?)] = [
            ("cupcake.policies.b", ["deny": [Self.decision("B1"), Self.decision("B2")], "helper": ["ask": [Self.decision("B-ASK")]]]),
            ("cupcake.policies.a", ["deny": [Self.decision("A1")], "add_context": ["hello"]]),
            // Undefined: contributes nothing.
            ("cupcake.policies.c", nil),
            // Outside the walked root: never collected.
            ("cupcake.other.d", ["deny": [Self.decision("D1")]]),
        ]
        let set = RoutedAggregation.decisionSet(documents, aggregator: Self.aggregator)
        #expect(set == [
            "denials": [Self.decision("A1"), Self.decision("B1"), Self.decision("B2")],
            "asks": [Self.decision("B-ASK")],
            "add_context": ["hello"],
        ])
    }

    @Test("a nested package is collected once though its parent's document holds it too, in walk order")
    func nestedPackagesOnce() {
        let child: JSONValue = ["deny": [Self.decision("CHILD")]]
        let documents: [(package: String, document: JSONValue?)] = [
            ("cupcake.policies.parent", ["deny": [Self.decision("PARENT")], "child": child]),
            ("cupcake.policies.parent.child", child),
        ]
        let set = RoutedAggregation.decisionSet(documents, aggregator: Self.aggregator)
        // Keys in order: "child" comes before "deny".
        #expect(set["denials"] == [Self.decision("CHILD"), Self.decision("PARENT")])
    }

    @Test("`some x in v`: an object gives its values, a scalar nothing; a package named like a verb counts")
    func elementsOfEachKind() {
        let documents: [(package: String, document: JSONValue?)] = [
            ("cupcake.policies.a", ["deny": ["second": Self.decision("O2"), "first": Self.decision("O1")], "ask": "not a collection"]),
            ("cupcake.policies.deny", ["rule": Self.decision("PKG")]),
        ]
        let set = RoutedAggregation.decisionSet(documents, aggregator: Self.aggregator)
        // Package "deny" is itself at a path ending in the verb: its document's values count.
        #expect(set["denials"] == [Self.decision("O1"), Self.decision("O2"), Self.decision("PKG")])
        #expect(set["asks"] == [])
    }

    @Test func everyEntryIsPresentEvenWhenEmpty() {
        let set = RoutedAggregation.decisionSet([], aggregator: Self.aggregator)
        #expect(set == ["denials": [], "asks": [], "add_context": []])
    }
}

extension RoutedAggregation {
    /// The DecisionSet of documents named by package (those outside the root left out), in no
    /// particular order: what the tests state cases in.
    static func decisionSet(_ documents: [(package: String, document: JSONValue?)], aggregator: StandardAggregator) -> JSONValue {
        let placed = documents.compactMap { package, document in
            aggregator.relativePath(ofPackage: package).map { (path: $0, document: document) }
        }
        return decisionSet(placed: placed, aggregator: aggregator)
    }
}
