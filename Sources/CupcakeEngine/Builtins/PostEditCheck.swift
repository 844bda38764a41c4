/// `post_edit_check`: after a file is edited, the check configured for its extension runs
/// (signal `__builtin_post_edit_<ext>`, 10 s). If it fails the user is asked whether to go on
/// (upstream's verb); if it passes, "✓ Validation passed for <file>" is added to the agent's
/// context. PostToolUse of Edit, Write, MultiEdit, NotebookEdit (Factory: Create) on Claude
/// Code, Factory and OpenCode; Cursor's afterFileEdit. Upstream reads the file from
/// `input.params`, which real events lack; here it is the edited file's resolved path.
///
/// Options: `by_extension` ({ext: {command, message}}; `rs`, not `.rs`).
struct PostEditCheck: RulebookBuiltin {
    static let key = "post_edit_check"
    static let timeoutSeconds: Double = 10

    let name = key
    var byExtension: [String: GitPreCheck.Check]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> PostEditCheck {
        var checks: [String: GitPreCheck.Check] = [:]
        if let value = options.raw("by_extension") {
            guard let map = value.objectValue else {
                throw options.error("by_extension", "expected a mapping of extensions to {command, message}, got \(value.typeName)")
            }
            for ext in map.keys.sorted() {
                guard let entry = map[ext], let command = entry["command"]?.stringValue else {
                    throw options.error("by_extension.\(ext)", "expected {command: …, message: …}")
                }
                if command.allSatisfy(\.isWhitespace) { throw options.error("by_extension.\(ext)", "command cannot be empty") }
                if ext.contains(".") {
                    throw options.error("by_extension.\(ext)", "extension should not include dot (use 'rs' not '.rs')")
                }
                checks[ext] = GitPreCheck.Check(command: command, message: entry["message"]?.stringValue ?? "Validation failed")
            }
        }
        if enabled && checks.isEmpty { throw options.error("by_extension", "post_edit_check: enabled but no extensions configured") }
        return PostEditCheck(byExtension: checks)
    }

    var signalDefinitions: [SignalDefinition] {
        byExtension.keys.sorted().compactMap { ext in
            byExtension[ext].map { SignalDefinition(name: "__builtin_post_edit_\(ext)", command: $0.command, timeoutSeconds: Self.timeoutSeconds) }
        }
    }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor { return event.eventName == "afterFileEdit" }
        guard event.eventName == "PostToolUse", let tool = event.toolName else { return false }
        return ["Edit", "Write", "MultiEdit", "NotebookEdit", "Create", "Patch"].contains(tool)
    }

    /// The extension of the edited file's last path component (`.bashrc` has none).
    static func fileExtension(_ path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        let ext = file[file.index(after: dot)...]
        return ext.isEmpty ? nil : String(ext)
    }

    private func target(_ event: EventView) -> (path: String, ext: String)? {
        guard let path = event.resolvedPaths.first, let ext = Self.fileExtension(path), byExtension[ext] != nil else { return nil }
        return (path, ext)
    }

    func signalNames(for event: EventView, environment: BuiltinEnvironment) -> [String] {
        target(event).map { ["__builtin_post_edit_\($0.ext)"] } ?? []
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        guard let (path, ext) = target(event), let check = byExtension[ext],
              let value = signals["__builtin_post_edit_\(ext)"] else { return .empty }
        guard let detail = CheckOutcome.failure(of: value) else {
            return DecisionSet(addContext: ["✓ Validation passed for \(path)"])
        }
        let reason = "File validation failed for \(path)\n\(check.message): \(detail)\n\nDo you want to continue anyway?"
        return DecisionSet(asks: [Decision(ruleID: "BUILTIN-POST-EDIT", reason: reason, severity: .medium, question: reason)])
    }
}
