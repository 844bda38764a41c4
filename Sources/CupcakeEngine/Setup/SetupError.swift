/// Why `cupcake init` could not set a project up; each message names the file.
package enum SetupError: Error, Equatable, CustomStringConvertible {
    /// An existing settings file is not valid JSON; it is left as it was.
    case invalidJSON(path: String, reason: String)
    case notAnObject(path: String)
    case wrongShape(path: String, key: String, expected: String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    /// An unknown name in `--builtins`.
    case unknownBuiltin(String, known: [String])

    package var description: String {
        switch self {
        case .invalidJSON(let path, let reason):
            "\(path) is not valid JSON (\(reason)); it was left unchanged: fix it and run init again"
        case .notAnObject(let path):
            "\(path) does not hold a JSON object; it was left unchanged"
        case .wrongShape(let path, let key, let expected):
            "\(path): \(key) is not \(expected); it was left unchanged"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason):
            "cannot write \(path): \(reason)"
        case .unknownBuiltin(let name, let known):
            "unknown builtin \(name) (known: \(known.joined(separator: ", ")))"
        }
    }
}
