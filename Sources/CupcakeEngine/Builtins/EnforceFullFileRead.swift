#if canImport(Glibc)
import Glibc
#endif

/// `claude_code_enforce_full_file_read` (alias `enforce_full_file_read`): a Read with `offset`
/// or `limit` is denied unless the file is known to have `max_lines` lines or more, so the agent
/// reads small files whole; larger files may be read in parts, as upstream documents (its Rego
/// denied every partial read, as this does for a file it cannot count). Claude Code, Factory
/// and OpenCode; Cursor has no such tool.
///
/// Options: `max_lines` (2000), `message`.
struct EnforceFullFileRead: RulebookBuiltin {
    static let key = "claude_code_enforce_full_file_read"
    static let alias = "enforce_full_file_read"
    static let defaultMessage = "Please read the entire file first (files under 2000 lines must be read completely)"
    let name = key
    var maxLines: Int
    var message: String

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> EnforceFullFileRead {
        let maxLines = try options.integer("max_lines", default: 2_000, range: 0...100_000_000)
        if enabled && maxLines == 0 { throw options.error("max_lines", "max_lines cannot be 0") }
        // upstream's default names 2000 lines; with another max_lines it names that one.
        let fallback = maxLines == 2_000 ? defaultMessage
            : "Please read the entire file first (files under \(maxLines) lines must be read completely)"
        return EnforceFullFileRead(maxLines: maxLines, message: try options.string("message", default: fallback))
    }

    var inputConfig: JSONValue? { ["message": .string(message), "max_lines": .int(Int64(maxLines))] }

    func applies(to event: EventView) -> Bool { event.isPreToolUse && event.toolName == "Read" }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        guard let input = event.raw["tool_input"]?.objectValue, input["offset"] != nil || input["limit"] != nil else { return .empty }
        if let path = event.raw["resolved_file_path"]?.stringValue, let lines = Self.lineCount(path, upTo: maxLines),
           lines >= maxLines {
            return .empty
        }
        return DecisionSet(denials: [Decision(ruleID: "BUILTIN-ENFORCE-FULL-READ", reason: message, severity: .medium)])
    }

    /// Lines of a regular file, counting at most `limit` (nil when it cannot be read). A last
    /// line without a newline counts.
    static func lineCount(_ path: String, upTo limit: Int) -> Int? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var lines = 0
        var last: UInt8 = 0x0A
        while lines < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            for byte in buffer[0..<count] where byte == 0x0A { lines += 1 }
            last = buffer[count - 1]
        }
        return last == 0x0A ? lines : lines + 1
    }
}
