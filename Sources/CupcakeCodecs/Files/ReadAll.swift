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
/// `sizeHint` (a regular file's size) sizes the first buffer, so a file that is as large as
/// its hint is read into its final array with no copy. One byte more than the limit is read to
/// tell an over-long input from one that fits exactly.
package func readAll(from fd: Int32, limit: Int, sizeHint: Int = 0) -> ReadAllOutcome {
    let limit = max(0, limit)
    let cap = limit < Int.max ? limit + 1 : limit
    var capacity = min(max(4096, min(max(0, sizeHint), cap - 1) + 1), cap)
    var bytes: [UInt8] = []
    while true {
        var failure: Int32?
        var reachedEnd = false
        let previous = bytes
        bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else {
                reachedEnd = true
                return
            }
            var filled = previous.count
            previous.withUnsafeBufferPointer { old in
                if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
            }
            while filled < capacity {
                let count = systemRead(fd, base + filled, capacity - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 {
                    reachedEnd = true
                    break
                }
                filled += count
            }
            initialized = filled
        }
        if let failure { return .failed(failure) }
        if reachedEnd { return .complete(bytes) }
        if bytes.count > limit { return .tooLarge(Array(bytes.prefix(limit))) }
        capacity = capacity > cap / 2 ? cap : capacity * 2
    }
}
