/// One hook event from a harness, decoded leniently and preprocessed for policies.
public struct HookEvent: Sendable {
    /// The whole event object after normalization and preprocessing (see `decode`): what
    /// policies see as `input`.
    public var raw: JSONValue
    /// The routing event name: `hook_event_name` as the harness sent it (Cursor events keep
    /// their own names, e.g. `beforeShellExecution`).
    public var eventName: String
    /// The tool, for tool events: `tool_name` (OpenCode's lowercase `tool` mapped to Claude
    /// names, e.g. `bash` -> `Bash`); Cursor's `beforeMCPExecution` carries one too.
    public var toolName: String?
    /// The session: `session_id` (Factory's `sessionId`; Cursor's `conversation_id`).
    public var sessionID: String?
    /// Which harness sent the event.
    public var harness: Harness
    /// The simple commands of its shell command, as preprocessing walked them (nil when it
    /// has none, or was made from parts).
    var shellCommands: [ShellCommandWalk.Command]?

    /// Creates an event from parts; `decode` is the usual way.
    public init(raw: JSONValue, eventName: String, toolName: String?, sessionID: String?, harness: Harness) {
        self.raw = raw
        self.eventName = eventName
        self.toolName = toolName
        self.sessionID = sessionID
        self.harness = harness
    }

    /// Decodes the bytes a harness wrote to the hook's stdin.
    ///
    /// Lenient: unknown fields and unknown values (e.g. `"permission_mode": "auto"`) are kept
    /// in `raw` and never cause an error. Normalization, so one policy reads every harness:
    /// - Factory: camelCase `hookEventName`, `sessionId`, `transcriptPath`, `permissionMode`
    ///   are copied to their snake_case names when those are absent.
    /// - OpenCode: `tool` is copied to `tool_name` (known lowercase names mapped to Claude's,
    ///   `bash` -> `Bash`, others kept) and `args` to `tool_input`, when those are absent.
    /// Preprocessing (`Preprocessor`): shell commands joined and whitespace-normalized in
    /// place, and upstream Cupcake's fields added: `affected_parent_directories`,
    /// `executed_script_*`, `resolved_file_path`, `original_file_path`, `is_symlink`, Write's
    /// `tool_input.new_string`.
    package static func decode(_ bytes: [UInt8], harness: Harness,
                              preprocessing: PreprocessingOptions = PreprocessingOptions()) throws(EventError) -> HookEvent {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch .emptyInput {
            throw .emptyInput
        } catch {
            throw .invalidJSON(error)
        }
        guard case .object(var members) = value else {
            throw .notAnObject(found: value.typeName)
        }
        EventNormalizer.normalize(&members, harness: harness)

        let eventName: String
        switch members["hook_event_name"] {
        case .string(let name)? where !name.isEmpty:
            eventName = name
        case nil, .null?, .string?:
            throw .missingEventName
        case let other?:
            throw .eventNameNotString(found: other.typeName)
        }
        let commands = Preprocessor.preprocess(&members, eventName: eventName, harness: harness, options: preprocessing)

        let sessionID = members["session_id"]?.stringValue
            ?? (harness == .cursor ? members["conversation_id"]?.stringValue : nil)
        var event = HookEvent(
            raw: .object(members), eventName: eventName, toolName: members["tool_name"]?.stringValue,
            sessionID: sessionID, harness: harness)
        event.shellCommands = commands
        return event
    }
}
