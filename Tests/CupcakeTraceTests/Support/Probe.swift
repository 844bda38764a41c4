import Foundation

/// Runs the `cupcake-trace-probe` executable (built with the tests) as a child process.
/// Bytes read on another thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

enum Probe {
    struct Result {
        var status: Int32
        var stdout: String
        var stderrBytes: Data
        var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        func parsedLines() throws -> [TraceLine] { try stderrLines.map(TraceLine.init) }
    }

    enum StandardError {
        case pipe
        case closed
        case readerGone
    }

    static var executable: URL {
        get throws {
            let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            var directory = own.deletingLastPathComponent()
            // The test binary may sit inside an .xctest bundle directory on some layouts.
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("cupcake-trace-probe")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw ProbeError.notBuilt(own.path)
        }
    }

    enum ProbeError: Error, CustomStringConvertible {
        case notBuilt(String)
        var description: String {
            switch self {
            case .notBuilt(let path): "cupcake-trace-probe not found near \(path)"
            }
        }
    }

    /// Runs the probe with exactly `environment` (plus PATH) and `arguments`.
    static func run(
        _ arguments: [String] = [], environment: [String: String] = [:], standardError: StandardError = .pipe
    ) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        let err = Pipe()
        switch standardError {
        case .pipe:
            process.standardError = err
        case .closed:
            // A closed descriptor 2: the shell's 2>&- through a wrapper.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" 2>&-", try executable.path] + arguments
        case .readerGone:
            process.standardError = err
            try err.fileHandleForReading.close()
        }
        try process.run()
        // Drain stderr on another thread while reading stdout here: a child that fills one pipe
        // while we wait on the other would otherwise block forever.
        let collected = Collected()
        let group = DispatchGroup()
        if standardError == .pipe {
            let handle = err.fileHandleForReading
            DispatchQueue.global().async(group: group) { collected.set(handle.readDataToEndOfFile()) }
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderrData = collected.get()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderrBytes: stderrData)
    }
}
