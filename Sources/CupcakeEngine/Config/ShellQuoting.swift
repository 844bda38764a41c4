import Foundation

/// Quoting for the POSIX shell that runs signal, action and hook commands.
enum ShellQuoting {
    /// `text` as one shell word, always single-quoted: `'` becomes `'\''`.
    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `text` as one shell word: bare when it is only safe characters (so hook commands stay
    /// readable), else single-quoted.
    static func quote(_ text: String) -> String {
        let safe = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "/._-+:@%,=".utf8.contains(byte)
        }
        return safe && !text.isEmpty ? text : singleQuoted(text)
    }
}
