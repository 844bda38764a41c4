/// `protected_paths`: files and directories that may be read but not written. File tools that
/// write are refused on them (through links too: `resolved_file_path`), shell commands that
/// name them are refused unless every command only reads, and a command that changes or removes
/// one, or a directory above one, is refused (`affected_parent_directories`). Halt on Claude
/// Code, Factory and OpenCode; deny on Cursor (afterFileEdit, beforeShellExecution).
///
/// Options: `message` ("This path is read-only and cannot be modified"), `paths` (globs with
/// `*`, `~` expanded; a name alone matches that file anywhere, a trailing `/` a directory).
struct ProtectedPaths: RulebookBuiltin {
    static let key = "protected_paths"
    static let defaultMessage = "This path is read-only and cannot be modified"
    let name = key
    var message: String
    var paths: [String]
    /// The paths prepared for matching, `~` expanded with the process's HOME.
    let patterns: [PathPatterns.Protected]

    init(message: String, paths: [String], home: String?) {
        self.message = message
        self.paths = paths
        patterns = paths.map { PathPatterns.Protected(PathPatterns.expand($0, home: home)) }
    }

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> ProtectedPaths {
        let message = try options.string("message", default: defaultMessage)
        let paths = try options.strings("paths")
        if enabled && paths.isEmpty { throw options.error("paths", "protected_paths: enabled but no paths configured") }
        for (index, path) in paths.enumerated() where path.allSatisfy(\.isWhitespace) {
            throw options.error("paths[\(index)]", "path cannot be empty")
        }
        return ProtectedPaths(message: message, paths: paths, home: HomeDirectory.current())
    }

    var inputConfig: JSONValue? { ["message": .string(message), "paths": .array(paths.map(JSONValue.string))] }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor { return event.eventName == "afterFileEdit" || event.eventName == "beforeShellExecution" }
        guard event.isPreToolUse, let tool = event.toolName else { return false }
        return BuiltinTools.writes.contains(tool) || Preprocessor.shellTools.contains(tool)
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        var found: [Decision] = []
        let cursor = event.harness == .cursor
        func add(_ rule: String, _ reason: String) {
            let decision = Decision(ruleID: rule, reason: reason, severity: .high)
            if !found.contains(decision) { found.append(decision) }
        }
        if event.shellCommand != nil {
            for check in ProtectedShell.findings(event, patterns: patterns) {
                switch check {
                case .reference:
                    add("BUILTIN-PROTECTED-PATHS", "\(message) (only read operations allowed)")
                case .target(let path):
                    add("BUILTIN-PROTECTED-PATHS", cursor ? fileReason(path) : "\(message) (\(path))")
                case .parent(let protected, let directory):
                    add("BUILTIN-PROTECTED-PATHS-PARENT", cursor
                        ? "Destructive command blocked: \(protected) would be affected by operation on \(directory)"
                        : "\(message) (\(protected) would be affected by operation on \(directory))")
                case .inlineScript(let protected):
                    add("BUILTIN-PROTECTED-PATHS-SCRIPT", "\(message) (inline script mentions '\(protected)')")
                case .executedScript(let protected):
                    add("BUILTIN-PROTECTED-PATHS-SCRIPT", "\(message) (a script the command runs mentions '\(protected)')")
                }
            }
        } else {
            for path in event.resolvedPaths where patterns.contains(where: { $0.matches(lowered: path.lowered) }) {
                add("BUILTIN-PROTECTED-PATHS", cursor ? fileReason(path) : "\(message) (\(path))")
            }
        }
        return cursor ? DecisionSet(denials: found) : DecisionSet(halts: found)
    }

    private func fileReason(_ path: String) -> String {
        // upstream names the paths as configured.
        "File modification blocked: \(path) is in a protected path. Protected paths are: \(paths.joined(separator: ", "))"
    }
}

/// What a shell command does to protected paths, for protected_paths and the guardrails.
enum ProtectedShell {
    enum Finding: Equatable {
        /// The command names a protected path and does not only read.
        case reference
        /// The command changes or removes this protected path (resolved).
        case target(String)
        /// The command changes or removes a directory above this protected path.
        case parent(String, String)
        /// `python -c`/`node -e`-style inline code names this protected path.
        case inlineScript(String)
        /// A script the command runs names this protected path and does not only read.
        case executedScript(String)
    }

    static func findings(_ event: EventView, patterns: [PathPatterns.Protected]) -> [Finding] {
        var found: [Finding] = []
        let lowered = event.loweredCommand ?? ""
        if patterns.contains(where: { lowered.includes($0.mentionText) }) && !event.onlyReads {
            found.append(.reference)
        }
        // A command that names the path already gets upstream's reason; the resolved targets
        // below are for what the text does not show (links, `..`, variables).
        let named = found.contains(.reference)
        for (path, loweredPath) in zip(event.affectedPaths, event.loweredAffectedPaths) where !named {
            for pattern in patterns {
                if pattern.matches(lowered: loweredPath) {
                    found.append(.target(path))
                } else if pattern.text.hasPrefix("/") && PathPatterns.isWithin(lowered: trimmed(pattern.text), loweredPath) {
                    found.append(.parent(pattern.original, path))
                }
            }
        }
        for pattern in patterns where lowered.includes(pattern.mentionText) && runsInlineCode(event.commands) {
            found.append(.inlineScript(pattern.original))
        }
        if let text = event.loweredScript {
            for pattern in patterns where text.includes(pattern.mentionText) && !event.scriptCommands.allSatisfy(ReadOnlyCommands.isReadOnly) {
                found.append(.executedScript(pattern.original))
            }
            for path in event.scriptAffectedPaths {
                let loweredPath = path.lowered
                for pattern in patterns where pattern.matches(lowered: loweredPath) { found.append(.target(path)) }
            }
        }
        return found
    }

    private static func trimmed(_ pattern: String) -> String {
        pattern.count > 1 && pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
    }

    static let interpreters: Set<String> = ["python", "python3", "python2", "ruby", "perl", "node", "php", "deno", "bun"]
    static let inlineFlags: Set<String> = ["-c", "-e", "-E", "-r", "--eval", "-p"]

    /// `python -c`, `node -e`, `perl -e`, … anywhere in the command.
    static func runsInlineCode(_ commands: [ShellCommandWalk.Command]) -> Bool {
        commands.contains { command in
            guard interpreters.contains(command.name) || command.name.hasPrefix("python3.") else { return false }
            return command.arguments.contains { inlineFlags.contains($0) }
        }
    }
}
