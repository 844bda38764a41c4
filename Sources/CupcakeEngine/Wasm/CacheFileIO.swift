import Glibc

/// Plain POSIX file access for the module cache (no Foundation: this is on the load path).
enum CacheFileIO {
    /// The largest cache file read back (a compiled policy is a few MiB).
    static let maximumFileBytes = 512 << 20

    /// The whole file at `path`, or why it could not be read.
    static func read(_ path: String) -> Result<[UInt8], CacheFileProblem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .absent : .unreadable(systemErrorText(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(systemErrorText(errno))) }
        // Compiled code is only taken from files this user wrote.
        guard info.st_uid == geteuid() else { return .failure(.invalid("owned by another user")) }
        let size = Int(info.st_size)
        guard size >= 0, size <= maximumFileBytes else { return .failure(.unreadable("file of \(size) bytes is too large")) }
        switch readAll(
            from: descriptor, limit: maximumFileBytes, regularFileSize: info.st_mode & S_IFMT == S_IFREG ? size : nil) {
        case .complete(let bytes): return .success(bytes)
        case .tooLarge: return .failure(.unreadable("holds more than \(maximumFileBytes) bytes"))
        case .failed(let code): return .failure(.unreadable(systemErrorText(code)))
        }
    }

    /// Writes `parts` to `path` atomically (a private temporary file in the same directory,
    /// renamed over `path` once complete). Creates the directory (mode 0700) if needed.
    static func writeAtomically(_ parts: [UnsafeRawBufferPointer], to path: String, directory: String) -> CacheFileProblem? {
        if let problem = makeDirectory(directory) { return problem }
        return replaceFileAtomically(at: path, with: parts).map { .unwritable($0.reason) }
    }

    /// Removes a file, ignoring failures (used for cache entries found to be bad).
    static func remove(_ path: String) {
        unlink(path)
    }

    /// `mkdir -p` with mode 0700 for the directories it creates.
    static func makeDirectory(_ path: String) -> CacheFileProblem? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : .unwritable("\(path) is not a directory")
        }
        return makeDirectories(path).map { .unwritable("cannot create \($0.path): \($0.reason)") }
    }
}

/// Why a cache file could not be used.
enum CacheFileProblem: Error, Equatable, CustomStringConvertible {
    case absent
    case unreadable(String)
    case unwritable(String)
    case invalid(String)

    var description: String {
        switch self {
        case .absent: return "no cache file"
        case .unreadable(let message): return "cache file unreadable: \(message)"
        case .unwritable(let message): return "cache file not written: \(message)"
        case .invalid(let message): return "cache file ignored: \(message)"
        }
    }
}
