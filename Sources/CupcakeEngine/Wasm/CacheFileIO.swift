import CupcakeCodecs
import Glibc

/// Plain POSIX file access for the module cache (no Foundation: this is on the load path).
enum CacheFileIO {
    /// The largest cache file read back (a compiled policy is a few MiB).
    static let maximumFileBytes = 512 << 20

    /// The whole file at `path`, or why it could not be read.
    static func read(_ path: String) -> Result<[UInt8], CacheFileProblem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .absent : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        // Compiled code is only taken from files this user wrote.
        guard info.st_uid == geteuid() else { return .failure(.invalid("owned by another user")) }
        let size = Int(info.st_size)
        guard size >= 0, size <= maximumFileBytes else { return .failure(.unreadable("file of \(size) bytes is too large")) }
        var failure: CacheFileProblem?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, base + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(String(cString: strerror(errno)))
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    /// Writes `parts` to `path` atomically: a private temporary file in the same directory,
    /// renamed over `path` once complete. Creates the directory (mode 0700) if needed.
    static func writeAtomically(_ parts: [UnsafeRawBufferPointer], to path: String, directory: String) -> CacheFileProblem? {
        if let problem = makeDirectory(directory) { return problem }
        var random = SystemRandomNumberGenerator()
        let temporary = "\(directory)/.tmp-\(getpid())-\(String(random.next() as UInt64, radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .unwritable(String(cString: strerror(errno))) }
        var problem: CacheFileProblem?
        for part in parts {
            if let failure = systemWriteAll(descriptor, part) {
                problem = .unwritable(String(cString: strerror(failure)))
                break
            }
        }
        if close(descriptor) != 0, problem == nil { problem = .unwritable(String(cString: strerror(errno))) }
        if problem == nil, rename(temporary, path) != 0 { problem = .unwritable(String(cString: strerror(errno))) }
        if problem != nil { unlink(temporary) }
        return problem
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
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return .unwritable("cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
        }
        return nil
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
