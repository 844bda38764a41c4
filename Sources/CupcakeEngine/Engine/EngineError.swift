/// Why an evaluation could not produce a decision. The CLI fails open on these by default
/// (`{}` on stdout, the message on stderr) and closed with `--strict` or `fail_mode: closed`.
public enum EngineError: Error, CustomStringConvertible {
    case policyDirectoryMissing(String)
    case configuration(ConfigError)
    case policies(PolicyError)
    case bundle(BundleResolveError)
    case bundleLoad(BundleError)
    case wasm(WasmPolicyError)
    case event(EventError)
    case decisionSet(origin: String, DecisionSetError)

    public var description: String {
        switch self {
        case .policyDirectoryMissing(let path): "policy directory \(path) does not exist or is not a directory"
        case .configuration(let error): "\(error)"
        case .policies(let error): "\(error)"
        case .bundle(let error): "\(error)"
        case .bundleLoad(let error): "\(error)"
        case .wasm(let error): "\(error)"
        case .event(let error): "\(error)"
        case .decisionSet(let origin, let error): "policy \(origin): result is not a Cupcake decision set: \(error)"
        }
    }
}
