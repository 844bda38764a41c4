/// Why a command could not be started. A command that starts and fails is a `ProcessOutcome`, not an error.
package enum ProcessRunError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The command string holds a NUL byte, which no shell can receive.
    case invalidCommand(String)
    /// An extra environment variable name is empty or holds `=` or NUL, or its value holds NUL.
    case invalidEnvironment(name: String)
    /// The working directory does not exist or is not a directory.
    case workingDirectoryUnavailable(path: String, reason: String)
    /// The C library cannot change directory while spawning (glibc older than 2.29).
    case workingDirectoryUnsupported(path: String)
    /// Creating the pipes failed, usually because the process ran out of file descriptors.
    case pipeCreationFailed(reason: String)
    /// posix_spawn of the shell failed.
    case spawnFailed(shell: String, reason: String)
    /// No thread could be created to watch the child.
    case threadUnavailable(reason: String)

    package var description: String {
        switch self {
        case .invalidCommand(let command):
            return "command \(String(command.prefix(80)).debugDescription): contains a NUL byte"
        case .invalidEnvironment(let name):
            return "environment variable \(name.debugDescription): names must be non-empty without '=' or NUL, values without NUL"
        case .workingDirectoryUnavailable(let path, let reason):
            return "working directory \(path): \(reason)"
        case .workingDirectoryUnsupported(let path):
            return "working directory \(path): this C library cannot change directory in posix_spawn (needs glibc 2.29 or later)"
        case .pipeCreationFailed(let reason):
            return "cannot create pipes for a child process: \(reason)"
        case .spawnFailed(let shell, let reason):
            return "cannot start \(shell): \(reason)"
        case .threadUnavailable(let reason):
            return "cannot create a thread to watch a child process: \(reason)"
        }
    }
}
