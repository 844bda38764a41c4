import Glibc

/// Limits and pool settings of a `WasmPolicyRuntime`.
///
/// The memory an evaluation may use follows its input, so a large event is evaluated rather
/// than cut short: `memoryLimitBytes` plus `memoryPerInputByte` times the input's size (whole
/// 64 KiB pages), never above `maxMemoryLimitBytes`.
public struct WasmPolicyConfiguration: Sendable {
    /// One mebibyte.
    public static let mebibyte = 1 << 20
    /// The memory floor used when none is given: 10 MiB.
    public static let defaultMemoryLimitBytes = 10 * mebibyte
    /// Memory allowed per byte of input unless configured: 16 (OPA copies a string a few times:
    /// the input text, its parsed value, `lower()` and friends).
    public static let defaultMemoryPerInputByte = 16
    /// The memory ceiling used when none is given: 1 GiB.
    public static let defaultMaxMemoryLimitBytes = 1_024 * mebibyte
    /// The memory limits accepted: 1 MiB through 4 GiB, all a 32-bit WebAssembly memory holds.
    public static let allowedMemoryLimitBytes = (1 * mebibyte)...(4_096 * mebibyte)

    /// The memory an evaluation of a tiny input may use, in bytes.
    public var memoryLimitBytes: Int
    /// Extra memory allowed per byte of input (0 keeps the limit fixed).
    public var memoryPerInputByte: Int
    /// The most memory any evaluation may use, however large its input, in bytes.
    public var maxMemoryLimitBytes: Int
    /// How long one evaluation may run, in milliseconds.
    public var deadlineMilliseconds: Int
    /// How many instances (each with its own store and memory) may exist at once; evaluations
    /// beyond that wait for a free instance.
    public var maxInstances: Int
    /// Receives `opa_println` lines (bounded in length); nil drops them.
    public var printHandler: (@Sendable (String) -> Void)?

    /// A 10 MiB floor growing 16 bytes per input byte up to 1 GiB, a 1 s deadline and up to
    /// max(2, processor count) instances.
    public init(memoryLimitBytes: Int = WasmPolicyConfiguration.defaultMemoryLimitBytes,
                memoryPerInputByte: Int = WasmPolicyConfiguration.defaultMemoryPerInputByte,
                maxMemoryLimitBytes: Int = WasmPolicyConfiguration.defaultMaxMemoryLimitBytes,
                deadlineMilliseconds: Int = 1_000,
                maxInstances: Int = WasmPolicyConfiguration.defaultMaxInstances,
                printHandler: (@Sendable (String) -> Void)? = nil) {
        self.memoryLimitBytes = memoryLimitBytes
        self.memoryPerInputByte = memoryPerInputByte
        self.maxMemoryLimitBytes = maxMemoryLimitBytes
        self.deadlineMilliseconds = deadlineMilliseconds
        self.maxInstances = maxInstances
        self.printHandler = printHandler
    }

    /// max(2, the number of online processors).
    public static var defaultMaxInstances: Int {
        max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The memory an evaluation of `inputBytes` may use: the floor plus the per-byte share
    /// (whole pages, rounded down), at most the ceiling.
    public func memoryLimit(forInputBytes inputBytes: Int) -> Int {
        let (share, overflow) = inputBytes.multipliedReportingOverflow(by: memoryPerInputByte)
        let pages = overflow ? Int.max : share / WasmMemory.pageSize * WasmMemory.pageSize
        let ceiling = max(memoryLimitBytes, maxMemoryLimitBytes)
        return pages >= ceiling - memoryLimitBytes ? ceiling : memoryLimitBytes + pages
    }

    /// The ceiling in 64 KiB pages (rounded down): the largest a memory is ever declared.
    var maxMemoryLimitPages: UInt64 { UInt64(max(memoryLimitBytes, maxMemoryLimitBytes) / WasmMemory.pageSize) }

    /// The floor in 64 KiB pages (rounded down): what a module must fit in to start.
    var memoryLimitPages: UInt64 { UInt64(memoryLimitBytes / WasmMemory.pageSize) }

    /// Human-readable floor, such as "10 MiB".
    var memoryLimitText: String { WasmPolicyConfiguration.describe(bytes: memoryLimitBytes) }

    /// The reason this configuration cannot be used, if any.
    func problem() -> String? {
        let allowed = WasmPolicyConfiguration.allowedMemoryLimitBytes
        if !allowed.contains(memoryLimitBytes) {
            return "memory limit of \(WasmPolicyConfiguration.describe(bytes: memoryLimitBytes)) is outside the allowed 1 MiB...4096 MiB"
        }
        if !allowed.contains(maxMemoryLimitBytes) || maxMemoryLimitBytes < memoryLimitBytes {
            return "memory ceiling of \(WasmPolicyConfiguration.describe(bytes: maxMemoryLimitBytes)) is outside the allowed "
                + "\(WasmPolicyConfiguration.describe(bytes: memoryLimitBytes))...4096 MiB (at least the memory limit)"
        }
        if memoryPerInputByte < 0 || memoryPerInputByte > 1_024 {
            return "memory per input byte of \(memoryPerInputByte) is outside the allowed 0...1024"
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
