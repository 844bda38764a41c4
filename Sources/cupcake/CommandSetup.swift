import CupcakeEngine
import CupcakeTrace

/// What every command does before its own work: parse its words (answering `--help` and bad
/// command lines itself) and build the engine configuration from the common flags.
enum CommandSetup {
    /// The flags every engine command accepts.
    static let engineFlags: Set<String> = [
        "--harness", "--policy-dir", "--global-dir", "--global-config", "--opa-path", "--cache-dir", "--evaluation",
    ]

    /// The parsed words, or the exit code when the command is already answered (help or usage).
    static func parse(
        _ command: String, _ words: [String], valueFlags: Set<String>, switchFlags: Set<String>, help: String
    ) -> Result<Arguments, ExitCode> {
        let arguments: Arguments
        do {
            arguments = try Arguments(words, valueFlags: valueFlags, switchFlags: switchFlags.union(["--help"]))
        } catch {
            Output.stderr("cupcake \(command): \(error)\n\(help)")
            return .failure(.usage)
        }
        if arguments.switches.contains("--help") {
            Output.stdout(help + "\n")
            return .failure(.success)
        }
        return .success(arguments)
    }

    static let harnessProblem = "--harness must be one of claude, cursor, factory, opencode"

    /// `--harness` when given (nil without it); a name no harness has is a usage error.
    static func harness(_ command: String, _ arguments: Arguments) -> Result<Harness?, ExitCode> {
        guard let name = arguments.values["--harness"] else { return .success(nil) }
        guard let harness = Harness(rawValue: name.lowercased()) else {
            Output.stderr("cupcake \(command): \(harnessProblem)")
            return .failure(.usage)
        }
        return .success(harness)
    }

    /// `--harness` (required), `--policy-dir`, `--global-dir` (else `CUPCAKE_GLOBAL_DIR`, else
    /// upstream's location), `--opa-path`, `--cache-dir` and `--evaluation` as a configuration. A global
    /// directory named but unusable is a configuration error (exit 78).
    static func configuration(_ command: String, _ arguments: Arguments) -> Result<EngineConfiguration, ExitCode> {
        let harness: Harness
        switch Self.harness(command, arguments) {
        case .success(let named?): harness = named
        case .success(nil):
            Output.stderr("cupcake \(command): \(harnessProblem)")
            return .failure(.usage)
        case .failure(let code): return .failure(code)
        }
        var configuration = EngineConfiguration(
            policyDirectory: arguments.values["--policy-dir"] ?? ".cupcake", harness: harness,
            opaPath: arguments.values["--opa-path"])
        if let cache = arguments.values["--cache-dir"] { configuration.cacheDirectory = cache }
        if let text = arguments.values["--evaluation"] {
            guard let mode = PolicyEvaluationMode(rawValue: text) else {
                Output.stderr("cupcake \(command): --evaluation must be automatic, aggregate or routed, got \(text)")
                return .failure(.usage)
            }
            configuration.policyEvaluation = mode
        }
        do {
            // `--global-config` is upstream's name for the flag.
            let flag = arguments.values["--global-dir"].map { ($0, "--global-dir") }
                ?? arguments.values["--global-config"].map { ($0, "--global-config") }
            configuration.globalDirectory = try GlobalDirectory.locate(
                flag: flag?.0, flagName: flag?.1 ?? "--global-dir", environment: ProcessEnvironment.snapshot)
        } catch {
            Output.stderr("cupcake \(command): \(error)")
            return .failure(.configuration)
        }
        return .success(configuration)
    }
}
