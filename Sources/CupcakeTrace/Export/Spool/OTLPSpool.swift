import Synchronization
import CupcakeCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory of span batches waiting to be sent to one OTLP endpoint.
///
/// Each batch is one file of OTLP/JSON span objects, one per line: encoded once, by the process
/// that traced them, so delivery wraps them into requests without reading them back. A file is
/// written to a hidden temporary name and renamed into place, so a reader sees whole batches only
/// and a crash loses at most the batch being written. File names start with the wall-clock time in
/// nanoseconds, zero-padded, so name order is age order. The total size is capped: to make room
/// the oldest batches are removed and their spans added to the `dropped-spans` counter file.
package struct OTLPSpool: Sendable {
    /// The spool's directory (one endpoint's; see ``OTLPSpoolLocation``).
    package let directory: String
    /// The most bytes of batches the directory holds.
    package let maxBytes: Int

    /// 16 MiB: hours of hook traces, little disk.
    package static let defaultMaxBytes = 16 << 20
    static let batchSuffix = ".spans"
    static let droppedCounterName = "dropped-spans"
    static let lastErrorName = "last-error"
    /// Serialises the writers' size accounting (held for a directory listing and a few unlinks).
    static let writeLockName = "write.lock"
    /// Held by the one delivery process draining this spool.
    static let deliveryLockName = "deliver.lock"

    private static let sequence = Atomic<UInt64>(0)

    package init(directory: String, maxBytes: Int = defaultMaxBytes) {
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
    package func prepare() throws(OTLPSpoolError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_uid == geteuid() else { throw .notOwnedByUser(path: directory) }
            if info.st_mode & 0o077 != 0 { _ = chmod(directory, 0o700) }
            return
        }
        if let failure = makeDirectories(directory) {
            throw .cannotCreateDirectory(path: directory, reason: failure.reason)
        }
    }

    /// Writes `lines` as one new batch, removing the oldest batches first if the cap needs room.
    /// A batch larger than the cap is not written; its spans are counted as dropped.
    package func append(_ lines: [UInt8]) throws(OTLPSpoolError) {
        guard !lines.isEmpty else { return }
        try prepare()
        guard lines.count <= maxBytes else {
            addDropped(Self.countSpans(lines))
            return
        }
        let unique = Self.sequence.wrappingAdd(1, ordering: .relaxed).newValue
        let stamp = Self.padded(WallClock.nowNanoseconds(), width: 20)
        let name = "\(stamp)-\(getpid())-\(unique)\(Self.batchSuffix)"
        try write(lines, as: name) { makeRoom(for: lines.count) }
    }

    /// The waiting batches, oldest first.
    func batches() -> [Batch] {
        var found: [Batch] = []
        for name in names() where !name.hasPrefix(".") && name.hasSuffix(Self.batchSuffix) {
            var info = stat()
            guard stat("\(directory)/\(name)", &info) == 0 else { continue }
            found.append(Batch(name: name, size: Int(info.st_size)))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Every name in the directory.
    func names() -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            })
        }
        return names
    }

    /// Whether a delivery process holds this spool's lock now. A starter checks this to skip
    /// spawning a process that would only find the lock taken; a holder about to go idle looks at
    /// the spool again after letting go, so a batch spooled meanwhile is never stranded.
    package var deliveryIsRunning: Bool {
        (try? prepare()) == nil || FileLock.tryExclusive(deliveryLockPath) == nil
    }

    var deliveryLockPath: String { "\(directory)/\(Self.deliveryLockName)" }

    /// The number of batches waiting.
    package var batchCount: Int { batches().count }

    func remove(_ batch: Batch) { unlink("\(directory)/\(batch.name)") }

    static func padded(_ value: UInt64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
