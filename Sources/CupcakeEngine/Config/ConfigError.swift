/// Why the project configuration (`rulebook.yml`, `signals/`, `actions/`) could not be used.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not YAML this parser accepts.
    case yaml(YAMLError)
    /// A value has the wrong type or is out of range; `keyPath` is like "signals.git_branch.timeout_seconds".
    case invalid(file: String, line: Int?, keyPath: String, message: String)
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// The global directory named by `source` (`--global-dir` or `CUPCAKE_GLOBAL_DIR`) cannot be used.
    case globalDirectory(path: String, source: String, problem: String)

    /// A message naming the file, the line when known, and the key path.
    public var description: String {
        switch self {
        case .yaml(let error):
            return error.description
        case .invalid(let file, let line, let keyPath, let message):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): \(keyPath): \(message)"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .globalDirectory(let path, let source, let problem):
            return "global configuration directory \(path) (from \(source)): \(problem)"
        }
    }
}
