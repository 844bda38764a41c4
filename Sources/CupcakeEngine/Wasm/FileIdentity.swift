#if canImport(Glibc)
import Glibc
#endif

/// What the kernel says makes a file this file, unchanged: device, inode, size, and the
/// modification and status-change times to the nanosecond. Any write or rename onto the path
/// changes the inode or the ctime, and ctime cannot be set from user space (only by changing
/// the system clock, which needs root), so an equal identity means the same bytes, provided the
/// identity was taken once the file had settled (`isSettled`).
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: (seconds: Int64, nanoseconds: Int64)
    var changed: (seconds: Int64, nanoseconds: Int64)

    /// The identity of the regular file at `path` (links followed), or nil.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(regularFile: status)
    }

    /// The identity in `status`, the result of a `stat` of a regular file.
    init(regularFile status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
        changed = (Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec))
    }

    /// One line of text, as stored in cache indexes: `dev:ino:size:mtime.ns:ctime.ns`. Written
    /// digit by digit (a hook formats one per policy file; interpolation costs several times more).
    var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``text``'s bytes to `bytes`.
    func appendText(to bytes: inout [UInt8]) {
        func append(_ value: UInt64) {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                    rest /= 10
                    count += 1
                } while rest > 0
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        }
        func append(signed value: Int64) {
            if value < 0 { bytes.append(0x2D) }
            append(value.magnitude)
        }
        append(device)
        bytes.append(0x3A)
        append(inode)
        bytes.append(0x3A)
        append(signed: size)
        bytes.append(0x3A)
        append(signed: modified.seconds)
        bytes.append(0x2E)
        append(signed: modified.nanoseconds)
        bytes.append(0x3A)
        append(signed: changed.seconds)
        bytes.append(0x2E)
        append(signed: changed.nanoseconds)
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool { left.text == right.text }

    /// Seconds a file must have stayed unchanged before its identity may stand for its content.
    /// File systems stamp times from a coarse clock (a scheduler tick; whole seconds on some, two
    /// on FAT), so a file written twice within one stamp keeps its times and size; as git treats
    /// "racily clean" entries, a recently changed file is read again every time instead.
    @TaskLocal static var settleSeconds: Int64 = 2

    /// Whether the file last changed at least `settleSeconds` ago.
    var isSettled: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let changedNanoseconds = changed.seconds * 1_000_000_000 + changed.nanoseconds
        let nowNanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        return changedNanoseconds + Self.settleSeconds * 1_000_000_000 <= nowNanoseconds
    }
}
