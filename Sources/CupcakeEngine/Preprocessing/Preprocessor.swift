/// Rewrites and enriches an event before policies see it, so that reaching a target another
/// way does not slip past a policy that matches text (upstream Cupcake's preprocessing, with
/// its field names and placement):
/// - shell commands (Claude Code, OpenCode `Bash`, Factory `Execute`, Cursor
///   `beforeShellExecution`): line continuations joined and whitespace normalized in place;
///   affected paths and executed scripts added (`ShellCommandFields`);
/// - Write's `tool_input.content` copied to `tool_input.new_string`, so one rule reads Write
///   and Edit alike;
/// - file paths resolved (`FilePathFields`).
/// Relative paths are taken from the event's `cwd` (Cursor: its first workspace root), else the
/// process's working directory.
enum Preprocessor {
    /// Tools whose `tool_input.command` is a shell command: Claude Code's and OpenCode's
    /// `Bash`, and `Execute`, Factory Droid's shell tool.
    static let shellTools: Set<String> = ["Bash", "Execute"]

    /// Returns the simple commands of the event's shell command, when it has one.
    @discardableResult
    static func preprocess(_ members: inout [String: JSONValue], eventName: String, harness: Harness,
                           options: PreprocessingOptions) -> [ShellCommandWalk.Command]? {
        var commands: [ShellCommandWalk.Command]?
        let directory = workingDirectory(of: members, harness: harness)
        let toolName = members["tool_name"]?.stringValue
        if harness == .cursor {
            if eventName == "beforeShellExecution", case .string(let command)? = members["command"] {
                let joined = LineContinuations.join(command)
                members["command"] = .string(CommandNormalizer.normalize(joined))
                commands = ShellCommandFields.attach(command: joined, to: &members, directory: directory, options: options).commands
            }
        } else if case .object(var input)? = members["tool_input"] {
            if let toolName, shellTools.contains(toolName), case .string(let command)? = input["command"] {
                let joined = LineContinuations.join(command)
                let normalized = CommandNormalizer.normalize(joined)
                if normalized != command {
                    input["command"] = .string(normalized)
                    members["tool_input"] = .object(input)
                }
                commands = ShellCommandFields.attach(command: joined, to: &members, directory: directory, options: options).commands
            }
            if toolName == "Write", let content = input["content"] {
                input["new_string"] = content
                members["tool_input"] = .object(input)
            }
        }
        FilePathFields.attach(to: &members, harness: harness, toolName: toolName, directory: directory)
        return commands
    }

    static func workingDirectory(of members: [String: JSONValue], harness: Harness) -> String {
        if case .string(let cwd)? = members["cwd"], cwd.hasPrefix("/") { return cwd }
        if harness == .cursor, case .string(let root)? = members["workspace_roots"]?[0], root.hasPrefix("/") { return root }
        return PathResolver.processDirectory()
    }
}
