import Foundation

/// Runs the `opa` binary: locating it, asking its version, building a WebAssembly bundle.
enum OPACommand {
    /// `explicit` if executable, else the first `opa` on PATH.
    static func locate(explicit: String?, environment: [String: String]) -> String? {
        let files = FileManager.default
        if let explicit { return files.isExecutableFile(atPath: explicit) ? explicit : nil }
        for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/opa"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The first line of `opa version` ("Version: 0.61.0"), remembered in `cacheDirectory` by
    /// the binary's file identity: asking costs a process start on every hook, and the answer
    /// only changes when the binary does (a replaced or rewritten file has a new identity; a
    /// binary changed within the last seconds is asked again, see ``FileIdentity/isSettled``).
    static func version(_ opa: String, cacheDirectory: String?) throws(BundleResolveError) -> String {
        let resolved = PathResolver.resolve(opa, from: PathResolver.processDirectory()).path
        let identity = FileIdentity(path: resolved)
        let directory = cacheDirectory.map { $0 + "/opa" }
        let record = directory.map { CacheFileIO.recordPath(in: $0, for: resolved) }
        if let identity, identity.isSettled, let record, let value = CacheFileIO.readRecord(record),
           value["path"]?.stringValue == resolved, value["identity"]?.stringValue == identity.text,
           let version = value["version"]?.stringValue {
            return version
        }
        let (status, output) = run(opa, ["version"])
        guard status == 0 else { throw .opaFailed(command: "\(opa) version", status: status, output: output) }
        let version = output.split(separator: "\n").first.map(String.init) ?? "unknown"
        if let identity, identity.isSettled, let record, let directory, CacheFileIO.makeDirectory(directory) == nil {
            let value: JSONValue = ["path": .string(resolved), "identity": .string(identity.text), "version": .string(version)]
            CacheFileIO.writeRecord(value, to: record, directory: directory)
        }
        return version
    }

    /// `opa build -t wasm -O 2 -e <entrypoint>… <inputs…> -o <output>`, written to a temporary
    /// file first and renamed, so a failed or concurrent build never leaves a half bundle.
    static func build(_ opa: String, entrypoints: [String], inputs: [String], output: String) throws(BundleResolveError) {
        let directory = (output as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = output + ".tmp-\(getpid())"
        let arguments = ["build", "-t", "wasm", "-O", "2"] + entrypoints.flatMap { ["-e", $0] } + inputs + ["-o", temporary]
        let (status, text) = run(opa, arguments)
        guard status == 0, FileManager.default.fileExists(atPath: temporary) else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .opaFailed(command: ([opa] + arguments).joined(separator: " "), status: status, output: text)
        }
        if rename(temporary, output) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .opaFailed(command: "rename \(temporary)", status: errno, output: systemErrorText(errno))
        }
    }

    /// Runs a command, returning its status and combined output (bounded, trimmed).
    static func run(_ executable: String, _ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (127, "cannot run \(executable): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, text)
    }
}
