/// Commands that run another command given in their arguments (`sudo rm …`, `env X=1 rm …`),
/// and shell keywords that precede one: what matters is the command they run.
enum CommandWrappers {
    /// The words of the command actually run: leading assignments, keywords and wrappers (with
    /// their options) removed. Also returns files a wrapper itself writes (`time -o FILE`).
    static func unwrap(_ words: ArraySlice<ShellWord>) -> (command: ArraySlice<ShellWord>, writes: [ShellWord]) {
        var rest = words
        var writes: [ShellWord] = []
        // Bounded: each round removes at least one word.
        while let first = rest.first {
            let text = first.text
            if first.isLiteral && isAssignment(text) || keywords.contains(text) {
                rest = rest.dropFirst()
                continue
            }
            guard first.isLiteral, let wrapper = wrappers[basename(text)] else { break }
            let options = ShellOptions(rest.dropFirst(), short: wrapper.short, long: wrapper.long, operandsEndOptions: true)
            if wrapper.name == "time" { writes += options.values("o", "output") }
            if wrapper.name == "command" && options.has("v", "V") { return (rest[rest.endIndex...], writes) }
            var operands = ArraySlice(options.operands)
            // `timeout 5 cmd`: the duration comes first; `env A=1 cmd`: assignments come first.
            if wrapper.name == "timeout" { operands = operands.dropFirst() }
            while let word = operands.first, word.isLiteral, isAssignment(word.text) { operands = operands.dropFirst() }
            rest = operands
        }
        return (rest, writes)
    }

    /// `NAME=value` (or `NAME+=value`), as the shell reads a leading assignment.
    static func isAssignment(_ text: String) -> Bool {
        guard let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) else { return false }
        var name = text.utf8[..<equals]
        if name.last == UInt8(ascii: "+") { name = name.dropLast() }
        guard let first = name.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.allSatisfy(ShellLexer.isIdentifierByte)
    }

    /// The last path component: `/usr/bin/rm` runs `rm`.
    static func basename(_ text: String) -> String {
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return text }
        return String(text[text.utf8.index(after: slash)...])
    }

    private static let keywords: Set<String> = ["!", "then", "do", "else", "elif", "if", "while", "until", "{", "time", "coproc"]

    private struct Wrapper {
        let name: String
        let short: Set<Character>
        let long: Set<String>
    }

    private static let wrappers: [String: Wrapper] = {
        let list = [
            Wrapper(name: "sudo", short: ["u", "g", "C", "D", "h", "p", "r", "t", "U", "T", "R"],
                    long: ["user", "group", "chdir", "host", "prompt", "role", "type", "other-user", "close-from",
                           "command-timeout"]),
            Wrapper(name: "doas", short: ["u", "C"], long: []),
            Wrapper(name: "env", short: ["u", "C", "S"], long: ["unset", "chdir", "split-string"]),
            Wrapper(name: "nice", short: ["n"], long: ["adjustment"]),
            Wrapper(name: "nohup", short: [], long: []),
            Wrapper(name: "time", short: ["f", "o"], long: ["format", "output"]),
            Wrapper(name: "command", short: [], long: []),
            Wrapper(name: "builtin", short: [], long: []),
            Wrapper(name: "exec", short: ["a"], long: []),
            Wrapper(name: "stdbuf", short: ["i", "o", "e"], long: ["input", "output", "error"]),
            Wrapper(name: "ionice", short: ["c", "n", "p", "P", "u"], long: ["class", "classdata", "pid", "pgid", "uid"]),
            Wrapper(name: "timeout", short: ["s", "k"], long: ["signal", "kill-after"]),
            Wrapper(name: "setsid", short: [], long: []),
            Wrapper(name: "unbuffer", short: [], long: []),
            // -i, -l and -e take only attached values.
            Wrapper(name: "xargs", short: ["I", "n", "P", "d", "a", "s", "L", "E"],
                    long: ["replace", "max-args", "max-procs", "delimiter", "arg-file", "max-chars", "max-lines", "eof"]),
            Wrapper(name: "chronic", short: [], long: []),
            Wrapper(name: "caffeinate", short: ["t", "w"], long: []),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()
}
