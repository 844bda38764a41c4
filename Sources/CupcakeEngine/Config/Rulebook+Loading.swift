import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Rulebook {
    /// Loads `<policyDirectory>/rulebook.yml` (empty when absent) and adds the executables in
    /// `<policyDirectory>/signals/` (a signal named by each file's stem) and `<policyDirectory>/actions/`
    /// (actions for the rule id named by each file's stem). Their command is the file's absolute
    /// path, single-quoted for `sh`. Entries in `rulebook.yml` win over files of the same name.
    package static func load(policyDirectory: String, isGlobal: Bool = false) throws(ConfigError) -> Rulebook {
        let directory = ConfigFiles.absolute(policyDirectory)
        let rulebookPath = directory + "/rulebook.yml"
        var rulebook = Rulebook.empty
        if BundleFileIO.exists(rulebookPath) {
            let text = try ConfigFiles.readText(rulebookPath, limit: YAMLLimits.maxInputBytes)
            rulebook = try parse(text, origin: ConfigFiles.displayName(rulebookPath, in: policyDirectory), isGlobal: isGlobal)
        }
        for script in try ConfigFiles.executables(in: directory + "/signals", warnings: &rulebook.warnings)
        where rulebook.signals[script.stem] == nil {
            rulebook.signals[script.stem] = SignalDefinition(name: script.stem, command: script.command)
        }
        for script in try ConfigFiles.executables(in: directory + "/actions", warnings: &rulebook.warnings)
        where rulebook.actionsByRuleID[script.stem] == nil {
            rulebook.actionsByRuleID[script.stem] = [ActionDefinition(command: script.command)]
        }
        return rulebook
    }
}

extension Rulebook {
    /// The `telemetry:` section of `<policyDirectory>/rulebook.yml`, read before the engine loads
    /// (a hook must know it before tracing starts). Cheap when the file does not mention it; a
    /// rulebook that cannot be read or parsed gives the default here, and its error at load.
    package static func telemetrySettings(policyDirectory: String) -> TelemetrySettings {
        let path = ConfigFiles.absolute(policyDirectory) + "/rulebook.yml"
        let needle = Array("telemetry".utf8)
        guard case .success(let bytes) = BundleFileIO.read(path, limit: YAMLLimits.maxInputBytes),
              bytes.withUnsafeBufferPointer({ haystack in needle.withUnsafeBufferPointer { TextSearch.occurs($0, in: haystack) } })
        else { return TelemetrySettings() }
        let text = String(decoding: bytes, as: UTF8.self)
        return (try? parse(text, origin: path, isGlobal: false))?.telemetry ?? TelemetrySettings()
    }
}

/// File-system helpers for configuration loading.
enum ConfigFiles {
    /// An executable found in `signals/` or `actions/`.
    struct Script: Equatable {
        var stem: String
        var command: String
    }

    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        // Lexically, without Foundation's path standardization (which costs a hook ~0.1 ms).
        PathResolver.lexical(path.hasPrefix("/") ? path : PathResolver.processDirectory() + "/" + path)
    }

    /// A file name without its last extension (`check.sh` → `check`, `a.b.py` → `a.b`); a
    /// name whose only dot leads or ends it is its own stem.
    static func stem(of name: String) -> String {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: 0x2E), dot > 0, dot < bytes.count - 1 else { return name }
        return String(decoding: bytes[..<dot], as: UTF8.self)
    }

    /// The path as a user wrote it, for messages: `<dir>/rulebook.yml`.
    static func displayName(_ absolutePath: String, in directory: String) -> String {
        let name = absolutePath.utf8.split(separator: 0x2F).last.map { String(decoding: $0, as: UTF8.self) } ?? absolutePath
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Reads a UTF-8 text file of at most `limit` bytes; invalid UTF-8 becomes U+FFFD.
    static func readText(_ path: String, limit: Int) throws(ConfigError) -> String {
        // stat, not FileManager's attributes: those look up owner names in /etc/passwd and /etc/group.
        // A regular file only: reading a FIFO would wait for a writer.
        var status = stat()
        let found = stat(path, &status) == 0
        if found, Int(status.st_size) > limit {
            throw .unreadable(path: path, reason: "file of \(status.st_size) bytes is larger than the \(limit)-byte limit")
        }
        guard found, status.st_mode & S_IFMT == S_IFREG, case .success(let data) = BundleFileIO.read(path, limit: limit) else {
            throw .unreadable(path: path, reason: "cannot read the file (missing, a directory, or no permission)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Executable regular files directly in `directory`, sorted by name, one per stem; hidden
    /// files are skipped, non-executable files and repeated stems produce warnings.
    static func executables(in directory: String, warnings: inout [String]) throws(ConfigError) -> [Script] {
        guard BundleFileIO.isDirectory(directory) else { return [] }
        guard case .success(let names) = BundleFileIO.list(directory) else {
            throw .unreadable(path: directory, reason: "cannot list the directory")
        }
        var scripts: [Script] = []
        var seen: Set<String> = []
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard case .success(let kind) = BundleFileIO.kind(path, followLinks: true), kind != .missing, kind != .directory else {
                continue
            }
            guard access(path, X_OK) == 0 else {
                warnings.append("\(path): not executable; ignored (chmod +x to use it)")
                continue
            }
            let stem = ConfigFiles.stem(of: name)
            guard !stem.isEmpty else { continue }
            if seen.contains(stem) {
                warnings.append("\(path): another file already defines \"\(stem)\"; ignored")
                continue
            }
            seen.insert(stem)
            scripts.append(Script(stem: stem, command: ShellQuoting.singleQuoted(path)))
        }
        return scripts
    }
}
