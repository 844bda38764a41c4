import CupcakeEngine
import Foundation

/// `cupcake inspect`: the policies, builtins and bundle of a policy directory, per harness.
enum InspectCommand {
    static let help = """
        usage: cupcake inspect [--policy-dir D] [--harness claude|cursor|factory|opencode] [--json | --table]
                               [--opa-path P] [--cache-dir D]

        Lists, for each harness (the one named, else every harness directory under policies/ of the
        policy directory, default .cupcake), the routed policies with their id, package, events,
        tools and signals; the rulebook builtins that are on; the signals defined; and the bundle
        the engine evaluates with its entrypoints (compiled with opa when there is no prebuilt
        bundle; when neither works, the policies are listed and the reason is shown).

        --table prints aligned tables (policies, then builtins and bundle per harness). --json
        prints one object: version, policy_directory, harnesses [{harness, policies [{path, package,
        id, title, severity, events, tools, signals}], builtins, signals, bundle {path, module_bytes,
        entrypoints, opa_builtins, evaluation, evaluation_reason} or null, bundle_problem (string or
        null), warnings}]; id, title and severity are null when the METADATA has none.

        Exit codes: 0 listed, 64 bad command line, 66 policy directory missing, 78 the rulebook or a
        METADATA block cannot be loaded (`cupcake validate` says where).
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse("inspect", words, valueFlags: ["--policy-dir", "--harness", "--opa-path", "--cache-dir"],
                                  switchFlags: ["--json", "--table"], help: help) {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        if arguments.switches.isSuperset(of: ["--json", "--table"]) {
            Output.stderr("cupcake inspect: --json and --table exclude each other\n\(help)")
            return .usage
        }
        let named: Harness?
        switch CommandSetup.harness("inspect", arguments) {
        case .success(let harness): named = harness
        case .failure(let code): return code
        }
        let directory = arguments.values["--policy-dir"] ?? ".cupcake"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Output.stderr("cupcake inspect: \(EngineError.policyDirectoryMissing(directory))")
            return .noPolicyDirectory
        }
        var inventories: [PolicyInventory] = []
        for harness in named.map({ [$0] }) ?? Harness.withPolicyDirectory(in: directory) {
            var configuration = EngineConfiguration(policyDirectory: directory, harness: harness, opaPath: arguments.values["--opa-path"])
            if let cache = arguments.values["--cache-dir"] { configuration.cacheDirectory = cache }
            do {
                inventories.append(try PolicyInventory.load(configuration: configuration))
            } catch {
                Output.stderr("cupcake inspect: \(harness.rawValue): \(error)\n(`cupcake validate` lists every problem of the directory)")
                return .configuration
            }
        }
        let output = if arguments.switches.contains("--json") {
            InspectOutput.json(inventories, policyDirectory: directory)
        } else if arguments.switches.contains("--table") {
            InspectOutput.table(inventories)
        } else {
            InspectOutput.text(inventories, policyDirectory: directory)
        }
        Output.stdout(output)
        return .success
    }
}
