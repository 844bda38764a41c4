import CupcakeEngine
import CupcakeTrace

/// `cupcake verify`: what the engine would load for a harness, without evaluating anything.
enum VerifyCommand {
    static let help = """
        usage: cupcake verify --harness claude|cursor|factory|opencode [--policy-dir D] [--global-dir D]
                              [--opa-path P] [--cache-dir D] [--evaluation automatic|aggregate|routed]

        Loads the policies as `cupcake eval` would and prints, for the project and the global
        layer, the routing map, each policy's id, routing and signals, the rulebook builtins, and
        the bundle's OPA builtins and size, and which policies an evaluation runs (all through
        the aggregate entrypoint, or the routed packages only) and why. Exit codes as for eval.
        """

    static func run(_ words: [String]) -> ExitCode {
        let configuration: EngineConfiguration
        switch CommandSetup.parse("verify", words, valueFlags: CommandSetup.engineFlags, switchFlags: [], help: help)
            .flatMap({ CommandSetup.configuration("verify", $0) })
        {
        case .success(let made): configuration = made
        case .failure(let code): return code
        }
        do {
            let report = try EngineReport.make(configuration: configuration)
            Output.stdout(report)
            return .success
        } catch {
            Output.stderr("cupcake verify: \(error)")
            if case .policyDirectoryMissing = error { return .noPolicyDirectory }
            return .configuration
        }
    }
}
