/// The hook event names each harness sends and the tool names its events carry (after
/// `EventNormalizer`), as policies name them in `custom.routing`.
///
/// The engine itself routes any name it is given (a newer agent's event still reaches the policies
/// that name it); these tables say which names a policy can expect to see, for `cupcake validate`.
package enum HarnessVocabulary {
    /// The events the harness sends, as `hook_event_name` says them.
    package static func events(of harness: Harness) -> [String] {
        switch harness {
        case .claude: claudeEvents
        // Factory's Droid sends Claude Code's events, except PermissionRequest.
        case .factory: claudeEvents.filter { $0 != "PermissionRequest" }
        case .cursor: cursorEvents
        // Cupcake's OpenCode plugin sends these from tool.execute.before and tool.execute.after.
        case .opencode: ["PreToolUse", "PostToolUse"]
        }
    }

    /// The events whose input names a tool (`tool_name`): only these match a policy that lists
    /// `required_tools` other than `*`.
    package static func toolEvents(of harness: Harness) -> Set<String> {
        switch harness {
        case .claude: ["PreToolUse", "PostToolUse", "PermissionRequest"]
        case .factory, .opencode: ["PreToolUse", "PostToolUse"]
        case .cursor: ["beforeMCPExecution", "afterMCPExecution"]
        }
    }

    /// The agent's own tool names; nil when any name is expected (Cursor's tool events carry the
    /// MCP server's tool names).
    package static func tools(of harness: Harness) -> Set<String>? {
        switch harness {
        case .claude: claudeTools
        // Factory's tools, and the Claude Code names the engine also reads for it (Bash, Write).
        case .factory: ["Execute", "Create", "Edit", "MultiEdit", "Read", "LS", "Glob", "Grep", "FetchUrl", "WebSearch",
                        "TodoWrite", "Task", "ApplyPatch", "ExitSpecMode", "Bash", "Write"]
        case .opencode: Set(EventNormalizer.openCodeToolNames.values)
        case .cursor: nil
        }
    }

    /// Whether `name` in `required_tools` is one the harness's events carry: its own tools, `*`,
    /// and MCP tools (`mcp__server__tool`), whose names no table can list.
    package static func isKnownTool(_ name: String, harness: Harness) -> Bool {
        guard let known = tools(of: harness) else { return true }
        return name == "*" || name.hasPrefix("mcp__") || known.contains(name)
    }

    static let claudeEvents = [
        "PreToolUse", "PostToolUse", "PermissionRequest", "UserPromptSubmit", "Notification", "Stop", "SubagentStop",
        "PreCompact", "SessionStart", "SessionEnd",
    ]

    static let cursorEvents = [
        "beforeShellExecution", "beforeMCPExecution", "beforeReadFile", "beforeSubmitPrompt", "afterFileEdit",
        "afterShellExecution", "afterMCPExecution", "afterAgentResponse", "afterAgentThought", "stop",
    ]

    static let claudeTools: Set<String> = [
        "Bash", "Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "WebFetch", "WebSearch", "Task", "TodoWrite",
        "NotebookEdit", "NotebookRead", "BashOutput", "KillShell", "ExitPlanMode", "SlashCommand",
    ]
}
