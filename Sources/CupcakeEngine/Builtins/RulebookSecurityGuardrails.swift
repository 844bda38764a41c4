/// `rulebook_security_guardrails`: the policy directory (and any configured path) is locked
/// against every tool, reads included, and against shell commands that name it, change it,
/// or link to or from it (symbolic links and hard links). Halt on Claude Code, Factory and
/// OpenCode; on Cursor halt for beforeReadFile and deny for afterFileEdit and shell commands.
///
/// Options: `message` ("Cupcake configuration files are protected from modification"),
/// `protected_paths` ([".cupcake/"]; each matched anywhere in a path, as upstream does). The
/// layer's own policy directory is always protected, wherever it is.
struct RulebookSecurityGuardrails: RulebookBuiltin {
    static let key = "rulebook_security_guardrails"
    static let defaultMessage = "Cupcake configuration files are protected from modification"
    let name = key
    var message: String
    var protectedPaths: [String]
    /// The paths as matched: lower-cased, `~` expanded with the process's HOME, without a
    /// trailing `/` (upstream matches them anywhere in a path).
    let matchTexts: [String]

    init(message: String, protectedPaths: [String], home: String?) {
        self.message = message
        self.protectedPaths = protectedPaths
        matchTexts = protectedPaths.compactMap { path in
            var text = PathPatterns.expand(path, home: home).lowered
            if text.hasSuffix("/") { text.removeLast() }
            return text.isEmpty ? nil : text
        }
    }

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> RulebookSecurityGuardrails {
        let message = try options.string("message", default: defaultMessage)
        let paths = try options.strings("protected_paths", default: [".cupcake/"])
        if enabled && paths.isEmpty {
            throw options.error("protected_paths", "rulebook_security_guardrails: enabled but no protected paths configured")
        }
        for (index, path) in paths.enumerated() where path.allSatisfy(\.isWhitespace) {
            throw options.error("protected_paths[\(index)]", "path cannot be empty")
        }
        return RulebookSecurityGuardrails(message: message, protectedPaths: paths,
                                          home: HomeDirectory.current())
    }

    var inputConfig: JSONValue? {
        ["message": .string(message), "protected_paths": .array(protectedPaths.map(JSONValue.string))]
    }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor {
            return ["beforeReadFile", "afterFileEdit", "beforeShellExecution"].contains(event.eventName)
        }
        return event.isPreToolUse
    }

    /// What paths are matched against: the configured texts and the policy directory, lower-cased.
    struct Patterns {
        var texts: [String]
        var policyDirectory: String
    }

    func patterns(_ environment: BuiltinEnvironment) -> Patterns {
        Patterns(texts: matchTexts, policyDirectory: environment.policyDirectory.lowered)
    }

    func isProtected(_ path: String, _ patterns: Patterns) -> Bool { isProtected(lowered: path.lowered, patterns) }

    func isProtected(lowered: String, _ patterns: Patterns) -> Bool {
        patterns.texts.contains { lowered.includes($0) }
            || (lowered.hasPrefix("/") && PathPatterns.isWithin(lowered: lowered, patterns.policyDirectory))
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        let cursor = event.harness == .cursor
        let patterns = patterns(environment)
        if let command = event.shellCommand {
            let reasons = shellReasons(command, event: event, patterns: patterns, environment: environment)
            guard !reasons.isEmpty else { return .empty }
            if cursor {
                let symlink = reasons.contains { $0.includes("symlink") || $0.includes("hardlink") }
                return DecisionSet(denials: [cursorDecision(symlink
                    ? "Symlink creation involving protected directories is not permitted."
                    : "Shell commands referencing protected directories are not permitted.")])
            }
            return DecisionSet(halts: reasons.map { decision("\(message) (\($0))") })
        }
        let paths = event.resolvedPaths + event.rawPathValues
        guard let hit = paths.first(where: { isProtected($0, patterns) }) else { return .empty }
        if cursor {
            return event.eventName == "beforeReadFile"
                ? DecisionSet(halts: [cursorDecision("Access to protected directories is prohibited.")])
                : DecisionSet(denials: [cursorDecision("Modifications to protected directories are not permitted.")])
        }
        return DecisionSet(halts: [decision("\(message) (blocked file operation on \(hit))")])
    }

    private func shellReasons(_ command: String, event: EventView, patterns: Patterns, environment: BuiltinEnvironment) -> [String] {
        var reasons: [String] = []
        let lowered = event.loweredCommand ?? command.lowered
        let policyDirectory = patterns.policyDirectory
        let named = patterns.texts.contains { lowered.includes($0) } || lowered.includes(policyDirectory)
        if named { reasons.append("detected protected path reference in bash command") }
        for link in event.commands where link.name == "ln" || link.name == "link" {
            let symbolic = link.name == "ln" && link.arguments.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.includes("s") || $0 == "--symbolic" }
            let operands = link.arguments.filter { !$0.hasPrefix("-") }
            let directory = event.workingDirectory
            let touches = operands.contains { operand in
                isProtected(operand, patterns) || isProtected(PathResolver.resolve(operand, from: directory).path, patterns)
            }
            if touches {
                reasons.append(symbolic ? "symlink creation involving protected path is not permitted"
                               : "hardlink creation involving protected path is not permitted")
            }
        }
        for (path, lowered) in zip(event.affectedPaths, event.loweredAffectedPaths)
        where isProtected(lowered: lowered, patterns) || PathPatterns.isWithin(lowered: policyDirectory, lowered) {
            reasons.append("command would change \(path)")
            break
        }
        if let script = event.loweredScript,
           patterns.texts.contains(where: { script.includes($0) }) || script.includes(policyDirectory) {
            reasons.append("a script the command runs references a protected path")
        }
        return reasons
    }

    private func decision(_ reason: String) -> Decision {
        Decision(ruleID: "BUILTIN-RULEBOOK-SECURITY", reason: reason, severity: .high)
    }

    private func cursorDecision(_ sentence: String) -> Decision {
        Decision(ruleID: "BUILTIN-RULEBOOK-SECURITY-GUARDRAILS",
                 reason: sentence + " These directories contain security-critical data.", severity: .critical)
    }
}
