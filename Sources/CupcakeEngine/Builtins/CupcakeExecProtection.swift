/// `cupcake_exec_protection` (global configuration only): the agent may not run Cupcake itself
/// (to evaluate, re-initialise or replace its policies): the `cupcake` binary by any path,
/// `cargo run`/`install` of it, or `eval`/`exec`/`alias` of it. Halt. `allowed_commands`
/// (e.g. ["version", "help"]) lets those subcommands through, and `message` replaces the reason;
/// upstream ignores both. Commands are read word by word, so `echo cupcake rocks` is no run.
struct CupcakeExecProtection: RulebookBuiltin {
    static let key = "cupcake_exec_protection"
    static let defaultMessage = "Direct execution of Cupcake binary is not permitted"

    let name = key
    var message: String
    var allowedCommands: [String]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> CupcakeExecProtection {
        CupcakeExecProtection(message: try options.string("message", default: defaultMessage),
                              allowedCommands: try options.strings("allowed_commands"))
    }

    var inputConfig: JSONValue? {
        ["message": .string(message), "allowed_commands": .array(allowedCommands.map(JSONValue.string))]
    }

    func applies(to event: EventView) -> Bool { event.shellCommand != nil && (event.harness == .cursor || event.isPreToolUse) }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        guard let lowered = event.loweredCommand else { return .empty }
        // A script the command runs counts as the command (`./setup.sh` that runs cupcake).
        guard runsCupcake(lowered, event.commands) || event.loweredScript.map({ runsCupcake($0, event.scriptCommands) }) == true else {
            return .empty
        }
        let ruleID = event.harness == .cursor ? "GLOBAL-BUILTIN-CUPCAKE-EXEC-PROTECTION" : "GLOBAL-BUILTIN-CUPCAKE-EXEC"
        return DecisionSet(halts: [Decision(ruleID: ruleID, reason: message, severity: .critical)])
    }

    /// `lowered`: the command line lower-cased; `commands`: its simple commands.
    private func runsCupcake(_ lowered: String, _ commands: [ShellCommandWalk.Command]) -> Bool {
        let installs = ["cargo install cupcake", "brew install cupcake", "apt install cupcake", "apt-get install cupcake",
                        "yum install cupcake", "snap install cupcake"]
        if installs.contains(where: { lowered.includes($0) }) { return true }
        for each in commands {
            let name = each.name.lowered
            if name == "cupcake" || name.hasPrefix("cupcake-") {
                let subcommand = each.arguments.first { !$0.hasPrefix("-") } ?? ""
                if !allowedCommands.contains(subcommand) { return true }
            }
            if name == "cargo" && each.arguments.contains(where: { $0.lowered.includes("cupcake") })
                && each.arguments.contains(where: { ["run", "r", "build", "b", "install"].contains($0) }) {
                return true
            }
            if ["alias", "function"].contains(name) && each.arguments.contains(where: { $0.lowered.includes("cupcake") }) {
                return true
            }
        }
        return false
    }
}
