/// What happened to one `sh -c` child: how it ended and what it wrote.
package struct ProcessOutcome: Sendable, Equatable {
    /// The exit status when the shell exited normally; nil when a signal ended it.
    package var exitCode: Int32?
    /// The signal that ended the shell (SIGKILL after a timeout), if any.
    package var terminatingSignal: Int32?
    /// Standard output, at most the request's output limit.
    package var stdout: [UInt8]
    /// Standard error, at most the request's output limit.
    package var stderr: [UInt8]
    /// True when stdout went past the output limit and the rest was discarded.
    package var stdoutTruncated: Bool
    /// True when stderr went past the output limit and the rest was discarded.
    package var stderrTruncated: Bool
    /// True when the shell was still running at the deadline and its process group was killed.
    package var timedOut: Bool
    /// Wall time from spawn to reaping the shell.
    package var durationNanoseconds: UInt64

    /// Creates an outcome; the runner builds these, tests and callers may too.
    package init(
        exitCode: Int32?, terminatingSignal: Int32?, stdout: [UInt8], stderr: [UInt8],
        stdoutTruncated: Bool, stderrTruncated: Bool, timedOut: Bool, durationNanoseconds: UInt64
    ) {
        self.exitCode = exitCode
        self.terminatingSignal = terminatingSignal
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.timedOut = timedOut
        self.durationNanoseconds = durationNanoseconds
    }
}
