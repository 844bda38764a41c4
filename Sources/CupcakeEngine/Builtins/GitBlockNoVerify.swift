/// `git_block_no_verify`: git commit, push and merge with `--no-verify` (or commit's `-n`) are
/// refused, as is switching hooks off (`git config core.hooksPath`, removing, moving or
/// un-executing `.git/hooks`). Deny, on every harness's shell command.
///
/// Options: `message` (the reason given; upstream's text by default) and `exceptions`
/// (environment variable names: when one is set and not empty in the hook's environment, e.g.
/// `CI_ENVIRONMENT` in CI, the builtin stands aside). Commands are read word by word, so a
/// `-n` of another command (`git log -n 5`) or inside a commit message is not a `--no-verify`.
struct GitBlockNoVerify: RulebookBuiltin {
    static let key = "git_block_no_verify"
    static let defaultMessage = "Git operations with --no-verify are not permitted. Commit hooks must run."
    /// The reason upstream gives when no message is configured.
    static let upstreamReason = "Git operations with --no-verify are not permitted. Commit hooks must run for code quality and security checks."
    static let hooksReason = "Disabling git hooks is not permitted. Hooks are required for code quality and security."
    let name = key
    var message: String
    var messageConfigured: Bool
    var exceptions: [String]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> GitBlockNoVerify {
        let configured = options.members["message"] != nil
        return GitBlockNoVerify(message: try options.string("message", default: defaultMessage), messageConfigured: configured,
                                exceptions: try options.strings("exceptions"))
    }

    var inputConfig: JSONValue? { ["message": .string(message), "exceptions": .array(exceptions.map(JSONValue.string))] }

    func applies(to event: EventView) -> Bool { event.shellCommand != nil && (event.harness == .cursor || event.isPreToolUse) }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        guard event.shellCommand != nil else { return .empty }
        if exceptions.contains(where: { !(environment.variables[$0] ?? "").isEmpty }) { return .empty }
        var found: [Decision] = []
        let commands = event.commands
        if commands.contains(where: Self.skipsHooks) {
            found.append(Decision(ruleID: "BUILTIN-GIT-BLOCK-NO-VERIFY", reason: messageConfigured ? message : Self.upstreamReason,
                                  severity: .high))
        }
        if commands.contains(where: Self.disablesHooks) || event.affectedPaths.contains(where: Self.isHooksPath) && !onlyEnablesHooks(commands) {
            found.append(Decision(ruleID: "BUILTIN-GIT-BLOCK-NO-VERIFY", reason: Self.hooksReason, severity: .high))
        }
        return DecisionSet(denials: found)
    }

    static let hookedSubcommands: Set<String> = ["commit", "push", "merge", "pull", "rebase", "cherry-pick", "revert", "am"]
    static let commitValueOptions: Set<String> = ["--message", "--file", "--author", "--date", "--template"]
    static let gitValueOptions: Set<String> = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"]

    /// `git [options] commit|push|merge … --no-verify`, or `git commit -n` (also in a cluster).
    static func skipsHooks(_ command: ShellCommandWalk.Command) -> Bool {
        guard command.name == "git", let (subcommand, arguments) = gitSubcommand(command) else { return false }
        guard hookedSubcommands.contains(subcommand) else { return false }
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--no-verify" { return true }
            if subcommand == "commit", argument.hasPrefix("-"), !argument.hasPrefix("--") {
                // In a cluster, the rest after a letter that takes a value (-m, -F, -c, -C, -t)
                // is that value; the letter last, the value is the next word.
                let letters = Array(argument.dropFirst())
                for (position, letter) in letters.enumerated() {
                    if letter == "n" { return true }
                    if "mFcCt".contains(letter) {
                        if position == letters.count - 1 { index += 1 }
                        break
                    }
                }
            } else if commitValueOptions.contains(argument) {
                index += 1
            }
            index += 1
        }
        return false
    }

    /// `git config … core.hooksPath …` (setting it, whatever to).
    static func disablesHooks(_ command: ShellCommandWalk.Command) -> Bool {
        guard command.name == "git", let (subcommand, arguments) = gitSubcommand(command), subcommand == "config" else { return false }
        return arguments.contains { $0.lowered == "core.hookspath" } && !arguments.contains { ["--get", "--list", "-l", "--get-all"].contains($0) }
    }

    static func isHooksPath(_ path: String) -> Bool {
        let lowered = path.lowered
        return lowered.hasSuffix("/.git/hooks") || lowered.includes("/.git/hooks/")
    }

    /// `chmod +x .git/hooks/…` turns hooks on; that alone is no reason to refuse.
    private func onlyEnablesHooks(_ commands: [ShellCommandWalk.Command]) -> Bool {
        let touching = commands.filter { command in command.arguments.contains { $0.includes(".git/hooks") } }
        return !touching.isEmpty && touching.allSatisfy { command in
            command.name == "chmod" && command.arguments.contains { mode in
                mode.hasPrefix("+") || mode.hasPrefix("u+") || mode.hasPrefix("a+") || (mode.count == 3 && mode.allSatisfy(\.isNumber) && mode.first.map { "1357".contains($0) } == true)
            }
        }
    }

    /// The subcommand after git's global options, and its arguments.
    static func gitSubcommand(_ command: ShellCommandWalk.Command) -> (String, ArraySlice<String>)? {
        var rest = command.arguments
        while let first = rest.first, first.hasPrefix("-") {
            rest = rest.dropFirst()
            if gitValueOptions.contains(first) { rest = rest.dropFirst() }
        }
        guard let subcommand = rest.first else { return nil }
        return (subcommand, rest.dropFirst())
    }
}
