/// The parts of an event builtins look at, read the same way for every harness (after
/// normalization: OpenCode's `tool` is `tool_name`, Factory's fields are snake_case).
extension HookEvent {
    /// The shell command: `tool_input.command` of a Bash / Execute tool, or Cursor's
    /// `beforeShellExecution` root `command`.
    var shellCommand: String? {
        if harness == .cursor {
            return eventName == "beforeShellExecution" ? raw["command"]?.stringValue : nil
        }
        guard let toolName, Preprocessor.shellTools.contains(toolName) else { return nil }
        return raw["tool_input"]?["command"]?.stringValue
    }

    /// Whether this is a tool call before it runs (Claude Code's, Factory's and OpenCode's PreToolUse).
    var isPreToolUse: Bool { harness != .cursor && eventName == "PreToolUse" }

    /// Every resolved path the event names: the top-level one and each MultiEdit edit's.
    var resolvedPaths: [String] {
        var paths: [String] = []
        if let path = raw["resolved_file_path"]?.stringValue { paths.append(path) }
        for edit in raw["tool_input"]?["edits"]?.arrayValue ?? [] {
            if let path = edit["resolved_file_path"]?.stringValue, !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// The path-like values of the tool's input as the agent wrote them (file_path, path,
    /// pattern, url, prompt, notebook_path, filePath).
    var rawPathValues: [String] {
        let input = harness == .cursor ? raw : raw["tool_input"] ?? .null
        return ["file_path", "path", "pattern", "url", "prompt", "notebook_path", "filePath", "directory_path"]
            .compactMap { input[$0]?.stringValue }
    }

    /// `affected_parent_directories`.
    var affectedPaths: [String] { raw["affected_parent_directories"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// The text of the scripts the command runs (`executed_script_content`), if any was read.
    var scriptContent: String? { raw["executed_script_content"]?.stringValue }

    /// The event's working directory, when it names one.
    var workingDirectory: String? {
        if let cwd = raw["cwd"]?.stringValue, cwd.hasPrefix("/") { return cwd }
        return raw["workspace_roots"]?[0]?.stringValue
    }
}

/// One event as the builtins read it. Every builtin of both layers looks at the same command,
/// paths and script; each is derived once, on first use, and shared (lexing the command once
/// instead of once per builtin is most of what keeps ten builtins within microseconds).
final class EventView {
    let event: HookEvent
    /// The shell command, if the event runs one.
    let shellCommand: String?

    init(_ event: HookEvent) {
        self.event = event
        shellCommand = event.shellCommand
    }

    var harness: Harness { event.harness }
    var eventName: String { event.eventName }
    var toolName: String? { event.toolName }
    var raw: JSONValue { event.raw }
    var isPreToolUse: Bool { event.isPreToolUse }
    var workingDirectory: String? { event.workingDirectory }

    /// The command lower-cased, for upstream's case-insensitive text checks.
    lazy var loweredCommand: String? = shellCommand?.lowered
    /// The simple commands of the command line (wrappers dropped, nested code read too).
    lazy var commands: [ShellCommandWalk.Command] = event.shellCommands ?? shellCommand.map { ShellCommandWalk.commands(in: $0) } ?? []
    /// Whether every simple command only reads (no command at all counts as reading).
    lazy var onlyReads: Bool = commands.allSatisfy(ReadOnlyCommands.isReadOnly)
    lazy var resolvedPaths: [String] = event.resolvedPaths
    lazy var rawPathValues: [String] = event.rawPathValues
    lazy var affectedPaths: [String] = event.affectedPaths
    /// The affected paths lower-cased, in the same order.
    lazy var loweredAffectedPaths: [String] = affectedPaths.map(\.lowered)
    lazy var scriptContent: String? = event.scriptContent
    lazy var loweredScript: String? = scriptContent?.lowered
    /// The scripts the command runs, walked as the command was (once, for all builtins).
    private lazy var scriptAnalysis: ShellAnalysis? = scriptContent.map {
        ShellAnalysis.of($0, directory: workingDirectory ?? "/", home: nil)
    }
    lazy var scriptCommands: [ShellCommandWalk.Command] = scriptAnalysis?.commands ?? []
    /// What the scripts the command runs would change (their own affected paths).
    lazy var scriptAffectedPaths: [String] = scriptAnalysis?.affectedPaths ?? []
}

/// Tool names, as the harnesses send them after normalization.
enum BuiltinTools {
    /// Tools that write files: Claude Code's and OpenCode's, and Factory's `Create`.
    static let writes: Set<String> = ["Edit", "Write", "MultiEdit", "NotebookEdit", "Create", "Patch", "ApplyPatch"]
    /// Every tool that names a file or a place (reads and searches too).
    static let files: Set<String> = writes.union(["Read", "Grep", "Glob", "LS", "List", "NotebookRead", "WebFetch", "Task"])
}
