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

    static let entrypoint = "cupcake/system/evaluate"

    init(name: String, directory: String, configuration: EngineConfiguration, tracer: Tracer) throws(EngineError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .policyDirectoryMissing(directory)
        }
        self.name = name
        self.directory = directory
        do {
            rulebook = try Rulebook.load(policyDirectory: directory)
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
        policies = discovered.policies
        warnings = rulebook.warnings + discovered.warnings
        routing = RoutingIndex(policies: discovered.policies)
        if discovered.policies.isEmpty {
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
