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

    static let entrypoint = "cupcake/system/evaluate"
    /// The aggregate entrypoint of a global bundle compiled as upstream compiles it.
    static let globalEntrypoint = "cupcake/global/system/evaluate"

    /// The entrypoint to evaluate: the global one when this bundle has it.
    var evaluationEntrypoint: String {
        guard let runtime, runtime.entrypoints.contains(PolicyLayer.globalEntrypoint),
              !runtime.entrypoints.contains(PolicyLayer.entrypoint) else { return PolicyLayer.entrypoint }
        return PolicyLayer.globalEntrypoint
    }

    /// The native builtin an upstream builtin Rego policy (`cupcake.policies.builtins.*`,
    /// `cupcake.global.policies.builtins.*`) stands for. Such a policy is not routed: the native
    /// builtin decides. One with no native twin stays an ordinary policy.
    static func upstreamBuiltin(_ policy: PolicyInfo) -> String? {
        let package = policy.packageName
        guard package.hasPrefix("cupcake.policies.builtins.") || package.hasPrefix("cupcake.global.policies.builtins.") else { return nil }
        return BuiltinSettings.nativeName(ofRego: policy.path, package: package)
    }

    init(name: String, directory: String, configuration: EngineConfiguration, tracer: Tracer) throws(EngineError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .policyDirectoryMissing(directory)
        }
        self.name = name
        self.directory = directory
        var loaded: Rulebook
        do {
            loaded = try Rulebook.load(policyDirectory: directory, isGlobal: name == "global")
        } catch {
            throw .configuration(error)
        }
        let harness = configuration.harness.rawValue
        let discovered: (policies: [PolicyInfo], warnings: [String])
        do {
            discovered = try PolicyDiscovery.discover(policyDirectory: directory, harness: harness)
        } catch {
            throw .policies(error)
        }
        // upstream's builtin Rego (`cupcake.policies.builtins.*`, `cupcake.global.policies.builtins.*`)
        // is not routed: the native builtins decide, so a project upstream initialised needs no opa
        // for them.
        let regoBuiltins = discovered.policies.compactMap(PolicyLayer.upstreamBuiltin)
        let ownPolicies = discovered.policies.filter { PolicyLayer.upstreamBuiltin($0) == nil }
        policies = ownPolicies
        loaded.builtins = loaded.builtins.adoptingRego(Set(regoBuiltins), isGlobal: name == "global")
        rulebook = loaded
        // A project of builtins alone has no policy directory, and that is no mistake; nor is a
        // global configuration without policies for every harness.
        let quiet = !rulebook.builtins.enabled.isEmpty || name == "global"
        warnings = rulebook.warnings + discovered.warnings.filter { !(quiet && $0.contains(": no policy directory for harness")) }
        let environment = ProcessEnvironment.current()
        builtinEnvironment = BuiltinEnvironment(
            policyDirectory: PathResolver.resolve(directory, from: PathResolver.processDirectory()).path,
            home: environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }, variables: environment)
        routing = RoutingIndex(policies: ownPolicies)
        if ownPolicies.isEmpty {
            runtime = nil
            bundleOrigin = nil
            moduleSize = 0
            return
        }
        let resolver = BundleResolver(
            policyDirectory: directory, harness: harness, opaPath: configuration.opaPath,
            cacheDirectory: configuration.cacheDirectory)
        let resolved: (path: String, source: BundleResolver.Source)
        let bundle: PolicyBundle
        do {
            resolved = try resolver.resolve()
        } catch {
            throw .bundle(error)
        }
        do {
            bundle = try PolicyBundle.load(path: resolved.path)
        } catch {
            throw .bundleLoad(error)
        }
        bundleOrigin = resolved.path
        moduleSize = bundle.wasm.count
        do {
            runtime = try WasmPolicyRuntime.load(
                wasm: bundle.wasm, dataJSON: bundle.dataJSON, origin: resolved.path, configuration: configuration.wasm,
                cache: WasmModuleCache(directory: configuration.cacheDirectory + "/wasm"), tracer: tracer)
        } catch {
            throw .wasm(error)
        }
    }
}
