/// One signal's value for `input.signals.<name>`, plus what its trace span records.
package struct SignalResult: Sendable, Equatable {
    /// The signal's name from the rulebook.
    package var name: String
    /// The value policies see (see `SignalValue` for the rules).
    package var value: JSONValue
    /// The shell's exit status; nil when it timed out, was killed by a signal, or could not start.
    package var exitCode: Int32?
    /// True when the signal ran past its timeout and its process group was killed.
    package var timedOut: Bool
    /// Wall time of the command (0 when it could not start).
    package var durationNanoseconds: UInt64

    /// Creates a result.
    package init(name: String, value: JSONValue, exitCode: Int32?, timedOut: Bool, durationNanoseconds: UInt64) {
        self.name = name
        self.value = value
        self.exitCode = exitCode
        self.timedOut = timedOut
        self.durationNanoseconds = durationNanoseconds
    }
}
