#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on a file, held until this object goes away. The kernel drops the lock
/// when the process dies, so a killed holder never leaves the lock stuck.
final class FileLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// The lock, or nil when another process holds it (or the file cannot be opened). Never waits.
    static func tryExclusive(_ path: String) -> FileLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return FileLock(fd: fd)
    }

    /// Writes this process's id into the lock file, so a person (or a test) can see who holds it.
    func recordOwner() {
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Like ``tryExclusive(_:)`` but retries for up to `seconds`, for locks held only briefly.
    static func exclusive(_ path: String, within seconds: Double) -> FileLock? {
        let deadline = MonotonicDeadline(seconds: seconds)
        while true {
            if let lock = tryExclusive(path) { return lock }
            if deadline.remainingNanoseconds == 0 { return nil }
            usleep(1000)
        }
    }
}
