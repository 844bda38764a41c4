import CupcakeTrace
import Foundation

/// One directory of policies (the project's, or the machine-wide global one), loaded once and
/// reused for every evaluation: its rulebook, routing index and WebAssembly runtime.
final class PolicyLayer: Sendable {
    let name: String
    let directory: String
    let rulebook: Rulebook
    let routing: RoutingIndex
    let policies: [PolicyInfo]
    /// Nil when the layer has no policies for this harness: nothing to evaluate.
    let runtime: WasmPolicyRuntime?
    let bundleOrigin: String?
    /// Size of policy.wasm in the bundle.
    let moduleSize: Int
    let warnings: [String]
    /// What the layer's rulebook builtins know about where they run.
    let builtinEnvironment: BuiltinEnvironment
    /// Which entrypoints an evaluation calls, and why.
    let plan: EvaluationPlan
    let planReason: String

    static let entrypoint = "cupcake/system/evaluate"
    /// The aggregate entrypoint of a global bundle compiled as upstream compiles it.
    static let globalEntrypoint = "cupcake/global/system/evaluate"

    /// The aggregate entrypoint to evaluate: the global one when this bundle has it.
    static func aggregateEntrypoint(of runtime: WasmPolicyRuntime) -> String {
        guard runtime.entrypoints.contains(PolicyLayer.globalEntrypoint),
              !runtime.entrypoints.contains(PolicyLayer.entrypoint) else { return PolicyLayer.entrypoint }
        return PolicyLayer.globalEntrypoint
    }

    /// The bundle's entrypoints, the aggregate first, then the per-package ones; none without a bundle.
    var entrypoints: [String] {
        let all = runtime?.entrypoints ?? []
        return all.filter { $0.hasSuffix("system/evaluate") } + all.filter { !$0.hasSuffix("system/evaluate") }
    }

    /// The native builtin an upstream builtin Rego policy (`cupcake.policies.builtins.*`,
    /// `cupcake.global.policies.builtins.*`) stands for. Such a policy is not routed: the native
    /// builtin decides. One with no native twin stays an ordinary policy.
    static func upstreamBuiltin(_ policy: PolicyInfo) -> String? {
        let package = policy.packageName
        guard package.hasPrefix("cupcake.policies.builtins.") || package.hasPrefix("cupcake.global.policies.builtins.") else { return nil }
        return BuiltinSettings.nativeName(ofRego: policy.path, package: package)
    }

    /// One step of loading inside its own span (wasm category), its error recorded there.
    private static func step<T>(_ span: String, _ layer: String, _ tracer: Tracer,
                                _ body: () throws(EngineError) -> T) throws(EngineError) -> T {
        try tracer.withSpan(span, category: .wasm, fields: ["layer": .string(layer)]) { _ throws(EngineError) in try body() }
    }

