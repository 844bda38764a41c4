/// What `cupcake inspect` shows of one harness's project policies: each policy's METADATA, the
/// rulebook builtins that are on, the signals defined, and the bundle with its entrypoints.
package struct PolicyInventory: Sendable {
    /// The compiled bundle the engine evaluates.
    package struct Bundle: Sendable {
        /// The bundle file: the prebuilt `bundles/<harness>.tar.gz`, or the one compiled into the cache.
        package var path: String
        /// Size of policy.wasm.
        package var moduleBytes: Int
        /// The aggregate entrypoint first, then one per policy package when the bundle has them.
        package var entrypoints: [String]
        /// The OPA builtins the module calls (the host provides them).
        package var opaBuiltins: [String]
        /// "aggregate" (every policy through the aggregate entrypoint) or "routed".
        package var evaluation: String
        /// Why that evaluation was chosen.
        package var evaluationReason: String
    }

    /// The harness whose `policies/<harness>/` this lists.
    package var harness: Harness
    /// The routed policies (upstream's builtin Rego left out: the native builtins stand for it), by path.
    package var policies: [PolicyInfo]
    /// The enabled rulebook builtins, in upstream's order.
    package var builtins: [String]
    /// The names of the defined signals (rulebook.yml, `signals/`, builtins), sorted.
    package var signals: [String]
    /// Nil when there are no policies, or no bundle could be found or compiled (see `bundleProblem`).
    package var bundle: Bundle?
    /// Why there is no bundle although there are policies (no prebuilt bundle and no opa, ...).
    package var bundleProblem: String?
    /// What loading tolerated (unknown rulebook keys, skipped files).
    package var warnings: [String]

    /// Loads the project layer of `configuration` as `cupcake eval` would. A bundle that cannot be
    /// found, compiled or loaded is reported in `bundleProblem` rather than thrown: the policies
    /// are still listed. Configuration and METADATA errors are thrown.
    package static func load(configuration: EngineConfiguration) throws(EngineError) -> PolicyInventory {
        let directory = configuration.policyDirectory
        do {
            let layer = try PolicyLayer(name: "project", directory: directory, configuration: configuration, tracer: .disabled)
            var inventory = PolicyInventory(configuration.harness, layer.rulebook, layer.policies, layer.warnings)
            if let runtime = layer.runtime, let origin = layer.bundleOrigin {
                let evaluation = if case .routed = layer.plan { "routed" } else { "aggregate" }
                inventory.bundle = Bundle(path: origin, moduleBytes: layer.moduleSize, entrypoints: layer.entrypoints,
                                          opaBuiltins: runtime.builtins, evaluation: evaluation, evaluationReason: layer.planReason)
            }
            return inventory
        } catch {
            switch error {
            case .bundle, .bundleLoad, .wasm:
                let sources = try PolicyLayer.sources(name: "project", directory: directory, harness: configuration.harness.rawValue,
                                                      cacheDirectory: configuration.cacheDirectory, tracer: .disabled)
                var inventory = PolicyInventory(configuration.harness, sources.rulebook, sources.policies, sources.warnings)
                inventory.bundleProblem = error.description
                return inventory
            default:
                throw error
            }
        }
    }

    private init(_ harness: Harness, _ rulebook: Rulebook, _ policies: [PolicyInfo], _ warnings: [String]) {
        self.harness = harness
        self.policies = policies
        builtins = rulebook.builtins.enabledNames
        signals = rulebook.signals.keys.sorted()
        self.warnings = warnings
    }
}
