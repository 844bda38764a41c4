#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The spool's bookkeeping beside its batches: the size cap and its `dropped-spans` counter, the
/// `last-error` note, and leftovers of killed writers.
extension OTLPSpool {
    /// Spans removed unsent to keep the spool under its cap, over the spool's whole life.
    package var droppedSpanCount: Int {
        guard let bytes = read(Batch(name: Self.droppedCounterName, size: 0)) else { return 0 }
        return Int(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) ?? 0
    }

    /// Spans in a batch: its span lines.
    static func countSpans(_ lines: [UInt8]) -> Int {
        OTLPEncoder.spanLines(of: lines).count
    }

    func makeRoom(for incoming: Int) {
        // Without the lock another writer is doing this right now; skipping once only lets the
        // spool run over its cap by one batch until the next write.
        guard let lock = FileLock.exclusive("\(directory)/\(Self.writeLockName)", within: 0.05) else { return }
        withExtendedLifetime(lock) {
            var waiting = batches()
            var total = waiting.reduce(0) { $0 + $1.size }
            var dropped = 0
            while total + incoming > maxBytes, !waiting.isEmpty {
                let oldest = waiting.removeFirst()
                if let bytes = read(oldest) { dropped += Self.countSpans(bytes) }
                remove(oldest)
                total -= oldest.size
            }
            if dropped > 0 { addDroppedLocked(dropped) }
        }
    }

    /// Adds to the `dropped-spans` counter, under the writers' lock (a count is lost, not
    /// blocked on, when the lock stays taken).
    func addDropped(_ count: Int) {
        guard count > 0, let lock = FileLock.exclusive("\(directory)/\(Self.writeLockName)", within: 0.05) else { return }
        withExtendedLifetime(lock) { addDroppedLocked(count) }
    }

    private func addDroppedLocked(_ count: Int) {
        replace(Self.droppedCounterName, with: "\(droppedSpanCount + count)\n")
    }

    /// Notes why delivery last gave up, in `last-error`, since the delivery process has no terminal.
    func recordFailure(_ reason: String) {
        replace(Self.lastErrorName, with: "\(RFC3339.string(nanoseconds: WallClock.nowNanoseconds())) \(reason)\n")
    }

    /// Why delivery last gave up, if it ever did.
    package var lastError: String? {
        read(Batch(name: Self.lastErrorName, size: 0)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Removes batches of trace lines an earlier version spooled (`*.lines`; batches are now OTLP
    /// span objects, which delivery sends as they are): they cannot be sent, so each line counts as
    /// a dropped span.
    func removeLegacyBatches() {
        for name in names() where !name.hasPrefix(".") && name.hasSuffix(".lines") {
            let path = "\(directory)/\(name)"
            if let bytes = read(Batch(name: name, size: 0)) {
                addDropped(bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).count)
            }
            unlink(path)
        }
    }

    /// Removes temporary files a writer killed mid-batch left behind.
    func removeStaleTemporaries(olderThan seconds: Int) {
        let now = Int(WallClock.nowNanoseconds() / 1_000_000_000)
        for name in names() where name.hasPrefix(".tmp-") {
            var info = stat()
            guard stat("\(directory)/\(name)", &info) == 0 else { continue }
            #if canImport(Darwin)
            let modified = Int(info.st_mtimespec.tv_sec)
            #else
            let modified = Int(info.st_mtim.tv_sec)
            #endif
            if now - modified > seconds { unlink("\(directory)/\(name)") }
        }
    }

    /// Replaces a small file whole (temporary file, then rename), for readers that never lock.
    private func replace(_ name: String, with text: String) {
        do {
            try write(Array(text.utf8), as: name)
        } catch {
            // A counter or note that cannot be written is not worth failing a batch for.
        }
    }
}