    init(name: String, directory: String, configuration: EngineConfiguration, tracer: Tracer) throws(EngineError) {
        guard BundleFileIO.isDirectory(directory) else {
            throw .policyDirectoryMissing(directory)
        }
        self.name = name
        self.directory = directory
        let harness = configuration.harness.rawValue
        let ownPolicies: [PolicyInfo]
        (rulebook, ownPolicies, warnings) = try Self.sources(
            name: name, directory: directory, harness: harness, cacheDirectory: configuration.cacheDirectory, tracer: tracer)
        policies = ownPolicies
        let environment = ProcessEnvironment.snapshot
        builtinEnvironment = BuiltinEnvironment(
            policyDirectory: PathResolver.resolve(directory, from: PathResolver.processDirectory()).path,
            home: HomeDirectory.from(environment), variables: environment)
        routing = RoutingIndex(policies: ownPolicies)
        if ownPolicies.isEmpty {
            runtime = nil
            bundleOrigin = nil
            moduleSize = 0
            (plan, planReason) = (.aggregate(entrypoint: PolicyLayer.entrypoint), "no policies")
            return
        }
        let resolver = BundleResolver(
            policyDirectory: directory, harness: harness, opaPath: configuration.opaPath,
            cacheDirectory: configuration.cacheDirectory)
        let resolved = try Self.step("resolve_bundle", name, tracer) { () throws(EngineError) in
            do throws(BundleResolveError) {
                return try resolver.resolve(packages: ownPolicies.map(\.packageName))
            } catch {
                throw .bundle(error)
            }
        }
        bundleOrigin = resolved.path
        let cache = WasmModuleCache(directory: configuration.cacheDirectory + "/wasm")
        // Before the bundle is read: an unchanged bundle's module comes from the cache unread.
        let identity = FileIdentity(path: resolved.path)
        let indexedPath = PathResolver.resolve(resolved.path, from: PathResolver.processDirectory()).path
        let engine = try? WasmEngine.shared()
        let layerRuntime: WasmPolicyRuntime
        if let identity, let engine,
           let hit = Self.indexedModule(cache: cache, bundle: indexedPath, identity: identity, engine: engine, tracer: tracer) {
            moduleSize = hit.wasmSize
            do {
                layerRuntime = try WasmPolicyRuntime.instantiate(
                    module: hit.module, stats: hit.stats, dataJSON: hit.dataJSON, origin: resolved.path,
                    configuration: configuration.wasm, knownFacts: hit.facts, tracer: tracer)
            } catch {
                throw .wasm(error)
            }
        } else {
            (layerRuntime, moduleSize) = try Self.readBundle(
                resolved.path, indexedAs: indexedPath, identity: identity, engine: engine, cache: cache, layer: name,
                configuration: configuration, tracer: tracer)
        }
        runtime = layerRuntime
        (plan, planReason) = Self.planEvaluation(
            runtime: layerRuntime, mode: configuration.policyEvaluation, compiledByCupcake: resolved.source != .prebuilt,
            policies: ownPolicies, directory: directory, harness: harness, layer: name, tracer: tracer)
    }

    /// The layer's rulebook (with the builtins its upstream Rego stands for), its own policies and
    /// the loading warnings: all but the bundle.
    static func sources(name: String, directory: String, harness: String, cacheDirectory: String, tracer: Tracer)
        throws(EngineError) -> (rulebook: Rulebook, policies: [PolicyInfo], warnings: [String]) {
        var loaded = try Self.step("load_rulebook", name, tracer) { () throws(EngineError) in
            do throws(ConfigError) {
                return try Rulebook.load(policyDirectory: directory, isGlobal: name == "global")
            } catch {
                throw .configuration(error)
            }
        }
        let discovered = try Self.step("discover_policies", name, tracer) { () throws(EngineError) in
            do throws(PolicyError) {
                return try PolicyDiscovery.discover(policyDirectory: directory, harness: harness, cacheDirectory: cacheDirectory)
            } catch {
                throw .policies(error)
            }
        }
        // upstream's builtin Rego (`cupcake.policies.builtins.*`, `cupcake.global.policies.builtins.*`)
        // is not routed: the native builtins decide, so a project upstream initialised needs no opa
        // for them.
        let regoBuiltins = discovered.policies.compactMap(PolicyLayer.upstreamBuiltin)
        let ownPolicies = discovered.policies.filter { PolicyLayer.upstreamBuiltin($0) == nil }
        loaded.builtins = loaded.builtins.adoptingRego(Set(regoBuiltins), isGlobal: name == "global")
        // A project of builtins alone has no policy directory, and that is no mistake; nor is a
        // global configuration without policies for every harness.
        let quiet = !loaded.builtins.enabled.isEmpty || name == "global"
        let warnings = loaded.warnings + discovered.warnings.filter { !(quiet && $0.contains(": no policy directory for harness")) }
        return (loaded, ownPolicies, warnings)
    }

