/// The `cupcake` exit codes (documented in the README and `cupcake --help`).
enum ExitCode: Int32 {
    /// The answer is on stdout (also when an evaluation error failed open: `{}`).
    case success = 0
    /// `cupcake validate` found errors (warnings alone exit 0).
    case validationFailed = 1
    /// Failed closed (`--strict` or `fail_mode: closed`), or an event over 16 MiB refused:
    /// Claude Code blocks the tool call and shows the reason from stderr.
    case blocked = 2
    /// Bad command line.
    case usage = 64
    /// Bad event on stdin: empty, not JSON, not an object, no hook_event_name, invalid UTF-8.
    case badInput = 65
    /// The policy directory is missing or unreadable.
    case noPolicyDirectory = 66
    /// `init` could not write a file.
    case cannotCreate = 73
    /// The policies could not be loaded: rulebook.yml, METADATA, bundle, module.
    case configuration = 78
}
extension ExitCode: Error {}
