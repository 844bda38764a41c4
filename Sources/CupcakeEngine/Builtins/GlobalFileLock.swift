/// `global_file_lock` (alias `never_edit_files`): no file may be written at all, for code review
/// or exploration sessions. upstream's base-config template documents it and its Rego shipped
/// with earlier releases; v0.5.2's configuration silently dropped it, which would leave a user
/// who switched it on unprotected. Halt on Claude Code, Factory and OpenCode for the editing
/// tools and for shell commands that write (affected paths, a redirection or `tee` into a file,
/// `cp`, `mv`); deny on Cursor (afterFileEdit, such shell commands).
///
/// Options: `message` ("File editing is disabled globally by policy").
struct GlobalFileLock: RulebookBuiltin {
    static let key = "global_file_lock"
    static let alias = "never_edit_files"
    static let defaultMessage = "File editing is disabled globally by policy"
    static let copiers: Set<String> = ["cp", "mv", "tee", "dd", "install", "rsync"]
    let name = key
    var message: String

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> GlobalFileLock {
        GlobalFileLock(message: try options.string("message", default: defaultMessage))
    }

    var inputConfig: JSONValue? { ["message": .string(message)] }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor { return event.eventName == "afterFileEdit" || event.eventName == "beforeShellExecution" }
        guard event.isPreToolUse, let tool = event.toolName else { return false }
        return BuiltinTools.writes.contains(tool) || Preprocessor.shellTools.contains(tool)
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        let reason: String
        if event.shellCommand != nil {
            guard writes(event) else { return .empty }
            reason = "\(message) (detected file write in bash command)"
        } else {
            reason = message
        }
        let cursor = event.harness == .cursor
        let decision = Decision(ruleID: "BUILTIN-GLOBAL-FILE-LOCK", reason: reason, severity: cursor ? .critical : .high)
        return cursor ? DecisionSet(denials: [decision]) : DecisionSet(halts: [decision])
    }

    /// Whether the command writes a file: one it changes, a redirection into a file, a copy.
    private func writes(_ event: EventView) -> Bool {
        if event.loweredAffectedPaths.contains(where: { !SystemProtection.isHarmlessDevice($0) }) { return true }
        return event.commands.contains { command in
            Self.copiers.contains(command.name)
                || command.redirects.contains { $0.writesTarget && !SystemProtection.isHarmlessDevice($0.target.text.lowered) }
        }
    }
}
