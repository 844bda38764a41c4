/// Which entrypoints of a policy bundle an evaluation calls.
public enum PolicyEvaluationMode: String, Sendable, CaseIterable {
    /// Routed for bundles Cupcake compiled itself (it asks opa for one entrypoint per policy
    /// package), the module's aggregate entrypoint for prebuilt ones.
    case automatic
    /// Always the aggregate entrypoint (`cupcake/system/evaluate`): every policy of the bundle
    /// is evaluated once anything routes, as upstream Cupcake does.
    case aggregate
    /// Only the routed policy packages, aggregated in the host, whenever the bundle exports an
    /// entrypoint per package and the project's aggregator is the standard one (prebuilt bundles
    /// too); otherwise the aggregate entrypoint.
    case routed
}
