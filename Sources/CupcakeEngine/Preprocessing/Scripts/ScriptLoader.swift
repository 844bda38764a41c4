#if canImport(Glibc)
import Glibc
#endif

/// A script file a command runs, read for policies (`executed_script_content`).
struct LoadedScript: Equatable {
    /// The path as the command wrote it.
    var written: String
    /// Where it was read from: absolute, links resolved.
    var path: String
    /// The text, at most the byte limit (invalid UTF-8 shown as U+FFFD).
    var content: String
    /// The file's size in bytes.
    var sizeBytes: Int
    /// Whether `content` stops before the end of the file.
    var truncated: Bool
}

/// Reads script files for inspection: regular files only (never a FIFO or device, which could
/// block or never end), without following anything but the resolved path, bounded in bytes.
enum ScriptLoader {
    /// Bytes read at most over all scripts of one command (or one script's limit, if larger).
    static let maxTotalBytes = 4 << 20

    static func load(_ references: [ShellAnalysis.ScriptReference], maxBytes: Int = PreprocessingOptions.defaultMaxScriptBytes) -> [LoadedScript] {
        var scripts: [LoadedScript] = []
        var budget = max(maxTotalBytes, maxBytes)
        for reference in references {
            for candidate in reference.candidates where budget > 0 {
                let limit = min(maxBytes, budget)
                guard !scripts.contains(where: { $0.path == candidate }),
                      let script = read(candidate, written: reference.written, limit: limit,
                                        onlyIfText: reference.onlyIfText) else { continue }
                budget -= min(script.sizeBytes, limit)
                scripts.append(script)
            }
        }
        return scripts
    }

    static func read(_ path: String, written: String, limit: Int, onlyIfText: Bool) -> LoadedScript? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        let bytes: [UInt8], truncated: Bool
        switch readAll(from: descriptor, limit: limit, regularFileSize: size) {
        case .complete(let all): (bytes, truncated) = (all, false)
        case .tooLarge(let prefix): (bytes, truncated) = (prefix, true)
        case .failed: return nil
        }
        // A program run directly may be a binary: only text (no NUL early on) is a script.
        if onlyIfText && bytes.prefix(8_192).contains(0) { return nil }
        return LoadedScript(written: written, path: path, content: String(decoding: bytes, as: UTF8.self),
                            sizeBytes: size, truncated: truncated)
    }
}
