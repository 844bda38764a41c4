#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written: the step and the system's reason.
package struct FileWriteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path the step was about (a directory being created, or the file).
    package var path: String
    /// The C library's text for the errno, such as "No space left on device".
    package var reason: String

    package init(path: String, errno code: Int32) {
        self.path = path
        self.reason = systemErrorText(code)
    }

    package var description: String { "\(path): \(reason)" }
}

/// Replaces the file at `path` whole with the concatenation of `parts`: they are written to a
/// new private (0600) file beside it, which is renamed over `path` once complete, so a reader
/// sees the old file or the new one, never part of one. On failure nothing is left behind.
/// `beforeReplacing` runs between the complete write and the rename.
package func replaceFileAtomically(
    at path: String, with parts: [UnsafeRawBufferPointer], beforeReplacing: () -> Void = {}
) -> FileWriteFailure? {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var random = SystemRandomNumberGenerator()
    // A leading dot keeps directory scans that skip hidden names from seeing it half-written.
    let temporary = "\(directory)/.tmp-\(name)-\(getpid())-\(String(random.next() as UInt64, radix: 16))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return FileWriteFailure(path: path, errno: errno) }
    var failure: Int32?
    for part in parts {
        failure = systemWriteAll(fd, part)
        if failure != nil { break }
    }
    if close(fd) != 0, failure == nil { failure = errno }
    if failure == nil {
        beforeReplacing()
        if rename(temporary, path) != 0 { failure = errno }
    }
    guard let failure else { return nil }
    unlink(temporary)
    return FileWriteFailure(path: path, errno: failure)
}

/// `mkdir -p path`: creates each missing directory with `mode`. Nil when the directory exists
/// afterwards, else the step that failed.
package func makeDirectories(_ path: String, mode: mode_t = 0o700) -> FileWriteFailure? {
    var built = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
        built += "/" + component
        if mkdir(built, mode) != 0, errno != EEXIST { return FileWriteFailure(path: built, errno: errno) }
    }
    return nil
}
