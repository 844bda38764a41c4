/// Rewrites event fields that policies match as text, so formatting tricks cannot evade them.
enum EventPreprocessor {
    /// Tools whose `tool_input.command` is a shell command: Claude Code's `Bash`, and
    /// `Execute`, Factory Droid's shell tool.
    static let shellTools: Set<String> = ["Bash", "Execute"]

    static func preprocess(_ members: inout [String: JSONValue], eventName: String, harness: Harness) {
        if harness == .cursor {
            // Cursor puts the shell command at the root of beforeShellExecution.
            if eventName == "beforeShellExecution", case .string(let command)? = members["command"] {
                members["command"] = .string(CommandNormalizer.normalize(command))
            }
            return
        }
        guard let tool = members["tool_name"]?.stringValue, shellTools.contains(tool),
              case .object(var input)? = members["tool_input"],
              case .string(let command)? = input["command"] else { return }
        let normalized = CommandNormalizer.normalize(command)
        if normalized != command {
            input["command"] = .string(normalized)
            members["tool_input"] = .object(input)
        }
    }
}
