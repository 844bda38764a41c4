#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a walk of a policy directory goes.
struct PolicyWalkLimits: Sendable {
    /// Directory levels below the harness directory.
    var maxDepth = 32
    /// .rego files read.
    var maxFiles = 10_000
    /// Every .rego file, none skipped by rule (hidden, `system/`, tests): what `opa build`
    /// may read, for keying a compiled bundle.
    var everySource = false
}

/// Finds the .rego files under a harness's policy directory with POSIX calls only (Foundation's
/// file attributes read /etc/passwd and /etc/group for owner names, per file).
///
/// Symbolic links are followed, to directories and to files, the harness directory included:
/// dotfile managers install policies that way. A link back to a directory being walked is cut,
/// and a directory or file reached twice is read once. Skipped by rule, silently: names starting
/// with `.`, `system/` directories (the aggregator) and `*_test.rego`. Everything else that is
/// left out is named in a warning with the reason. Paths are as reached, under the harness
/// directory, so messages match what the user sees there.
struct PolicyTreeWalk {
    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(truncatingIfNeeded: info.st_dev)
            inode = UInt64(truncatingIfNeeded: info.st_ino)
        }
    }

    private let root: String
    private let limits: PolicyWalkLimits
    /// The directories from the root to the one being listed, to recognise a loop.
    private var ancestors: [(id: FileID, path: String)] = []
    /// Every directory and file taken, with the path it was first reached by.
    private var seen: [FileID: String] = [:]
    private var files: [String] = []
    /// Each file's identity from the walk's own stat, so callers need not stat again.
    private var identities: [String: FileIdentity] = [:]
    private var warnings: [String] = []

    /// The .rego files (sorted by path) and the warnings of the walk of `root`. A missing root
    /// gives no files and a warning; a root that cannot be read, or a walk past `limits`, an error.
    static func regoFiles(under root: String, harness: String,
                          limits: PolicyWalkLimits = PolicyWalkLimits()) throws(PolicyError)
        -> (files: [String], warnings: [String], identities: [String: FileIdentity]) {
        var info = stat()
        guard stat(root, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                let what = linkTarget(root).map { "a dangling symbolic link to \($0)" } ?? "no policy directory"
                return ([], ["\(root): \(what) for harness \"\(harness)\""], [:])
            }
            throw .unreadable(path: root, reason: systemErrorText(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return ([], ["\(root): not a directory; no policies for harness \"\(harness)\""], [:])
        }
        var walk = PolicyTreeWalk(root: root, limits: limits)
        try walk.walk(directory: root, id: FileID(info), depth: 0)
        return (walk.files.sorted(), walk.warnings, walk.identities)
    }

    private init(root: String, limits: PolicyWalkLimits) {
        self.root = root
        self.limits = limits
    }

    private mutating func walk(directory path: String, id: FileID, depth: Int) throws(PolicyError) {
        seen[id] = path
        ancestors.append((id, path))
        defer { ancestors.removeLast() }
        let listed = try BundleFileIO.withDirectory(path) { (descriptor, names) throws(PolicyError) in
            for name in names where limits.everySource || !name.hasPrefix(".") {
                try visit(path + "/" + name, name: name, in: descriptor, depth: depth)
            }
        }
        if case .failure(let failure) = listed {
            let reason = failure.description
            if depth == 0 { throw .unreadable(path: path, reason: "cannot list the directory: \(reason)") }
            warnings.append("\(path): cannot list the directory (\(reason)); skipped")
        }
    }

    /// `name` in the directory open as `directory` (reached as `path`).
    private mutating func visit(_ path: String, name: String, in directory: Int32, depth: Int) throws(PolicyError) {
        let skippedByRule = !limits.everySource && (name == "system" || name.hasSuffix("_test.rego"))
        let isRego = name.hasSuffix(".rego") && !skippedByRule
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else {
            let code = errno
            // Names skipped by rule are skipped whatever their state.
            guard !skippedByRule else { return }
            if let target = PolicyTreeWalk.linkTarget(path) {
                let reason = code == ELOOP ? "a symbolic link loop" : code == ENOENT || code == ENOTDIR
                    ? "a dangling symbolic link to \(target)" : "a symbolic link to \(target) that cannot be followed (\(systemErrorText(code)))"
                warnings.append("\(path): \(reason); skipped")
            } else {
                warnings.append("\(path): \(systemErrorText(code)); skipped")
            }
            return
        }
        let id = FileID(info)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard !skippedByRule else { return }
            if let ancestor = ancestors.first(where: { $0.id == id }) {
                warnings.append("\(path): loops back to \(ancestor.path); not followed")
                return
            }
            if let first = seen[id] {
                warnings.append("\(path): the same directory as \(first), already read; skipped")
                return
            }
            guard depth < limits.maxDepth else { throw .tooDeep(path: path, limit: limits.maxDepth) }
            try walk(directory: path, id: id, depth: depth + 1)
        case S_IFREG:
            guard isRego else { return }
            if let first = seen[id] {
                warnings.append("\(path): the same file as \(first), already read; skipped")
                return
            }
            guard files.count < limits.maxFiles else { throw .tooManyFiles(directory: root, limit: limits.maxFiles) }
            seen[id] = path
            files.append(path)
            identities[path] = FileIdentity(regularFile: info)
        default:
            if isRego { warnings.append("\(path): not a regular file (\(PolicyTreeWalk.kindName(info))); skipped") }
        }
    }

    /// What a symbolic link at `path` points to, or nil when `path` is no link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func kindName(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a file"
        }
    }

}
