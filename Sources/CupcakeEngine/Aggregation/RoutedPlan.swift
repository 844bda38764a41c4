/// Routed evaluation of one layer: the recognised standard aggregator, and for each event the
/// routed policy packages it walks, with their entrypoints and paths below its root.
///
/// Nothing is prepared per package at load: a hook process evaluates one event, so placing all
/// of a project's packages up front cost more than placing the few that route.
struct RoutedPlan: Sendable {
    struct Package: Sendable {
        let name: String
        let entrypoint: String
        let path: [String]
    }

    let aggregator: StandardAggregator

    init(aggregator: StandardAggregator) {
        self.aggregator = aggregator
    }

    /// The packages of `policies` the aggregator walks, each once, in the walk's order.
    func packages(of policies: [PolicyInfo]) -> [Package] {
        var seen = Set<String>()
        var found: [Package] = []
        for policy in policies where seen.insert(policy.packageName).inserted {
            guard let path = aggregator.relativePath(ofPackage: policy.packageName) else { continue }
            found.append(Package(name: policy.packageName, entrypoint: EvaluationPlan.entrypoint(ofPackage: policy.packageName), path: path))
        }
        return found.sorted { RoutedAggregation.pathOrder($0.path, $1.path) }
    }

    /// The DecisionSet object of the packages' documents (`documents[i]` of `packages[i]`).
    func decisionSet(_ packages: [Package], documents: [JSONValue?]) -> JSONValue {
        RoutedAggregation.decisionSet(
            placed: zip(packages, documents).map { (path: $0.path, document: $1) }, aggregator: aggregator)
    }
}
