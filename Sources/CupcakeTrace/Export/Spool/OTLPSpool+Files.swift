import CupcakeCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes for the spool, retrying interrupted system calls.
extension OTLPSpool {
    func read(_ batch: Batch) -> [UInt8]? {
        let fd = open("\(directory)/\(batch.name)", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    func write(_ bytes: [UInt8], to path: String) throws(OTLPSpoolError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if let failure = bytes.withUnsafeBytes({ systemWriteAll(fd, $0) }) {
            unlink(path)
            throw .cannotWrite(path: directory, reason: String(cString: strerror(failure)))
        }
    }
}

// `read` and `write` are also names of methods here; these reach the system calls.
