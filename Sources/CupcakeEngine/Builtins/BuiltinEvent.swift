/// One event as the builtins read it, the same way for every harness (after normalization:
/// OpenCode's `tool` is `tool_name`, Factory's fields are snake_case). Every builtin of both
/// layers looks at the same command, paths and script; each is derived once, on first use, and
/// shared (lexing the command once instead of once per builtin is most of what keeps ten
/// builtins within microseconds).
final class EventView {
    let event: HookEvent
    /// The shell command: `tool_input.command` of a Bash / Execute tool, or Cursor's
    /// `beforeShellExecution` root `command`.
    let shellCommand: String?

    init(_ event: HookEvent) {
        self.event = event
        if event.harness == .cursor {
            shellCommand = event.eventName == "beforeShellExecution" ? event.raw["command"]?.stringValue : nil
        } else if let tool = event.toolName, Preprocessor.shellTools.contains(tool) {
            shellCommand = event.raw["tool_input"]?["command"]?.stringValue
        } else {
            shellCommand = nil
        }
    }

    var harness: Harness { event.harness }
    var eventName: String { event.eventName }
    var toolName: String? { event.toolName }
    var raw: JSONValue { event.raw }
    /// Whether this is a tool call before it runs (Claude Code's, Factory's and OpenCode's PreToolUse).
    var isPreToolUse: Bool { harness != .cursor && eventName == "PreToolUse" }

    /// The directory relative paths are taken from: the one preprocessing used.
    lazy var workingDirectory: String = Preprocessor.workingDirectory(of: raw.objectValue ?? [:], harness: harness)
    /// The command lower-cased, for upstream's case-insensitive text checks.
    lazy var loweredCommand: String? = shellCommand?.lowered
    /// The simple commands of the command line (wrappers dropped, nested code read too):
    /// preprocessing's walk, when it made one.
    lazy var commands: [ShellCommandWalk.Command] = event.shellCommands ?? shellCommand.map { ShellCommandWalk.commands(in: $0) } ?? []
    /// Whether every simple command only reads (no command at all counts as reading).
    lazy var onlyReads: Bool = commands.allSatisfy(ReadOnlyCommands.isReadOnly)

    /// Every resolved path the event names: the top-level one and each MultiEdit edit's.
    lazy var resolvedPaths: [String] = {
        var paths: [String] = []
        if let path = raw["resolved_file_path"]?.stringValue { paths.append(path) }
        for edit in raw["tool_input"]?["edits"]?.arrayValue ?? [] {
            if let path = edit["resolved_file_path"]?.stringValue, !paths.contains(path) { paths.append(path) }
        }
        return paths
    }()

    /// The path-like values of the tool's input as the agent wrote them (file_path, path,
    /// pattern, url, prompt, notebook_path, filePath, directory_path).
    lazy var rawPathValues: [String] = {
        let input = harness == .cursor ? raw : raw["tool_input"] ?? .null
        return ["file_path", "path", "pattern", "url", "prompt", "notebook_path", "filePath", "directory_path"]
            .compactMap { input[$0]?.stringValue }
    }()

    /// `affected_parent_directories`.
    lazy var affectedPaths: [String] = raw["affected_parent_directories"]?.arrayValue?.compactMap(\.stringValue) ?? []
    /// The affected paths lower-cased, in the same order.
    lazy var loweredAffectedPaths: [String] = affectedPaths.map(\.lowered)
    /// The text of the scripts the command runs (`executed_script_content`), if any was read.
    lazy var scriptContent: String? = raw["executed_script_content"]?.stringValue
    lazy var loweredScript: String? = scriptContent?.lowered
    /// The scripts the command runs, walked as the command was (once, for all builtins).
    private lazy var scriptAnalysis: ShellAnalysis? = scriptContent.map {
        ShellAnalysis.of($0, directory: workingDirectory, home: nil)
    }
    lazy var scriptCommands: [ShellCommandWalk.Command] = scriptAnalysis?.commands ?? []
    /// What the scripts the command runs would change (their own affected paths).
    lazy var scriptAffectedPaths: [String] = scriptAnalysis?.affectedPaths ?? []
}

/// Tools that write files: Claude Code's and OpenCode's, and Factory's `Create`.
enum BuiltinTools {
    static let writes: Set<String> = ["Edit", "Write", "MultiEdit", "NotebookEdit", "Create", "Patch", "ApplyPatch"]
}
