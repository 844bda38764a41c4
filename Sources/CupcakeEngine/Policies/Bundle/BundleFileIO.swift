
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the bundle loader makes, with errno turned into text.
enum BundleFileIO {
    enum Kind: Equatable {
        case missing
        case regular
        case directory
        case symlink
        case other
    }

    enum ReadFailure: Error, Equatable, CustomStringConvertible {
        case missing
        case tooLarge
        case failed(String)

        var description: String {
            switch self {
            case .missing: return systemErrorText(ENOENT)
            case .tooLarge: return "too large"
            case .failed(let reason): return reason
            }
        }
    }

    /// What is at `path`; symbolic links are reported as such unless `followLinks`.
    static func kind(_ path: String, followLinks: Bool) -> Result<Kind, ReadFailure> {
        var st = stat()
        let rc = followLinks ? stat(path, &st) : lstat(path, &st)
        if rc != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .success(.missing) }
            return .failure(.failed(systemErrorText(code)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .success(.regular)
        case S_IFDIR: return .success(.directory)
        case S_IFLNK: return .success(.symlink)
        default: return .success(.other)
        }
    }

    /// Whether a directory is at `path` (links followed). A plain stat: FileManager's first use
    /// costs a hook more than the call itself.
    static func isDirectory(_ path: String) -> Bool {
        if case .success(.directory) = kind(path, followLinks: true) { return true }
        return false
    }

    /// Whether anything is at `path` (links followed).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Reads the whole file at `path`, failing with `.tooLarge` past `limit` bytes rather than
    /// reading on.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            return .failure(code == ENOENT ? .missing : .failed(systemErrorText(code)))
        }
        defer { close(fd) }
        switch readAll(from: fd, limit: limit, regularFileSize: sizeIfRegularFile(fd)) {
        case .complete(let bytes): return .success(bytes)
        case .tooLarge: return .failure(.tooLarge)
        case .failed(let code): return .failure(.failed(systemErrorText(code)))
        }
    }

    /// Names in the directory at `path` (without "." and "..").
    static func list(_ path: String) -> Result<[String], ReadFailure> {
        withDirectory(path) { _, names in names }
    }

    /// `body` with the open directory at `path` (a descriptor for `fstatat` and friends, valid
    /// only inside `body`) and its sorted names (without "." and ".."). Stat-ing entries through
    /// the descriptor spares the kernel walking the whole path again for each one.
    static func withDirectory<T, E: Error>(_ path: String, _ body: (Int32, [String]) throws(E) -> T) throws(E) -> Result<T, ReadFailure> {
        guard let dir = opendir(path) else { return .failure(.failed(systemErrorText(errno))) }
        defer { closedir(dir) }
        return .success(try body(dirfd(dir), names(in: dir)))
    }

    private static func names(in dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

}
