/// Runs shell commands as `/bin/sh -c <command>` in their own process group, with stdin bytes, an
/// environment, a timeout that kills the whole group, and capped output.
///
/// Every child is watched by a dedicated thread (never the cooperative pool). No member of the
/// child's process group outlives the run: the group is killed at the deadline, and its leftovers
/// are killed as soon as the shell itself exits.
package struct ProcessRunner: Sendable {
    /// Path of the shell; `/bin/sh` unless a test needs another.
    package var shellPath: String
    /// Whether a pidfd wakes the watcher at the child's exit; tests turn it off to cover the
    /// fallback (short poll slices with waitid) used where pidfd_open is missing.
    var watchesExitWithPidfd = true

    /// Creates a runner using `shellPath` as the shell.
    package init(shellPath: String = "/bin/sh") {
        self.shellPath = shellPath
    }

    /// Starts the command at once on its own thread and returns a handle to await.
    package func launch(_ request: ProcessRequest) -> ProcessHandle {
        let handle = ProcessHandle()
        let shell = shellPath
        let usePidfd = watchesExitWithPidfd
        let started = DedicatedThread.start {
            handle.finish(ProcessMonitor.run(shell: shell, request: request, usePidfd: usePidfd))
        }
        if started != 0 {
            handle.finish(.failure(.threadUnavailable(reason: systemErrorText(started))))
        }
        return handle
    }

    /// Runs the command to completion (bounded by its timeout).
    package func run(_ request: ProcessRequest) async throws(ProcessRunError) -> ProcessOutcome {
        try await launch(request).outcome()
    }

    /// Runs `command` to completion (bounded by `timeoutSeconds`).
    package func run(
        command: String, stdin: [UInt8] = [], environment: [String: String] = [:],
        workingDirectory: String? = nil, timeoutSeconds: Double,
        outputLimit: Int = ProcessRequest.defaultOutputLimit
    ) async throws(ProcessRunError) -> ProcessOutcome {
        try await run(ProcessRequest(
            command: command, stdin: stdin, environment: environment,
            workingDirectory: workingDirectory, timeoutSeconds: timeoutSeconds, outputLimit: outputLimit))
    }
}
