import CupcakeTrace
import CupcakeCodecs

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
        BackgroundFileDescriptorSink.flushAll(timeout: 1)  // trace lines produced earlier come first
        Array(line.utf8).withUnsafeBytes { _ = FileDescriptorSink.standardError.write($0) }
    }

    /// Why stdin could not be read whole.
    enum InputProblem: Error, CustomStringConvertible {
        case tooLarge(limit: Int)
        case unreadable(reason: String)

        var description: String {
            switch self {
            case .tooLarge(let limit): "the event on stdin is larger than \(limit >> 20) MiB"
            case .unreadable(let reason): "cannot read the event from stdin: \(reason)"
            }
        }
    }

    /// Reads all of stdin, at most `limit` bytes.
    static func readStandardInput(limit: Int) -> Result<[UInt8], InputProblem> {
        switch readAll(from: 0, limit: limit) {
        case .complete(let bytes): return .success(bytes)
        case .tooLarge: return .failure(.tooLarge(limit: limit))
        // A half-read event must not be evaluated as if it were whole.
        case .failed(let code): return .failure(.unreadable(reason: systemErrorText(code)))
        }
    }
}
