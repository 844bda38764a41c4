import Synchronization

/// Keeps lines in memory, for tests and for embedders that want to inspect a trace
/// (in the spirit of swift-distributed-tracing's `InMemoryTracer`).
public final class InMemorySink: Sink {
    private let storage = Mutex<[String]>([])
    private let failing: Atomic<Bool>

    /// - Parameter failing: when true, every write fails (to test that failures are counted).
    public init(failing: Bool = false) {
        self.failing = Atomic(failing)
    }

    public func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        if failing.load(ordering: .relaxed) { return false }
        let text = String(decoding: lines, as: UTF8.self)
        let split = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        storage.withLock { $0.append(contentsOf: split) }
        return true
    }

    /// Makes later writes fail (`true`) or succeed again.
    public func setFailing(_ value: Bool) { failing.store(value, ordering: .relaxed) }

    /// Every line written so far, without its newline.
    public var lines: [String] { storage.withLock { $0 } }

    /// Forgets every line.
    public func removeAll() { storage.withLock { $0.removeAll() } }
}
