import Glibc

/// Limits and pool settings of a `WasmPolicyRuntime`.
public struct WasmPolicyConfiguration: Sendable {
    /// One mebibyte.
    public static let mebibyte = 1 << 20
    /// The memory cap used when none is given: 10 MiB.
    public static let defaultMemoryLimitBytes = 10 * mebibyte
    /// The memory caps accepted: 1 MiB through 100 MiB.
    public static let allowedMemoryLimitBytes = (1 * mebibyte)...(100 * mebibyte)

    /// The most linear memory a policy instance may use, in bytes.
    public var memoryLimitBytes: Int
    /// How long one evaluation may run, in milliseconds.
    public var deadlineMilliseconds: Int
    /// How many instances (each with its own store and memory) may exist at once; evaluations
    /// beyond that wait for a free instance.
    public var maxInstances: Int
    /// Receives `opa_println` lines (bounded in length); nil drops them.
    public var printHandler: (@Sendable (String) -> Void)?

    /// A 10 MiB cap, a 1 s deadline and up to max(2, processor count) instances.
    public init(memoryLimitBytes: Int = WasmPolicyConfiguration.defaultMemoryLimitBytes,
                deadlineMilliseconds: Int = 1_000,
                maxInstances: Int = WasmPolicyConfiguration.defaultMaxInstances,
                printHandler: (@Sendable (String) -> Void)? = nil) {
        self.memoryLimitBytes = memoryLimitBytes
        self.deadlineMilliseconds = deadlineMilliseconds
        self.maxInstances = maxInstances
        self.printHandler = printHandler
    }

    /// max(2, the number of online processors).
    public static var defaultMaxInstances: Int {
        max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The memory cap in 64 KiB pages (rounded down).
    var memoryLimitPages: UInt64 { UInt64(memoryLimitBytes / WasmMemory.pageSize) }

    /// Human-readable cap, such as "10 MiB".
    var memoryLimitText: String { WasmPolicyConfiguration.describe(bytes: memoryLimitBytes) }

    /// The reason this configuration cannot be used, if any.
    func problem() -> String? {
        if !WasmPolicyConfiguration.allowedMemoryLimitBytes.contains(memoryLimitBytes) {
            return "memory limit of \(WasmPolicyConfiguration.describe(bytes: memoryLimitBytes)) is outside the allowed 1...100 MiB"
        }
        if deadlineMilliseconds < 1 || deadlineMilliseconds > 3_600_000 {
            return "evaluation deadline of \(deadlineMilliseconds) ms is outside the allowed 1...3600000 ms"
        }
        if maxInstances < 1 || maxInstances > 1_024 {
            return "instance pool size \(maxInstances) is outside the allowed 1...1024"
        }
        return nil
    }

    /// Bytes as whole MiB when exact, else as bytes.
    static func describe(bytes: Int) -> String {
        bytes % mebibyte == 0 ? "\(bytes / mebibyte) MiB" : "\(bytes) bytes"
    }
}
