import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory of trace-line batches waiting to be sent to one OTLP endpoint.
///
/// Each batch is one file, written to a hidden temporary name and renamed into place, so a reader
/// sees whole batches only and a crash loses at most the batch being written. File names start
/// with the wall-clock time in nanoseconds, zero-padded, so name order is age order. The total size
/// is capped: to make room the oldest batches are removed and their spans added to the
/// `dropped-spans` counter file.
public struct OTLPSpool: Sendable {
    public let directory: String
    /// The most bytes of batches the directory holds.
    public let maxBytes: Int

    public static let defaultMaxBytes = 16 << 20
    static let batchSuffix = ".lines"
    static let droppedCounterName = "dropped-spans"
    /// Serialises the writers' size accounting (held for a directory listing and a few unlinks).
    static let writeLockName = "write.lock"
    /// Held by the one delivery process draining this spool.
    static let deliveryLockName = "deliver.lock"

    private static let sequence = Atomic<UInt64>(0)

    public init(directory: String, maxBytes: Int = defaultMaxBytes) {
        self.directory = directory
        self.maxBytes = max(4096, maxBytes)
    }

    /// One waiting batch.
    struct Batch: Equatable {
        var name: String
        var size: Int
    }

    /// Creates the directory and missing parents with mode 0700, or checks an existing one is ours
    /// (tightening its mode to 0700).
    public func prepare() throws(OTLPSpoolError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_uid == geteuid() else { throw .notOwnedByUser(path: directory) }
            if info.st_mode & 0o077 != 0 { _ = chmod(directory, 0o700) }
            return
        }
        var built = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o700) != 0, errno != EEXIST {
                throw .cannotCreateDirectory(path: directory, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Writes `lines` as one new batch, removing the oldest batches first if the cap needs room.
    /// A batch larger than the cap is not written; its spans are counted as dropped.
    public func append(_ lines: [UInt8]) throws(OTLPSpoolError) {
        guard !lines.isEmpty else { return }
        try prepare()
        guard lines.count <= maxBytes else {
            addDropped(Self.countSpans(lines))
            return
        }
        let unique = Self.sequence.wrappingAdd(1, ordering: .relaxed).newValue
        let stamp = Self.padded(WallClock.nowNanoseconds(), width: 20)
        let name = "\(stamp)-\(getpid())-\(unique)\(Self.batchSuffix)"
        let temporary = "\(directory)/.tmp-\(name)"
        try write(lines, to: temporary)
        makeRoom(for: lines.count)
        guard rename(temporary, "\(directory)/\(name)") == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: directory, reason: reason)
        }
    }

    /// The waiting batches, oldest first.
    func batches() -> [Batch] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var found: [Batch] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix("."), name.hasSuffix(Self.batchSuffix) else { continue }
            var info = stat()
            guard stat("\(directory)/\(name)", &info) == 0 else { continue }
            found.append(Batch(name: name, size: Int(info.st_size)))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Whether a delivery process holds this spool's lock now. A starter checks this to skip
    /// spawning a process that would only find the lock taken; a holder about to go idle looks at
    /// the spool again after letting go, so a batch spooled meanwhile is never stranded.
    public var deliveryIsRunning: Bool {
        (try? prepare()) == nil || FileLock.tryExclusive(deliveryLockPath) == nil
    }

    var deliveryLockPath: String { "\(directory)/\(Self.deliveryLockName)" }

    /// The number of batches waiting.
    public var batchCount: Int { batches().count }

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

    func remove(_ batch: Batch) { unlink("\(directory)/\(batch.name)") }

    /// Spans removed unsent to keep the spool under its cap, over the spool's whole life.
    public var droppedSpanCount: Int {
        guard let bytes = read(Batch(name: Self.droppedCounterName, size: 0)) else { return 0 }
        return Int(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) ?? 0
    }

    /// Spans in trace lines: the lines that parse as finished spans.
    static func countSpans(_ lines: [UInt8]) -> Int {
        var batcher = OTLPBatcher(maxSpans: Int.max, maxPendingEvents: 0)
        _ = lines.withUnsafeBytes { batcher.add(lines: $0) }
        return batcher.take().count
    }

    private func makeRoom(for incoming: Int) {
        // Without the lock another writer is doing this right now; skipping once only lets the
        // spool run over its cap by one batch until the next write.
        guard let lock = FileLock.exclusive("\(directory)/\(Self.writeLockName)", within: 0.05) else { return }
        var waiting = batches()
        var total = waiting.reduce(0) { $0 + $1.size }
        var dropped = 0
        while total + incoming > maxBytes, !waiting.isEmpty {
            let oldest = waiting.removeFirst()
            if let bytes = read(oldest) { dropped += Self.countSpans(bytes) }
            remove(oldest)
            total -= oldest.size
        }
        if dropped > 0 { addDropped(dropped, locked: lock) }
    }

    private func addDropped(_ count: Int, locked: FileLock? = nil) {
        guard count > 0 else { return }
        let held = locked ?? FileLock.exclusive("\(directory)/\(Self.writeLockName)", within: 0.05)
        guard held != nil else { return }
        let total = droppedSpanCount + count
        try? write(Array("\(total)\n".utf8), to: "\(directory)/.tmp-\(Self.droppedCounterName)-\(getpid())")
        rename("\(directory)/.tmp-\(Self.droppedCounterName)-\(getpid())", "\(directory)/\(Self.droppedCounterName)")
    }

    private func write(_ bytes: [UInt8], to path: String) throws(OTLPSpoolError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw .cannotWrite(path: directory, reason: reason)
            }
            offset += written
        }
    }

    static func padded(_ value: UInt64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

// `read` and `write` are also names of methods here; these reach the system calls.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
