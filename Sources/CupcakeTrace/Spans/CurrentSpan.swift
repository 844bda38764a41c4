#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the current span is found. Async spans are carried by a task-local, so child tasks
/// inherit them. A synchronous span's body cannot suspend, so while it runs the span can live in a
/// thread-local slot instead: setting one costs a fraction of a task-local push, and synchronous
/// spans are the common case. The innermost synchronous span, if any, wins.
@usableFromInline
enum CurrentSpan {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The span the calling code runs in: the innermost synchronous span on this thread, else the
    /// task's span.
    static var box: SpanBox? {
        synchronousBox ?? SpanBox.current
    }

    /// The innermost synchronous span running on this thread, if any.
    static var synchronousBox: SpanBox? {
        pthread_getspecific(key).map { Unmanaged<SpanBox>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Whether a synchronous span runs on this thread and belongs to `trace`; checked without
    /// retaining the span (it is alive: its body is running).
    static func synchronousSpanBelongs(to trace: TraceState) -> Bool {
        guard let raw = pthread_getspecific(key) else { return false }
        return Unmanaged<SpanBox>.fromOpaque(raw)._withUnsafeGuaranteedRef { $0.trace === trace }
    }

    /// Makes `box` this thread's current synchronous span until ``leaveSynchronous(restoring:)``,
    /// which takes what this returns. The slot holds the span unretained: it is left before the
    /// span's body returns.
    @usableFromInline
    static func enterSynchronous(_ box: SpanBox) -> UnsafeMutableRawPointer? {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(box).toOpaque())
        return previous
    }

    @usableFromInline
    static func leaveSynchronous(restoring previous: UnsafeMutableRawPointer?) {
        pthread_setspecific(key, previous)
    }

    /// Runs async `body` with `box` as the task's span. Clears the thread slot for the body: an
    /// async span never starts inside a synchronous one (a synchronous body cannot await).
    static func withAsynchronous<R, Failure: Error>(
        _ box: SpanBox, isolation: isolated (any Actor)?, _ body: () async throws(Failure) -> R
    ) async throws(Failure) -> R {
        // The task-local API's operation is a plain async closure, which would hand the rest of
        // the span's body no isolation and so move it to the global executor (starting its
        // threads in a hook process); `resume` gives the body back its caller's isolation. Its
        // rethrows would also erase the error's type, so the outcome crosses it as a value.
        try await SpanBox.$current.withValue(box) { await resume(body, on: isolation) }.get()
    }

    private static func resume<R, Failure: Error>(
        _ body: () async throws(Failure) -> R, on isolation: isolated (any Actor)?
    ) async -> Swift.Result<R, Failure> {
        do throws(Failure) {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
