import Foundation
@testable import CupcakeEngine

/// Helpers for tests that run child processes.
enum ProcessTestSupport {
    /// Whether `pid` is a live process. A zombie counts as dead: PID 1 in a container may never reap
    /// orphans, and a zombie runs no code.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// Pids printed one per line by a test command.
    static func pids(in bytes: [UInt8]) -> [Int32] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { Int32($0) }
    }

    /// Open file descriptors of this process.
    static func openDescriptorCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    /// A fresh empty directory under the temporary directory.
    static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "cupcake-signals-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Waits briefly for processes killed a moment ago to leave /proc's running states.
    static func anyAlive(_ pids: [Int32]) -> Bool {
        for _ in 0..<50 {
            if !pids.contains(where: isAlive) { return false }
            usleep(10_000)
        }
        return pids.contains(where: isAlive)
    }
}
