/// The AI coding agents whose hook events Cupcake evaluates and answers.
public enum Harness: String, Sendable, CaseIterable {
    /// Anthropic's Claude Code (stdin/stdout command hooks, snake_case input).
    case claude
    /// Cursor (hooks.json command hooks, camelCase event names such as `beforeShellExecution`).
    case cursor
    /// Factory AI's Droid (Claude Code-style hooks).
    case factory
    /// OpenCode, through Cupcake's in-process plugin that spawns `cupcake eval`.
    case opencode
}
