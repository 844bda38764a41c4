import Foundation

/// Runs a built executable of this package as a child process and collects its output.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdoutBytes: Data
        public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
        public var stderrBytes: Data
        public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
        public var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        public func parsedStderrLines() throws -> [TraceLine] { try stderrLines.map(TraceLine.init) }
    }

    /// How the child's stderr is connected.
    public enum StandardError: Sendable {
        case pipe
        /// Descriptor 2 closed (the shell's `2>&-`).
        case closed
        /// A pipe whose read end we closed before the child writes (EPIPE).
        case readerGone
    }

    public enum LookupError: Error, CustomStringConvertible {
        case notBuilt(name: String, near: String)
        public var description: String {
            switch self {
            case .notBuilt(let name, let near): "\(name) not found near \(near); build the package first"
            }
        }
    }

    /// The path of an executable product built next to the running test binary.
    public static func executable(named name: String) throws -> URL {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = own.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw LookupError.notBuilt(name: name, near: own.path)
    }

    /// Writing stdin to a child that exited early must be an EPIPE error, not the test runner's
    /// death by SIGPIPE.
    private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `executable` with exactly `environment` (plus a minimal PATH unless it names one),
    /// `stdin` as its input. Pass `ProcessInfo.processInfo.environment` to inherit everything.
    public static func run(
        _ executable: URL, _ arguments: [String] = [], environment: [String: String] = [:], stdin: Data = Data(),
        standardError: StandardError = .pipe, currentDirectory: String? = nil
    ) throws -> Result {
        _ = ignoreSIGPIPE
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        switch standardError {
        case .pipe:
            process.standardError = err
        case .closed:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" 2>&-", executable.path] + arguments
        case .readerGone:
            process.standardError = err
            try err.fileHandleForReading.close()
        }
        try process.run()
        // Feed stdin and drain stderr on other threads while reading stdout here: a child that
        // fills one pipe while we wait on another would otherwise block forever.
        let group = DispatchGroup()
        let collected = Collected()
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            try? writer.write(contentsOf: stdin)
            try? writer.close()
        }
        if case .pipe = standardError {
            let reader = err.fileHandleForReading
            DispatchQueue.global().async(group: group) { collected.set(reader.readDataToEndOfFile()) }
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdoutBytes: stdoutData,
            stderrBytes: collected.get())
    }
}

/// Bytes read on another thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
