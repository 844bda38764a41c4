/// One command to run with `sh -c`: the command text exactly as configured, with event data only on stdin.
package struct ProcessRequest: Sendable, Equatable {
    /// Shell command text, passed as the single argument after `-c`; nothing is ever interpolated into it.
    package var command: String
    /// Bytes written to the child's stdin, after which stdin is closed.
    package var stdin: [UInt8]
    /// Variables added to (or replacing those of) this process's environment, e.g. TRACEPARENT.
    package var environment: [String: String]
    /// Directory the child starts in; nil keeps this process's current directory.
    package var workingDirectory: String?
    /// Seconds until the whole process group is killed. NaN or negative counts as 0.
    package var timeoutSeconds: Double
    /// Bytes kept of stdout and of stderr each; the rest is read and discarded.
    package var outputLimit: Int

    /// The default cap on stdout and stderr: 1 MiB each.
    package static let defaultOutputLimit = 1 << 20

    /// Creates a request.
    package init(
        command: String, stdin: [UInt8] = [], environment: [String: String] = [:],
        workingDirectory: String? = nil, timeoutSeconds: Double, outputLimit: Int = ProcessRequest.defaultOutputLimit
    ) {
        self.command = command
        self.stdin = stdin
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeoutSeconds = timeoutSeconds
        self.outputLimit = outputLimit
    }

    /// The timeout as whole nanoseconds, clamped to [0, one day] so arithmetic cannot overflow.
    var timeoutNanoseconds: UInt64 {
        guard timeoutSeconds > 0 else { return 0 }  // also false for NaN
        let oneDay = 86_400.0
        return UInt64(min(timeoutSeconds, oneDay) * 1_000_000_000)
    }
}
