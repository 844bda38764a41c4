/// Whether a shell command only reads: upstream protected_paths' whitelist of read verbs, applied
/// to every simple command of the line (upstream matched a read verb anywhere in it, so
/// `rm x; cat y` passed) and with no redirection that writes a file.
enum ReadOnlyCommands {
    static let verbs: Set<String> = [
        "cat", "less", "more", "head", "tail", "grep", "egrep", "fgrep", "zgrep", "wc", "file", "stat", "ls", "find",
        "awk", "sed", "sort", "uniq", "diff", "cmp", "md5sum", "sha256sum", "hexdump", "strings", "od",
    ]

    static func isReadOnly(_ command: ShellCommandWalk.Command) -> Bool {
        if command.redirects.contains(where: \.writesTarget) { return false }
        guard verbs.contains(command.name) else { return false }
        let arguments = command.arguments
        switch command.name {
        case "sed":
            return !arguments.contains { $0.hasPrefix("--in-place") || CommandEffects.clusterHasFlag($0, "i", before: ["e", "f", "l"]) }
        case "find":
            return !arguments.contains { ["-delete", "-exec", "-execdir", "-ok", "-okdir", "-fprint", "-fprintf", "-fls"].contains($0) }
        case "awk":
            // `awk -i inplace` edits files; a program that writes (`> "file"`) is not seen here.
            return !arguments.contains("inplace")
        case "sort":
            return !arguments.contains { $0 == "-o" || $0.hasPrefix("--output") }
        default:
            return true
        }
    }
}
