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

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> ProtectedPaths {
        let message = try options.string("message", default: defaultMessage)
        let paths = try options.strings("paths")
        if enabled && paths.isEmpty { throw options.error("paths", "protected_paths: enabled but no paths configured") }
        for (index, path) in paths.enumerated() where path.allSatisfy(\.isWhitespace) {
            throw options.error("paths[\(index)]", "path cannot be empty")
        }
        return ProtectedPaths(message: message, paths: paths)
    }

    var inputConfig: JSONValue? { ["message": .string(message), "paths": .array(paths.map(JSONValue.string))] }

    func applies(to event: HookEvent) -> Bool {
        if event.harness == .cursor { return event.eventName == "afterFileEdit" || event.eventName == "beforeShellExecution" }
        guard event.isPreToolUse, let tool = event.toolName else { return false }
        return BuiltinTools.writes.contains(tool) || Preprocessor.shellTools.contains(tool)
    }

    func evaluate(_ event: HookEvent, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        let patterns = paths.map { PathPatterns.expand($0, home: environment.home) }
        var found: [Decision] = []
        let cursor = event.harness == .cursor
        func add(_ rule: String, _ reason: String) {
            let decision = Decision(ruleID: rule, reason: reason, severity: .high)
            if !found.contains(decision) { found.append(decision) }
        }
        if let command = event.shellCommand {
            for check in ProtectedShell.findings(command: command, script: event.scriptContent, affected: event.affectedPaths,
                                                 patterns: patterns, directory: event.workingDirectory) {
                switch check {
                case .reference:
                    add("BUILTIN-PROTECTED-PATHS", "\(message) (only read operations allowed)")
                case .target(let path):
                    add("BUILTIN-PROTECTED-PATHS", cursor ? fileReason(path, patterns) : "\(message) (\(path))")
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
            for path in event.resolvedPaths where patterns.contains(where: { PathPatterns.protectedMatch(path, $0) }) {
                add("BUILTIN-PROTECTED-PATHS", cursor ? fileReason(path, patterns) : "\(message) (\(path))")
            }
        }
        return cursor ? DecisionSet(denials: found) : DecisionSet(halts: found)
    }

    private func fileReason(_ path: String, _ patterns: [String]) -> String {
        "File modification blocked: \(path) is in a protected path. Protected paths are: \(patterns.joined(separator: ", "))"
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

    static func findings(command: String, script: String?, affected: [String], patterns: [String],
                         directory: String?) -> [Finding] {
        var found: [Finding] = []
        let lowered = command.lowercased()
        if patterns.contains(where: { mentions(lowered, $0) }) && !ReadOnlyCommands.isReadOnly(command) {
            found.append(.reference)
        }
        // A command that names the path already gets upstream's reason; the resolved targets
        // below are for what the text does not show (links, `..`, variables).
        let named = found.contains(.reference)
        for path in affected where !named {
            for pattern in patterns {
                if PathPatterns.protectedMatch(path, pattern) {
                    found.append(.target(path))
                } else if pattern.hasPrefix("/") && PathPatterns.isWithin(trimmed(pattern), path) {
                    found.append(.parent(pattern, path))
                }
            }
        }
        for pattern in patterns where mentions(lowered, pattern) && runsInlineCode(lowered) {
            found.append(.inlineScript(pattern))
        }
        if let script {
            let text = script.lowercased()
            for pattern in patterns where mentions(text, pattern) && !ReadOnlyCommands.isReadOnly(script) {
                found.append(.executedScript(pattern))
            }
            let scriptAffected = ShellAnalysis.of(script, directory: directory ?? "/", home: nil).affectedPaths
            for path in scriptAffected {
                for pattern in patterns where PathPatterns.protectedMatch(path, pattern) { found.append(.target(path)) }
            }
        }
        return found
    }

    /// Whether `text` (lower-cased) names the pattern, with or without its trailing `/`.
    static func mentions(_ text: String, _ pattern: String) -> Bool {
        let lowered = pattern.lowercased()
        guard !lowered.isEmpty else { return false }
        if text.contains(lowered) { return true }
        return lowered.hasSuffix("/") && lowered.count > 1 && text.contains(String(lowered.dropLast()))
    }

    private static func trimmed(_ pattern: String) -> String {
        pattern.count > 1 && pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
    }

    /// `python -c`, `node -e`, `perl -e`, … anywhere in the command.
    static func runsInlineCode(_ lowered: String) -> Bool {
        ShellCommandWalk.commands(in: lowered).contains { command in
            guard ["python", "python3", "python2", "ruby", "perl", "node", "php", "deno", "bun"].contains(command.name)
                    || command.name.hasPrefix("python3.") else { return false }
            return command.arguments.contains { ["-c", "-e", "-E", "-r", "--eval", "-p"].contains($0) }
        }
    }
}
