import CupcakeTrace

/// The user's home directory, for `~` in paths and patterns: `HOME` when it is absolute.
enum HomeDirectory {
    /// From `environment`.
    static func from(_ environment: [String: String]) -> String? {
        environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// From the process's environment.
    static func current() -> String? { from(ProcessEnvironment.snapshot) }
}