    /// Reads the bundle, loads its module (from the module cache when it holds it) and records
    /// the bundle in the cache's index so the next load needs no read.
    private static func readBundle(_ path: String, indexedAs indexedPath: String, identity: FileIdentity?, engine: WasmEngine?,
                                   cache: WasmModuleCache, layer name: String, configuration: EngineConfiguration,
                                   tracer: Tracer) throws(EngineError) -> (WasmPolicyRuntime, Int) {
        let bundle = try Self.step("read_bundle", name, tracer) { () throws(EngineError) in
            do throws(BundleError) {
                return try PolicyBundle.load(path: path)
            } catch {
                throw .bundleLoad(error)
            }
        }
        let runtime: WasmPolicyRuntime
        do {
            runtime = try WasmPolicyRuntime.load(
                wasm: bundle.wasm, dataJSON: bundle.dataJSON, origin: path, configuration: configuration.wasm,
                cache: cache, tracer: tracer)
        } catch {
            throw .wasm(error)
        }
        if let identity, let engine {
            cache.recordBundle(at: indexedPath, identity: identity, wasm: bundle.wasm, module: runtime.module,
                               dataJSON: bundle.dataJSON, facts: runtime.moduleFacts, engine: engine)
        }
        return (runtime, bundle.wasm.count)
    }

    /// The layer's ``EvaluationPlan`` inside a `plan_evaluation` span (wasm category) naming
    /// the plan and its reason.
    private static func planEvaluation(runtime: WasmPolicyRuntime, mode: PolicyEvaluationMode, compiledByCupcake: Bool,
                                       policies: [PolicyInfo], directory: String, harness: String, layer: String,
                                       tracer: Tracer) -> (EvaluationPlan, String) {
        tracer.withSpan("plan_evaluation", category: .wasm, fields: ["layer": .string(layer), "mode": .string(mode.rawValue)]) { span in
            let (plan, reason) = EvaluationPlan.choose(
                mode: mode, compiledByCupcake: compiledByCupcake, aggregateEntrypoint: aggregateEntrypoint(of: runtime),
                runtime: runtime, policies: policies,
                aggregatorSources: { aggregatorSources(directory: directory, harness: harness) })
            if case .routed = plan { span.record("plan", .string("routed")) } else { span.record("plan", .string("aggregate")) }
            span.record("reason", .string(reason))
            return (plan, reason)
        }
    }

    /// The Rego of the aggregator package: every file under `system/` and `policies/<harness>/system/`.
    static func aggregatorSources(directory: String, harness: String) -> [(path: String, text: String)] {
        let roots = [directory + "/system", directory + "/policies/" + harness + "/system"]
            .filter(BundleFileIO.exists)
        guard let files = try? BundleResolver.regoFiles(under: roots) else { return [] }
        var sources: [(path: String, text: String)] = []
        for path in files {
            // One unreadable file makes the whole aggregator unknown: recognising the rest could
            // miss a rule that changes it.
            guard case .success(let data) = BundleFileIO.read(path, limit: PolicyDiscovery.maxPolicyBytes) else { return [] }
            sources.append((path, String(decoding: data, as: UTF8.self)))
        }
        return sources
    }

    /// The bundle's module through the cache's bundle index (reading, verifying and deserializing
    /// the cache entry), inside a `bundle_index` span (wasm category) that says whether it hit;
    /// nil on a miss.
    private static func indexedModule(cache: WasmModuleCache, bundle: String, identity: FileIdentity, engine: WasmEngine,
                                      tracer: Tracer) -> BundleIndexHit? {
        tracer.withSpan("bundle_index", category: .wasm, fields: ["origin": .string(bundle)]) { span in
            let hit = cache.moduleForBundle(at: bundle, identity: identity, engine: engine)
            span.record("hit", .bool(hit != nil))
            if let hit {
                span.record("module_size_bytes", .int(hit.wasmSize))
                // "mapped_image": the artifact mapped unread; "bundle_index": read and verified.
                span.record("source", .string(hit.stats.source.rawValue))
            }
            return hit
        }
    }
}
