/// How one action command ended, for its trace span.
public struct ActionResult: Sendable, Equatable {
    /// The command as configured.
    public var command: String
    /// The rule the action belongs to; nil for `on_any_denial` actions.
    public var ruleID: String?
    /// The shell's exit status; nil when it timed out, was killed by a signal, or could not start.
    public var exitCode: Int32?
    /// True when the action ran past its timeout and its process group was killed.
    public var timedOut: Bool
    /// Wall time of the command (0 when it could not start).
    public var durationNanoseconds: UInt64
    /// Why the command could not start, if it could not.
    public var error: String?

    /// Creates a result.
    public init(command: String, ruleID: String?, exitCode: Int32?, timedOut: Bool, durationNanoseconds: UInt64, error: String? = nil) {
        self.command = command
        self.ruleID = ruleID
        self.exitCode = exitCode
        self.timedOut = timedOut
        self.durationNanoseconds = durationNanoseconds
        self.error = error
    }
}
