import CupcakeTrace

#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stdout and stderr, and bounded reads of stdin.
enum Output {
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = FileDescriptorSink(fileDescriptor: 1).write($0) }
    }

    static func stdout(_ text: String) { stdout(Array(text.utf8)) }

    static func stderr(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        Array(line.utf8).withUnsafeBytes { _ = FileDescriptorSink.standardError.write($0) }
    }

    /// Reads all of stdin, or nil when it holds more than `limit` bytes.
    static func readStandardInput(limit: Int) -> [UInt8]? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return data
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit { return nil }
        }
    }
}
