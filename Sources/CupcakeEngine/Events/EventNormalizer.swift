/// Copies harness-specific field names to the Claude Code names policies use.
enum EventNormalizer {
    /// OpenCode tool names and the Claude Code names policies route on.
    static let openCodeToolNames: [String: String] = [
        "bash": "Bash", "edit": "Edit", "write": "Write", "read": "Read", "grep": "Grep",
        "glob": "Glob", "list": "List", "patch": "Patch", "webfetch": "WebFetch",
        "todowrite": "TodoWrite", "todoread": "TodoRead", "task": "Task",
    ]

    static func normalize(_ members: inout [String: JSONValue], harness: Harness) {
        switch harness {
        case .claude, .cursor:
            return
        case .factory:
            copy(&members, from: "hookEventName", to: "hook_event_name")
            copy(&members, from: "sessionId", to: "session_id")
            copy(&members, from: "transcriptPath", to: "transcript_path")
            copy(&members, from: "permissionMode", to: "permission_mode")
            copy(&members, from: "toolName", to: "tool_name")
            copy(&members, from: "toolInput", to: "tool_input")
        case .opencode:
            if members["tool_name"] == nil, case .string(let tool)? = members["tool"] {
                members["tool_name"] = .string(openCodeToolNames[tool] ?? tool)
            }
            copy(&members, from: "args", to: "tool_input")
            copy(&members, from: "result", to: "tool_response")
        }
    }

    /// Copies `source` to `target` when `target` is absent; the original stays.
    private static func copy(_ members: inout [String: JSONValue], from source: String, to target: String) {
        if members[target] == nil, let value = members[source] {
            members[target] = value
        }
    }
}
