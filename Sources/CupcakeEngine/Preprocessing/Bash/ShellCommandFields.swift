/// The fields a shell command gets, under upstream Cupcake's names, at the top level of the
/// event: `affected_parent_directories` (paths the command creates, changes or removes; only
/// when there are any) and, when it runs scripts, `executed_script_path` (the first, as
/// written), `executed_script_content` (every script's text, in order), `script_inspection_performed`,
/// plus `executed_script_truncated` and `executed_scripts` (one object per script).
enum ShellCommandFields {
    /// Adds the fields; returns the analysis (its simple commands serve the builtins).
    @discardableResult
    static func attach(command: String, to members: inout [String: JSONValue], directory: String,
                       options: PreprocessingOptions) -> ShellAnalysis {
        let analysis = ShellAnalysis.of(command, directory: directory, home: options.home)
        if !analysis.affectedPaths.isEmpty {
            members["affected_parent_directories"] = .array(analysis.affectedPaths.map(JSONValue.string))
        }
        guard options.scriptInspection, !analysis.scripts.isEmpty else { return analysis }
        let scripts = ScriptLoader.load(analysis.scripts, maxBytes: options.maxScriptBytes)
        guard let first = scripts.first else { return analysis }
        members["executed_script_path"] = .string(first.written)
        members["executed_script_content"] = .string(scripts.map(\.content).joined(separator: "\n"))
        members["executed_script_truncated"] = .bool(scripts.contains { $0.truncated })
        members["script_inspection_performed"] = .bool(true)
        members["executed_scripts"] = .array(scripts.map { script in
            .object([
                "path": .string(script.written),
                "resolved_path": .string(script.path),
                "content": .string(script.content),
                "size_bytes": .int(Int64(script.sizeBytes)),
                "truncated": .bool(script.truncated),
            ])
        })
        return analysis
    }
}
