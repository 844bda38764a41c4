/// Matching paths against the patterns users configure (`protected_paths`, guardrails,
/// `additional_paths`), as upstream's builtins match them, with `~` expanded (upstream
/// documents `~/.ssh/` but never expands it). Case-insensitive.
enum PathPatterns {
    /// `pattern` with a leading `~` replaced by `home`.
    static func expand(_ pattern: String, home: String?) -> String {
        guard let home, pattern == "~" || pattern.hasPrefix("~/") else { return pattern }
        return home + pattern.dropFirst()
    }

    /// upstream protected_paths' `path_matches`: exact; a bare name matches that file name
    /// anywhere; a directory pattern (ending in `/`) matches everything under it (absolute: by
    /// prefix; relative: as a path component sequence); `*` globs match the whole path.
    static func protectedMatch(_ path: String, _ pattern: String) -> Bool {
        let path = path.lowercased()
        let pattern = pattern.lowercased()
        if pattern.isEmpty { return false }
        if path == pattern { return true }
        let hasSeparator = pattern.contains("/") || pattern.contains("\\")
        if pattern.contains("*") { return glob(pattern, matches: path) }
        if !hasSeparator { return path.hasSuffix("/" + pattern) || path.hasSuffix("\\" + pattern) }
        let absolute = pattern.hasPrefix("/")
        if pattern.hasSuffix("/") {
            let directory = String(pattern.dropLast())
            return absolute ? path.hasPrefix(pattern) || path == directory
                : path.contains("/" + pattern) || path.hasSuffix("/" + directory)
        }
        return absolute ? path.hasPrefix(pattern + "/") : path.contains("/" + pattern + "/") || path.hasSuffix("/" + pattern)
    }

    /// upstream guardrails' matching: the pattern, without a trailing `/`, anywhere in the path.
    static func guardedMatch(_ path: String, _ pattern: String) -> Bool {
        let path = path.lowercased()
        var pattern = pattern.lowercased()
        if pattern.hasSuffix("/") { pattern.removeLast() }
        guard !pattern.isEmpty else { return false }
        return path.contains(pattern)
    }

    /// Whether `path` (absolute) is `directory` or lies under it.
    static func isWithin(_ path: String, _ directory: String) -> Bool {
        let path = path.lowercased()
        var directory = directory.lowercased()
        if directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return path == directory || path.hasPrefix(directory == "/" ? "/" : directory + "/")
    }

    /// `*` matches any run of characters (slashes included), everything else itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        // Classic two-pointer wildcard match: linear with backtracking to the last star.
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] != "*" && pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
