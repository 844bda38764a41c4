/// Routed evaluation of one layer, prepared at load so an evaluation does no string work: each
/// policy package the aggregator walks, with its entrypoint and its path below the root, in the
/// walk's order.
struct RoutedPlan: Sendable {
    struct Package: Sendable {
        /// Position in the walk's order.
        let ordinal: Int
        let name: String
        let entrypoint: String
        let path: [String]
    }

    let aggregator: StandardAggregator
    /// Whether the documents of any subset of the packages, visited one by one in order, are the
    /// walk of the tree they form (true unless packages nest or a segment is named like a verb).
    let isDisjoint: Bool
    private let packages: [String: Package]

    /// The plan over `packageNames` (those outside the aggregator's root are never walked, and
    /// left out).
    init(aggregator: StandardAggregator, packageNames: some Sequence<String>) {
        self.aggregator = aggregator
        let placed = Set(packageNames).compactMap { name in aggregator.relativePath(ofPackage: name).map { (name, $0) } }
            .sorted { RoutedAggregation.pathOrder($0.1, $1.1) }
        var packages: [String: Package] = [:]
        for (ordinal, (name, path)) in placed.enumerated() {
            packages[name] = Package(ordinal: ordinal, name: name, entrypoint: EvaluationPlan.entrypoint(ofPackage: name), path: path)
        }
        self.packages = packages
        isDisjoint = RoutedAggregation.isDisjoint(placed.map(\.1), verbs: aggregator.verbs)
    }

    /// The packages of `policies` the aggregator walks, each once, in the walk's order.
    func packages(of policies: [PolicyInfo]) -> [Package] {
        var seen = Set<Int>()
        var found: [Package] = []
        for policy in policies {
            if let package = packages[policy.packageName], seen.insert(package.ordinal).inserted { found.append(package) }
        }
        return found.sorted { $0.ordinal < $1.ordinal }
    }

    /// The DecisionSet object of the packages' documents (`documents[i]` of `packages[i]`).
    func decisionSet(_ packages: [Package], documents: [JSONValue?]) -> JSONValue {
        RoutedAggregation.decisionSet(
            placed: zip(packages, documents).map { (path: $0.path, document: $1) }, aggregator: aggregator, inWalkOrder: isDisjoint)
    }
}
