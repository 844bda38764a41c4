/// How events are preprocessed: rulebook.yml's `preprocessing:` section, and the home
/// directory that `~` and `$HOME` in shell commands stand for.
package struct PreprocessingOptions: Sendable, Equatable {
    /// Whether the scripts a Bash command runs are read into `executed_script_content`
    /// (`preprocessing.script_inspection`, on by default).
    package var scriptInspection: Bool
    /// Bytes read at most from one script (`preprocessing.max_script_bytes`, 1 MiB by default);
    /// longer scripts are cut there and marked `executed_script_truncated: true`.
    package var maxScriptBytes: Int
    /// The home directory of the user the agent runs as; nil leaves `~` unexpanded.
    package var home: String?

    /// Bytes read at most from one script unless configured: 1 MiB.
    package static let defaultMaxScriptBytes = 1 << 20
    /// The largest `max_script_bytes` accepted: 16 MiB.
    package static let maxScriptBytesLimit = 16 << 20

    /// Script inspection on, 1 MiB per script, no home directory.
    package init(scriptInspection: Bool = true, maxScriptBytes: Int = PreprocessingOptions.defaultMaxScriptBytes, home: String? = nil) {
        self.scriptInspection = scriptInspection
        self.maxScriptBytes = maxScriptBytes
        self.home = home
    }
}
