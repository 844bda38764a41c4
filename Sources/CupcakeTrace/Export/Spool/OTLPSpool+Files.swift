import CupcakeCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes for the spool.
extension OTLPSpool {
    func read(_ batch: Batch) -> [UInt8]? {
        let fd = open("\(directory)/\(batch.name)", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard case .complete(let bytes) = readAll(from: fd, limit: Int.max, regularFileSize: sizeIfRegularFile(fd)) else { return nil }
        return bytes
    }

    /// Writes `bytes` as the file `name` in the spool, whole or not at all; `beforeReplacing`
    /// runs once the bytes are on disk, before the file appears under its name.
    func write(_ bytes: [UInt8], as name: String, beforeReplacing: () -> Void = {}) throws(OTLPSpoolError) {
        let failure = bytes.withUnsafeBytes { replaceFileAtomically(at: "\(directory)/\(name)", with: [$0], beforeReplacing: beforeReplacing) }
        if let failure { throw .cannotWrite(path: directory, reason: failure.reason) }
    }
}
