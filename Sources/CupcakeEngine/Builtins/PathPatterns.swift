/// Matching paths against the patterns users configure (`protected_paths`, guardrails,
/// `additional_paths`), as upstream's builtins match them, with `~` expanded (upstream
/// documents `~/.ssh/` but never expands it). Case-insensitive.
enum PathPatterns {
    /// `pattern` with a leading `~` replaced by `home`.
    static func expand(_ pattern: String, home: String?) -> String {
        guard let home, pattern == "~" || pattern.hasPrefix("~/") else { return pattern }
        return home + pattern.dropFirst()
    }

    /// One protected_paths pattern, lower-cased and classified once, matched against many paths
    /// (a class: loops over the patterns then share it rather than copy its strings), as
    /// upstream's `path_matches`: exact; a bare name matches that file name anywhere; a directory
    /// pattern (ending in `/`) matches everything under it (absolute: by prefix; relative: as a
    /// path component sequence); `*` globs match the whole path.
    final class Protected: Sendable {
        /// As configured (`~` expanded), for reasons.
        let original: String
        /// Lower-cased, for matching.
        let text: String
        private let glob: [UInt8]?
        private let hasSeparator: Bool
        private let absolute: Bool
        /// For a directory pattern (`src/legacy/`): the directory itself, and `/` + it.
        private let directory: String?
        private let slashDirectory: String
        /// `/` + the pattern, that + `/`, and `\\` + the pattern: made once, not per path.
        private let anywhere: String
        private let anywhereDirectory: String
        private let backslashName: String
        /// The text a command names it by: without its trailing `/`.
        let mentionText: String

        init(_ pattern: String) {
            original = pattern
            text = pattern.lowered
            glob = text.includes("*") ? Array(text.utf8) : nil
            hasSeparator = text.includes("/") || text.includes("\\")
            absolute = text.hasPrefix("/")
            directory = text.hasSuffix("/") ? String(text.dropLast()) : nil
            slashDirectory = "/" + (directory ?? "")
            anywhere = "/" + text
            anywhereDirectory = anywhere + "/"
            backslashName = "\\" + text
            mentionText = text.utf8.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
        }

        /// Whether `path` (already lower-cased) matches.
        func matches(lowered path: String) -> Bool {
            if text.isEmpty { return false }
            if path == text { return true }
            if let glob { return PathPatterns.glob(glob, matches: Array(path.utf8)) }
            if !hasSeparator { return path.hasSuffix(anywhere) || path.hasSuffix(backslashName) }
            if let directory {
                return absolute ? path.hasBytePrefix(text) || path == directory
                    : path.includes(anywhere) || path.hasSuffix(slashDirectory)
            }
            return absolute ? path.hasBytePrefix(text) && path.utf8.dropFirst(text.utf8.count).first == 0x2F
                : path.includes(anywhereDirectory) || path.hasSuffix(anywhere)
        }
    }

    /// Whether `path` (absolute) is `directory` or lies under it; both already lower-cased.
    static func isWithin(lowered path: String, _ directory: String) -> Bool {
        var directory = directory
        if directory.utf8.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        if directory == "/" { return path.hasPrefix("/") }
        guard path.hasBytePrefix(directory) else { return false }
        let rest = path.utf8.dropFirst(directory.utf8.count)
        return rest.isEmpty || rest.first == 0x2F
    }

    /// `*` matches any run of characters (slashes included), everything else itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        glob(Array(pattern.utf8), matches: Array(text.utf8))
    }

    /// `glob` on UTF-8 bytes (a `*` then matches any run of bytes, whole characters included).
    static func glob(_ pattern: [UInt8], matches text: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        // Classic two-pointer wildcard match: linear with backtracking to the last star.
        var p = 0, t = 0, lastStar = -1, mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] != star && pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == star {
                lastStar = p
                mark = t
                p += 1
            } else if lastStar >= 0 {
                p = lastStar + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}
