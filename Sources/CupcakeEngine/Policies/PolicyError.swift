/// Why a policy file could not be used.
public enum PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// The `# METADATA` block is not valid YAML or has values of the wrong type; `line` is the line in the .rego file.
    case malformedMetadata(path: String, line: Int, column: Int?, message: String)
    /// The file has no `package` declaration.
    case missingPackage(path: String)
    /// A directory lies deeper below the harness's policy directory than discovery follows.
    case tooDeep(path: String, limit: Int)
    /// The harness's policy directory holds more .rego files than discovery reads.
    case tooManyFiles(directory: String, limit: Int)

    /// A message naming the file and, for metadata problems, the line in it.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .malformedMetadata(let path, let line, let column, let message):
            let place = column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
            return "\(place): METADATA: \(message)"
        case .missingPackage(let path):
            return "\(path): no 'package' declaration"
        case .tooDeep(let path, let limit):
            return "\(path): more than \(limit) directory levels below the policy directory;"
                + " flatten the tree, or remove the symbolic link that nests it"
        case .tooManyFiles(let directory, let limit):
            return "\(directory): more than \(limit) .rego files;"
                + " does a symbolic link pull in a whole tree?"
        }
    }
}
