/// `git_pre_check`: before a git commit, push or merge runs, its checks (shell commands, each
/// as signal `__builtin_git_check_N`, 30 s) run; if any fails, the git command is halted with
/// their messages (Claude Code, Factory, OpenCode; Cursor: ask). Upstream reads the command from
/// `input.params`, which real events lack, so there it never fires; here it reads the command
/// the agent runs, as upstream documents.
///
/// Options: `checks` ([{command, message}]; both required), `operations` (which of commit, push
/// and merge they guard; all three by default: upstream's template documents the key).
struct GitPreCheck: RulebookBuiltin {
    static let key = "git_pre_check"
    static let timeoutSeconds: Double = 30

    struct Check: Equatable, Sendable {
        var command: String
        var message: String
    }

    static let allOperations = ["commit", "push", "merge"]
    let name = key
    var checks: [Check]
    var operations: Set<String> = Set(allOperations)

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> GitPreCheck {
        var checks: [Check] = []
        if let value = options.raw("checks") {
            guard let list = value.arrayValue else {
                throw options.error("checks", "expected a list of {command, message}, got \(value.typeName)")
            }
            for (index, entry) in list.enumerated() {
                guard let command = entry["command"]?.stringValue, let message = entry["message"]?.stringValue else {
                    throw options.error("checks[\(index)]", "expected {command: …, message: …} with both strings")
                }
                if command.allSatisfy(\.isWhitespace) { throw options.error("checks[\(index)]", "command cannot be empty") }
                checks.append(Check(command: command, message: message))
            }
        }
        if enabled && checks.isEmpty { throw options.error("checks", "git_pre_check: enabled but no checks configured") }
        let operations = try options.strings("operations", default: allOperations)
        for operation in operations where !allOperations.contains(operation) {
            throw options.error("operations", "unknown git operation \"\(operation)\" (known: commit, push, merge)")
        }
        return GitPreCheck(checks: checks, operations: Set(operations))
    }

    var signalDefinitions: [SignalDefinition] {
        checks.enumerated().map { SignalDefinition(name: "__builtin_git_check_\($0.offset)", command: $0.element.command,
                                                   timeoutSeconds: Self.timeoutSeconds) }
    }

    func applies(to event: EventView) -> Bool {
        guard event.shellCommand != nil, event.harness == .cursor || event.isPreToolUse else { return false }
        return runsGitOperation(event.commands)
    }

    func runsGitOperation(_ commands: [ShellCommandWalk.Command]) -> Bool {
        commands.contains { git in
            guard git.name == "git", let (subcommand, _) = GitBlockNoVerify.gitSubcommand(git) else { return false }
            return operations.contains(subcommand)
        }
    }

    func signalNames(for event: EventView, environment: BuiltinEnvironment) -> [String] { signalDefinitions.map(\.name) }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        var failures: [String] = []
        for (index, check) in checks.enumerated() {
            guard let value = signals["__builtin_git_check_\(index)"], let detail = CheckOutcome.failure(of: value) else { continue }
            failures.append("- \(check.message): \(detail)")
        }
        guard !failures.isEmpty else { return .empty }
        let reason = "Git pre-checks failed:\n" + failures.joined(separator: "\n")
        if event.harness == .cursor {
            return DecisionSet(asks: [Decision(ruleID: "BUILTIN-GIT-PRE-CHECK", reason: reason, severity: .medium,
                                               question: "Run the git operation anyway?")])
        }
        return DecisionSet(halts: [Decision(ruleID: "BUILTIN-GIT-CHECK", reason: reason, severity: .high)])
    }
}

/// Reads a check command's signal value: nil when it passed, else what went wrong.
enum CheckOutcome {
    static func failure(of value: JSONValue) -> String? {
        guard case .object(let members) = value, members["success"] == .bool(false) else { return nil }
        if members["timed_out"] == .bool(true) { return members["error"]?.stringValue ?? "timed out" }
        let output = [members["output"]?.stringValue, members["error"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }
        if let code = members["exit_code"]?.intValue {
            return output.isEmpty ? "exit code \(code)" : "exit code \(code): " + output.joined(separator: "\n")
        }
        return output.first ?? "the command could not run"
    }
}
