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

    /// What each open descriptor of this process is, by /proc's link text ("pipe:[4242]",
    /// "anon_inode:[pidfd]"); one closed while listing is left out.
    static func openDescriptors() -> [Int32: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        var links: [Int32: String] = [:]
        for name in names {
            guard let fd = Int32(name), let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
            else { continue }
            links[fd] = link
        }
        return links
    }

    /// Open pidfds whose process has been reaped: /proc's fdinfo says "Pid: -1" for those.
    static func pidfdsOfReapedProcesses() -> [Int32] {
        openDescriptors().filter { $0.value == "anon_inode:[pidfd]" }.keys.filter { fd in
            let info = (try? String(contentsOfFile: "/proc/self/fdinfo/\(fd)", encoding: .utf8)) ?? ""
            return info.split(separator: "\n").contains("Pid:\t-1")
        }.sorted()
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
