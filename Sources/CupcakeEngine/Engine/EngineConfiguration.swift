import CupcakeTrace

/// What an ``Engine`` evaluates against and under which limits.
public struct EngineConfiguration: Sendable {
    /// The project's policy directory (`.cupcake` by default).
    public var policyDirectory: String
    /// Which harness the events come from; also picks `policies/<harness>/` and the bundle.
    public var harness: Harness
    /// An optional machine-wide policy directory evaluated first; Halt, Deny or Block there
    /// answers at once.
    public var globalDirectory: String?
    /// `opa` to compile a missing bundle with; nil searches PATH.
    public var opaPath: String?
    /// Compiled bundles and modules are cached here.
    public var cacheDirectory: String
    /// Memory cap, deadline and pool size of every policy module.
    public var wasm: WasmPolicyConfiguration
    /// Concurrent signals at most.
    public var signalConcurrency: Int
    /// Whether only the routed policy packages are evaluated (see ``PolicyEvaluationMode``).
    public var policyEvaluation: PolicyEvaluationMode

    public init(
        policyDirectory: String = ".cupcake", harness: Harness = .claude, globalDirectory: String? = nil,
        opaPath: String? = nil, cacheDirectory: String = EngineConfiguration.defaultCacheDirectory(),
        wasm: WasmPolicyConfiguration = WasmPolicyConfiguration(), signalConcurrency: Int = 8,
        policyEvaluation: PolicyEvaluationMode = .automatic
    ) {
        self.policyDirectory = policyDirectory
        self.harness = harness
        self.globalDirectory = globalDirectory
        self.opaPath = opaPath
        self.cacheDirectory = cacheDirectory
        self.wasm = wasm
        self.signalConcurrency = max(1, signalConcurrency)
        self.policyEvaluation = policyEvaluation
    }

    /// `$XDG_CACHE_HOME/cupcake`, else `~/.cache/cupcake`.
    public static func defaultCacheDirectory() -> String {
        defaultCacheDirectory(ProcessEnvironment.snapshot)
    }

    /// ``defaultCacheDirectory()`` for `environment`.
    package static func defaultCacheDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/cupcake" }
        return (environment["HOME"] ?? "/tmp") + "/.cache/cupcake"
    }
}
