#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the process environment without Foundation (keeps CupcakeTrace dependency-free).
package enum ProcessEnvironment {
    /// The environment as it was when first asked for, read once per process: a hook process
    /// asks several times (tracing, global directory, builtins, home), and each read builds a
    /// dictionary of every variable. For code that must see later `setenv` calls, `current()`.
    package static let snapshot: [String: String] = current()

    /// The current environment as a dictionary; later duplicates win.
    package static func current() -> [String: String] {
        var result: [String: String] = [:]
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var pointer = start else { return result }
        while let entry = pointer.pointee {
            // Cut at the byte: String's Character-wise search costs more than the whole read.
            let bytes = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
            if let equals = bytes.firstIndex(of: 0x3D) {
                result[String(decoding: bytes[..<equals], as: UTF8.self)] =
                    String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            pointer += 1
        }
        return result
    }
}
