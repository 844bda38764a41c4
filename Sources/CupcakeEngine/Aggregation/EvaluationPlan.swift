/// How one layer's policies are evaluated, decided once at load.
enum EvaluationPlan: Sendable {
    /// The module's aggregate entrypoint.
    case aggregate(entrypoint: String)
    /// Only the routed packages' entrypoints, aggregated in the host as the standard
    /// aggregator does.
    case routed(RoutedPlan)

    /// The plan for a loaded layer, with the reason for it (for traces and `inspect`).
    ///
    /// Routed evaluation needs all of: a mode that allows it (``PolicyEvaluationMode``), an
    /// aggregator recognised as the standard one (``AggregatorRecognizer``) whose entrypoint is
    /// the one this layer evaluates, no policy declaring the aggregator's own package, and an
    /// entrypoint in the module for every policy package the aggregator walks. Anything missing
    /// falls back to the aggregate entrypoint, which is always correct.
    static func choose(mode: PolicyEvaluationMode, compiledByCupcake: Bool, aggregateEntrypoint: String,
                       runtime: WasmPolicyRuntime, policies: [PolicyInfo],
                       aggregatorSources: () -> [(path: String, text: String)]) -> (plan: EvaluationPlan, reason: String) {
        let aggregate = EvaluationPlan.aggregate(entrypoint: aggregateEntrypoint)
        switch mode {
        case .aggregate: return (aggregate, "mode aggregate")
        case .automatic where !compiledByCupcake: return (aggregate, "prebuilt bundle")
        case .automatic, .routed: break
        }
        let aggregator: StandardAggregator
        switch AggregatorRecognizer.recognize(aggregatorSources()) {
        case .success(let recognized): aggregator = recognized
        case .failure(let notStandard): return (aggregate, "aggregator not standard: \(notStandard.reason)")
        }
        guard aggregator.entrypoint == aggregateEntrypoint else {
            return (aggregate, "aggregator \(aggregator.entrypoint) is not the evaluated \(aggregateEntrypoint)")
        }
        for policy in policies {
            if policy.packageName == aggregator.packageName {
                return (aggregate, "\(policy.path) declares the aggregator's package")
            }
            guard aggregator.walks(package: policy.packageName) else { continue }
            let entrypoint = Self.entrypoint(ofPackage: policy.packageName)
            guard runtime.hasEntrypoint(entrypoint) else { return (aggregate, "the bundle has no entrypoint \(entrypoint)") }
        }
        return (.routed(RoutedPlan(aggregator: aggregator)), "routed")
    }

    /// `cupcake.policies.bash_guard` → `cupcake/policies/bash_guard`.
    static func entrypoint(ofPackage package: String) -> String {
        String(decoding: package.utf8.map { $0 == 0x2E ? 0x2F : $0 }, as: UTF8.self)
    }
}
