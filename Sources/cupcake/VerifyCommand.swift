import CupcakeEngine
import CupcakeTrace

/// `cupcake verify`: what the engine would load for a harness, without evaluating anything.
enum VerifyCommand {
    static let help = """
        usage: cupcake verify --harness claude|cursor|factory|opencode [--policy-dir D] [--opa-path P] [--cache-dir D]

        Loads the policies as `cupcake eval` would and prints the routing map, each policy's id,
        routing and signals, and the bundle's builtins and size. Exit codes as for eval.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        do {
            arguments = try Arguments(
                words, valueFlags: ["--harness", "--policy-dir", "--opa-path", "--cache-dir"], switchFlags: ["--help"])
        } catch {
            Output.stderr("cupcake verify: \(error)\n\(help)")
            return .usage
        }
        if arguments.switches.contains("--help") {
            Output.stdout(help + "\n")
            return .success
        }
        guard let name = arguments.values["--harness"], let harness = Harness(rawValue: name.lowercased()) else {
            Output.stderr("cupcake verify: --harness must be one of claude, cursor, factory, opencode")
            return .usage
        }
        var configuration = EngineConfiguration(
            policyDirectory: arguments.values["--policy-dir"] ?? ".cupcake", harness: harness,
            opaPath: arguments.values["--opa-path"])
        if let cache = arguments.values["--cache-dir"] { configuration.cacheDirectory = cache }
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
