import CupcakeTrace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-separated lines from a byte source in fixed-size chunks, so memory stays bounded
/// whatever the input's size. A line longer than `maxLineBytes` is skipped whole and counted.
public struct LineReader {
    /// Fills the buffer and returns the byte count: 0 at the end, negative on an error.
    public typealias Source = (UnsafeMutableRawBufferPointer) -> Int

    private let source: Source
    private let maxLineBytes: Int
    private var chunk: [UInt8]
    private var chunkStart = 0
    private var chunkEnd = 0
    private var pending: [UInt8] = []
    private var skippingLongLine = false
    private var finished = false

    /// Lines skipped because they were longer than `maxLineBytes`.
    public private(set) var overlongLines = 0
    /// The `errno` of a failed read, which ended the input early.
    public private(set) var readError: Int32?

    /// A reader of `source`, reading `chunkSize` bytes at a time.
    public init(maxLineBytes: Int = 1 << 20, chunkSize: Int = 64 * 1024, source: @escaping Source) {
        self.source = source
        self.maxLineBytes = max(1, maxLineBytes)
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    /// A reader of a file descriptor (retries reads interrupted by signals).
    public init(fileDescriptor: Int32, maxLineBytes: Int = 1 << 20) {
        self.init(maxLineBytes: maxLineBytes) { buffer in
            while true {
                let count = read(fileDescriptor, buffer.baseAddress, buffer.count)
                if count < 0, errno == EINTR { continue }
                return count < 0 ? -Int(errno) : count
            }
        }
    }

    /// A reader of bytes already in memory (tests, small inputs).
    public init(bytes: [UInt8], maxLineBytes: Int = 1 << 20) {
        var offset = 0
        self.init(maxLineBytes: maxLineBytes) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            if count > 0 {
                bytes.withUnsafeBytes { source in
                    guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
                    to.copyMemory(from: from + offset, byteCount: count)
                }
            }
            offset += count
            return count
        }
    }

    /// Calls `body` with each line (without its `\n` or a trailing `\r`); the buffer is valid only
    /// during the call. A last line without `\n` counts too.
    public mutating func next<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        while true {
            if chunkStart < chunkEnd {
                let newline = chunk.withUnsafeBufferPointer { buffer -> Int? in
                    var index = chunkStart
                    while index < chunkEnd {
                        if buffer[index] == 0x0A { return index }
                        index += 1
                    }
                    return nil
                }
                if let newline {
                    let start = chunkStart
                    chunkStart = newline + 1
                    if skippingLongLine {
                        skippingLongLine = false
                        continue
                    }
                    if pending.isEmpty {
                        if newline - start > maxLineBytes {
                            overlongLines += 1
                            continue
                        }
                        return chunk.withUnsafeBufferPointer { buffer in
                            body(Self.trimmed(UnsafeBufferPointer(rebasing: buffer[start..<newline])))
                        }
                    }
                    pending.append(contentsOf: chunk[start..<newline])
                    defer { pending.removeAll(keepingCapacity: pending.count <= 64 * 1024) }
                    if pending.count > maxLineBytes {
                        overlongLines += 1
                        continue
                    }
                    return pending.withUnsafeBufferPointer { body(Self.trimmed($0)) }
                }
                // No newline in the rest of the chunk: keep it, unless the line is already too long.
                if !skippingLongLine {
                    pending.append(contentsOf: chunk[chunkStart..<chunkEnd])
                    if pending.count > maxLineBytes {
                        overlongLines += 1
                        skippingLongLine = true
                        pending.removeAll()
                    }
                }
                chunkStart = chunkEnd
            }
            if finished { return nil }
            let count = chunk.withUnsafeMutableBytes { source($0) }
            if count <= 0 {
                if count < 0 { readError = Int32(-count) }
                finished = true
                skippingLongLine = false
                if pending.isEmpty { return nil }
                defer { pending.removeAll() }
                return pending.withUnsafeBufferPointer { body(Self.trimmed($0)) }
            }
            chunkStart = 0
            chunkEnd = count
        }
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D { return UnsafeBufferPointer(rebasing: line.dropLast()) }
        return line
    }
}
