#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading a descriptor to its end gave.
package enum ReadAllOutcome: Equatable, Sendable {
    /// Everything up to end of file.
    case complete([UInt8])
    /// More than the limit was there; these are the first `limit` bytes. Reading stopped.
    case tooLarge([UInt8])
    /// read(2) failed with this errno; a half-read input is never handed on as if it were whole.
    case failed(Int32)
}

/// Reads `fd` to end of file, at most `limit` bytes, retrying interrupted reads.
///
/// For a regular file pass its size (`fstat`) as `regularFileSize`: the file is read into an
/// array of exactly that size and no further read asks whether the end has come (the file is
/// read as it was when its size was taken; a file that shrank since gives what is left). Without
/// it, the buffer grows as data comes, and one byte more than the limit is read to tell an
/// over-long input from one that fits exactly.
package func readAll(from fd: Int32, limit: Int, regularFileSize: Int? = nil) -> ReadAllOutcome {
    let limit = max(0, limit)
    if let size = regularFileSize.map({ max(0, $0) }) {
        let wanted = min(size, limit)
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            initialized = fill(buffer, from: fd, failure: &failure)
        }
        if let failure { return .failed(failure) }
        return size > limit && bytes.count == limit ? .tooLarge(bytes) : .complete(bytes)
    }
    let cap = limit < Int.max ? limit + 1 : limit
    var capacity = min(4096, cap)
    var bytes: [UInt8] = []
    while true {
        var failure: Int32?
        var filled = 0
        let previous = bytes
        bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            previous.withUnsafeBufferPointer { old in
                if let source = old.baseAddress, let target = buffer.baseAddress {
                    target.initialize(from: source, count: old.count)
                }
            }
            let rest = UnsafeMutableBufferPointer(rebasing: buffer[previous.count...])
            filled = fill(rest, from: fd, failure: &failure)
            initialized = previous.count + filled
        }
        if let failure { return .failed(failure) }
        if bytes.count < capacity { return .complete(bytes) }
        if bytes.count > limit { return .tooLarge(Array(bytes.prefix(limit))) }
        capacity = capacity > cap / 2 ? cap : capacity * 2
    }
}

/// Reads into `buffer` until it is full or the end comes; returns the bytes read. On a read
/// error, sets `failure` to its errno.
private func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, failure: inout Int32?) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var filled = 0
    while filled < buffer.count {
        let count = systemRead(fd, base + filled, buffer.count - filled)
        if count < 0 {
            if errno == EINTR { continue }
            failure = errno
            break
        }
        if count == 0 { break }
        filled += count
    }
    return filled
}

/// The size of the regular file open as `fd`; nil for anything else (a pipe, a device, a
/// FIFO), whose size says nothing about how much can be read.
package func sizeIfRegularFile(_ fd: Int32) -> Int? {
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(info.st_size)
}
