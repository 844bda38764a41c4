#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one thread reuses from line to line: the buffer lines are built in and the timestamp
/// cache. Reusing the buffer saves an allocation and a free per line; found through one
/// thread-specific slot, created on first use and freed when the thread exits.
///
/// Building a line never suspends, so nothing else runs on the thread while the buffer is in use.
struct ThreadScratch: ~Copyable {
    var seconds = SecondCache()
    /// The line buffer; nil while a line is being built in it. A sink that traces while it writes
    /// (re-entrantly, on the same thread) finds it taken and builds its line in a fresh buffer.
    var lines: ByteBuffer? = ByteBuffer(capacity: ThreadScratch.lineCapacity)
    /// The trace whose finished lines wait in `lines` for their synchronous parent span, which
    /// writes them with its own line.
    var pendingTrace: TraceState?

    /// The starting size of the buffer, and the size it returns to after a huge line.
    static let lineCapacity = 4096

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let scratch = raw?.assumingMemoryBound(to: ThreadScratch.self) else { return }
            scratch.deinitialize(count: 1)
            scratch.deallocate()
        }
        return key
    }()

    /// The calling thread's scratch.
    @inline(__always)
    static func current() -> UnsafeMutablePointer<ThreadScratch> {
        if let raw = pthread_getspecific(key) {
            return raw.assumingMemoryBound(to: ThreadScratch.self)
        }
        return makeCurrent()
    }

    private static func makeCurrent() -> UnsafeMutablePointer<ThreadScratch> {
        let scratch = UnsafeMutablePointer<ThreadScratch>.allocate(capacity: 1)
        scratch.initialize(to: ThreadScratch())
        pthread_setspecific(key, scratch)
        return scratch
    }
}
