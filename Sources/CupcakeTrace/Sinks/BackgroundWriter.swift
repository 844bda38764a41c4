import CupcakeCodecs
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One process-wide thread that writes queued lines to their file descriptors, so a traced
/// thread hands its lines over with a copy instead of a `write(2)` (a few hundred nanoseconds
/// each, and unbounded while nobody drains a pipe).
///
/// Lines are written in the order they were queued, at the latest about a millisecond later;
/// ``flush(timeout:)`` writes everything now (bounded), and runs at `exit` for ``shared``. While
/// more than `limit` bytes wait (a reader that stopped reading), new lines are refused and counted
/// as dropped by the tracer: tracing never stalls the program it traces.
final class BackgroundWriter: @unchecked Sendable {
    /// The writer every ``BackgroundFileDescriptorSink`` uses unless given another (tests).
    static let shared = BackgroundWriter(limit: defaultLimit, flushesAtExit: true)

    /// Bytes that may wait before new lines are refused.
    static let defaultLimit = 8 << 20
    /// How long flushing at exit may wait for a slow reader.
    static let exitTimeout = 1.0
    let limit: Int
    /// How long the thread waits between batches while lines keep coming.
    static let batchInterval: timespec = timespec(tv_sec: 0, tv_nsec: 1_000_000)

    // Guarded by `lock`: the queued chunks and whether the thread sleeps until signalled.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queued: [(fileDescriptor: Int32, bytes: [UInt8])] = []
    /// Queued bytes plus those taken by a batch still being written.
    private var unwrittenBytes = 0
    /// A written chunk's storage, kept for the next one: no allocation, and no copying as it
    /// grows, per batch.
    private var spare: [UInt8]?
    /// Lines accepted but never written: a failed write, or a bounded flush that ran out of time.
    let unwrittenLines = Atomic<Int>(0)
    private var idle = true
    private var started = false
    /// Held from taking a batch until it is written, so batches reach each descriptor in order
    /// whether the thread or ``flush(timeout:)`` writes them.
    private let writing = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(limit: Int, flushesAtExit: Bool = false) {
        self.limit = limit
        pthread_mutex_init(lock, nil)
        pthread_mutex_init(writing, nil)
        pthread_cond_init(wake, nil)
        if flushesAtExit { atexit { BackgroundWriter.shared.flush(timeout: BackgroundWriter.exitTimeout) } }
    }

    /// Queues complete lines for `fileDescriptor`; false when too much is waiting already.
    func enqueue(_ lines: UnsafeRawBufferPointer, to fileDescriptor: Int32) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard unwrittenBytes + lines.count <= limit else { return false }
        if let last = queued.indices.last, queued[last].fileDescriptor == fileDescriptor {
            queued[last].bytes.append(contentsOf: lines.assumingMemoryBound(to: UInt8.self))
        } else {
            var bytes = spare ?? []
            spare = nil
            bytes.reserveCapacity(max(lines.count, 16 << 10))
            bytes.append(contentsOf: lines.assumingMemoryBound(to: UInt8.self))
            queued.append((fileDescriptor, bytes))
        }
        unwrittenBytes += lines.count
        if !started {
            started = true
            startThread()
        } else if idle {
            pthread_cond_signal(wake)  // once per burst: the thread polls while lines keep coming
        }
        idle = false
        return true
    }

    /// Writes everything queued now, on the calling thread, giving up after `timeout` seconds: a
    /// reader that stopped reading must not hang a process on its way out. Returns false when
    /// lines were left unwritten (a failed write, or time ran out).
    @discardableResult
    func flush(timeout: Double) -> Bool {
        let deadline = MonotonicDeadline(seconds: timeout)
        // The thread may be blocked writing to that reader while it holds the lock.
        while pthread_mutex_trylock(writing) != 0 {
            guard deadline.remainingNanoseconds > 0 else { return false }
            var pause = timespec(tv_sec: 0, tv_nsec: 100_000)
            nanosleep(&pause, nil)
        }
        defer { pthread_mutex_unlock(writing) }
        return write(take(), deadline: deadline)
    }

    private func take() -> [(fileDescriptor: Int32, bytes: [UInt8])] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let batch = queued
        queued = []
        return batch
    }

    /// Writes a taken batch, within `deadline` when one is given; its bytes count against the
    /// limit until they are written (or given up).
    private func write(_ batch: consuming [(fileDescriptor: Int32, bytes: [UInt8])], deadline: MonotonicDeadline? = nil) -> Bool {
        var ok = true
        var total = 0
        var last: [UInt8] = []
        for chunk in batch {
            let written = chunk.bytes.withUnsafeBytes { bytes in
                let count = Self.write(bytes, to: chunk.fileDescriptor, before: deadline)
                if count < bytes.count {
                    unwrittenLines.add(countLines(in: UnsafeRawBufferPointer(rebasing: bytes[count...])), ordering: .relaxed)
                }
                return count == bytes.count
            }
            ok = ok && written
            total += chunk.bytes.count
            last = chunk.bytes
        }
        batch = []  // `last` now holds the only reference to its storage
        last.removeAll(keepingCapacity: true)
        pthread_mutex_lock(lock)
        unwrittenBytes -= total
        if spare == nil, last.capacity > 0, last.capacity <= 1 << 20 { spare = last }
        pthread_mutex_unlock(lock)
        return ok
    }

    /// Writes `bytes` in pieces of at most PIPE_BUF bytes cut after a newline, so that every
    /// line reaches a pipe in one atomic write even when other processes write to it too (a
    /// batch is many lines). With a `deadline`, waits with poll(2) until the descriptor takes
    /// more (a writable pipe takes such a piece without blocking) and gives up when it passes.
    /// Returns how many bytes were written.
    static func write(_ bytes: UnsafeRawBufferPointer, to fileDescriptor: Int32, before deadline: MonotonicDeadline?) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            if let deadline {
                var request = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&request, 1, deadline.remainingMilliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return offset
                }
                if ready == 0 || request.revents & Int16(POLLERR | POLLNVAL) != 0 { return offset }
            }
            let length = pieceLength(bytes, from: offset)
            let written = systemWrite(fileDescriptor, base + offset, length)
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return offset
            }
            if written == 0 { return offset }
            offset += written
        }
        return offset
    }

    /// How many bytes from `offset` go in one write: all that is left if it fits in PIPE_BUF,
    /// else up to the last newline within PIPE_BUF, else (one line longer than that) PIPE_BUF.
    static func pieceLength(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
        let length = min(bytes.count - offset, pipeAtomicBytes)
        guard offset + length < bytes.count,
            let lastNewline = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]).lastIndex(of: 0x0A)
        else { return length }
        return lastNewline + 1  // the rebased buffer counts from 0
    }

    /// Starts the thread, which keeps the writer alive from then on (it never ends).
    private func startThread() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<BackgroundWriter>.fromOpaque(context).takeUnretainedValue().run()
            return nil
        }, context)
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<BackgroundWriter>.fromOpaque(context).release()
        }
    }

    /// The thread: write a batch, wait a millisecond for more, and sleep until signalled once a
    /// wait brought nothing.
    private func run() {
        while true {
            pthread_mutex_lock(writing)
            _ = write(take())
            pthread_mutex_unlock(writing)
            var interval = Self.batchInterval
            nanosleep(&interval, nil)
            pthread_mutex_lock(lock)
            while queued.isEmpty {
                idle = true
                pthread_cond_wait(wake, lock)
            }
            pthread_mutex_unlock(lock)
        }
    }
}

/// PIPE_BUF on Linux: a pipe that polls writable takes this many bytes without blocking.
let pipeAtomicBytes = 4096
