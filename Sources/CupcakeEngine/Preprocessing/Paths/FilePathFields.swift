/// Upstream Cupcake's path fields, added for every tool that touches a file so that a policy
/// can match where the tool really goes: `resolved_file_path` (absolute, `.`/`..`/`//`
/// removed, every symbolic link followed), `original_file_path` (the path as the event gave
/// it) and `is_symlink` (whether the path as named is itself a link), at the top level of
/// the event. MultiEdit's `tool_input.edits[i]` get their own three fields.
enum FilePathFields {
    /// Fields naming a file or directory, in the order they are looked for: Claude Code and
    /// Factory (`file_path`, `path` for Grep/Glob/LS, `notebook_path`), OpenCode (`filePath`).
    static let pathKeys = ["file_path", "path", "notebook_path", "filePath", "directory_path"]

    static func attach(to members: inout [String: JSONValue], harness: Harness, toolName: String?, directory: String) {
        if harness == .cursor {
            // Cursor's file events (beforeReadFile, afterFileEdit, …) carry the path at the root.
            if let path = firstPath(in: members) {
                setFields(resolving: path, original: path, from: directory, into: &members)
            }
            return
        }
        guard case .object(var input)? = members["tool_input"] else { return }
        let path = firstPath(in: input)
        if toolName == "Glob", case .string(let pattern)? = input["pattern"] {
            // The directory a glob searches: its `path`, and the literal directory part of its
            // pattern (`backup/**/*.rego` searches backup/, which may be a link).
            let base = path ?? ""
            let part = literalDirectory(of: pattern)
            let target = part.hasPrefix("/") ? part : (base.isEmpty ? part : base + "/" + part)
            setFields(resolving: target, original: path ?? pattern, from: directory, into: &members)
        } else if let path {
            setFields(resolving: path, original: path, from: directory, into: &members)
        }
        if case .array(var edits)? = input["edits"] {
            var changed = false
            for index in edits.indices {
                guard case .object(var edit) = edits[index], case .string(let editPath)? = edit["file_path"] else { continue }
                setFields(resolving: editPath, original: editPath, from: directory, into: &edit)
                edits[index] = .object(edit)
                changed = true
            }
            if changed {
                input["edits"] = .array(edits)
                members["tool_input"] = .object(input)
            }
        }
    }

    private static func firstPath(in object: [String: JSONValue]) -> String? {
        for key in pathKeys {
            if case .string(let path)? = object[key] { return path }
        }
        return nil
    }

    private static func setFields(resolving path: String, original: String, from directory: String,
                                  into object: inout [String: JSONValue]) {
        let resolution = PathResolver.resolve(path, from: directory)
        object["resolved_file_path"] = .string(resolution.path)
        object["original_file_path"] = .string(original)
        object["is_symlink"] = .bool(resolution.isSymlink)
    }

    /// The part of a glob pattern before the component holding its first glob character
    /// (`src/**/*.rs` -> `src`, `*.md` -> ``).
    static func literalDirectory(of pattern: String) -> String {
        let globCharacters: Set<Character> = ["*", "?", "[", "{"]
        guard let firstGlob = pattern.firstIndex(where: { globCharacters.contains($0) }) else { return pattern }
        let prefix = pattern[..<firstGlob]
        guard let slash = prefix.lastIndex(of: "/") else { return "" }
        return String(prefix[..<slash]).isEmpty && pattern.hasPrefix("/") ? "/" : String(prefix[..<slash])
    }
}
