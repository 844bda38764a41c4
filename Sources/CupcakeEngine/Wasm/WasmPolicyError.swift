/// A failure to load or evaluate a WebAssembly policy, naming the policy (its origin, such as
/// ".cupcake/bundles/claude.tar.gz") and the reason.
public struct WasmPolicyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Where the policy came from, as messages show it.
    public var origin: String
    /// What went wrong.
    public var reason: WasmPolicyFailure

    /// "policy ORIGIN: REASON".
    public var description: String { "policy \(origin): \(reason)" }

    /// Creates an error for `origin`.
    public init(origin: String, reason: WasmPolicyFailure) {
        self.origin = origin
        self.reason = reason
    }
}

/// Why loading or evaluating a WebAssembly policy failed.
public enum WasmPolicyFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// The runtime configuration is not usable.
    case configuration(String)
    /// The bytes are not a valid WebAssembly module, or it failed to compile.
    case invalidModule(String)
    /// The module imports something Cupcake does not provide.
    case missingImports([String])
    /// The module's OPA ABI version is not supported.
    case unsupportedABI(major: Int32, minor: Int32)
    /// The module lacks exports the OPA ABI requires, or they have other signatures.
    case missingExports([String])
    /// The policy needs builtins Cupcake does not implement.
    case unsupportedBuiltins([String])
    /// The data document could not be loaded.
    case invalidData(String)
    /// The entrypoint is not in the module.
    case unknownEntrypoint(String, available: [String])
    /// Instantiation or set-up failed.
    case instantiationFailed(String)
    /// The evaluation ran past its deadline and was stopped.
    case deadlineExceeded(milliseconds: Int)
    /// The policy needed more linear memory than the cap.
    case memoryLimitReached(bytes: Int)
    /// The policy called `opa_abort`.
    case aborted(String)
    /// A builtin's arguments or result could not cross the WebAssembly boundary. (A builtin that
    /// itself fails is undefined instead: see `WasmEvaluation.builtinErrors`.)
    case builtinFailed(name: String, message: String)
    /// The WebAssembly code trapped.
    case trap(String)
    /// The evaluation could not be completed or its result not read.
    case evaluationFailed(String)

    public var description: String {
        switch self {
        case .configuration(let message): return "invalid WebAssembly runtime configuration: \(message)"
        case .invalidModule(let message): return message
        case .missingImports(let names):
            return "the module imports \(names.joined(separator: ", ")), which Cupcake does not provide"
                + " (it provides env.memory, env.opa_abort, env.opa_println and env.opa_builtin0 to env.opa_builtin4)"
        case .unsupportedABI(let major, let minor):
            return "OPA WebAssembly ABI \(major).\(minor) is not supported (Cupcake supports 1.x)"
        case .missingExports(let names):
            return "the module lacks OPA ABI exports: \(names.joined(separator: ", ")); was it built with `opa build -t wasm`?"
        case .unsupportedBuiltins(let names):
            return "the policy uses builtins Cupcake does not support: \(names.joined(separator: ", "))"
        case .invalidData(let message): return "data.json: \(message)"
        case .unknownEntrypoint(let name, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "unknown entrypoint \(name) (available: \(list))"
        case .instantiationFailed(let message): return "cannot instantiate the module: \(message)"
        case .deadlineExceeded(let milliseconds): return "evaluation exceeded its \(milliseconds) ms deadline"
        case .memoryLimitReached(let bytes):
            return "memory limit of \(WasmPolicyConfiguration.describe(bytes: bytes)) reached"
        case .aborted(let message): return "opa_abort: \(message)"
        case .builtinFailed(let name, let message): return "builtin \(name) failed: \(message)"
        case .trap(let message): return "trap: \(message)"
        case .evaluationFailed(let message): return "evaluation failed: \(message)"
        }
    }
}
