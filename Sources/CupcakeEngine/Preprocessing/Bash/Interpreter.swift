/// Shells and language interpreters, and how each names the program it runs: a file operand,
/// a code string (`-c`, `-e`), a module (`-m`), or stdin.
struct Interpreter {
    enum Language { case shell, other }

    let language: Language
    /// Options whose value is code to run (`-c` for shells, `-e` for node), as letters or long names.
    let codeOptions: Set<String>
    /// Options whose value is a file run as the program (`php -f`, `awk -f`).
    let fileOptions: Set<String>
    /// Options whose value is not the program (`python -m mod`, `node -r mod`).
    let valueOptions: Set<String>
    /// Whether the interpreter takes its program as the first operand.
    let programOperand: Bool
    /// A first operand that is a subcommand before the program (`deno run x.ts`).
    var subcommands: Set<String> = []

    /// The interpreter called `name` (`python3.12` is python), if it is one.
    static func named(_ name: String) -> Interpreter? {
        if let known = table[name] { return known }
        guard let last = name.utf8.last, last &- UInt8(ascii: "0") < 10 else { return nil }
        for prefix in ["python", "pypy", "ruby", "perl", "php", "node", "lua"] where name.hasPrefix(prefix) {
            let version = name.dropFirst(prefix.count)
            if version.allSatisfy({ $0.isNumber || $0 == "." }) { return table[prefix] }
        }
        return nil
    }

    func apply(_ arguments: ArraySlice<ShellWord>, _ effects: inout CommandEffects) {
        var index = arguments.startIndex
        var onlyOperands = false
        var programGiven = false
        var subcommandSeen = false
        while index < arguments.endIndex {
            let word = arguments[index]
            let text = word.text
            index += 1
            if onlyOperands || !(text.hasPrefix("-") || language == .shell && text.hasPrefix("+")) || text == "-" {
                if subcommands.contains(text) && !programGiven {
                    subcommandSeen = true
                    continue
                }
                if text == "-" { break }  // the program comes from stdin
                if !programGiven && (programOperand || subcommandSeen) { effects.scripts.append(word) }
                return
            }
            if language == .shell && !text.hasPrefix("--") && text.hasPrefix("-") && text.contains("s") && !text.contains("c") {
                break  // `bash -s args`: the program comes from stdin
            }
            if text == "--" {
                onlyOperands = true
                continue
            }
            let (name, attached) = split(text)
            let takesCode = codeOptions.contains(name) || name.count > 1 && !text.hasPrefix("--")
                && language == .shell && name.contains("c")
            if takesCode {
                // `bash -c CODE` / `bash -xc CODE`: the next word is the program.
                let code = attached ?? (index < arguments.endIndex ? arguments[index].text : nil)
                if attached == nil && index < arguments.endIndex { index += 1 }
                if let code, language == .shell { effects.inlineShell.append(code) }
                programGiven = true
                if language == .shell { return }
                continue
            }
            if fileOptions.contains(name) {
                if let value = attached.map(CommandEffects.literal) ?? (index < arguments.endIndex ? arguments[index] : nil) {
                    effects.scripts.append(value)
                }
                if attached == nil { index += 1 }
                programGiven = true
                continue
            }
            if valueOptions.contains(name) {
                if attached == nil { index += 1 }
                if name == "m" || name == "module" { programGiven = true }
            }
        }
        if !programGiven {
            effects.scriptFromStandardInput = true
            effects.standardInputIsShell = language == .shell
        }
    }

    /// `-xyz` as its option name (single letters stay clustered) and an attached `=value`.
    private func split(_ text: String) -> (String, String?) {
        if text.hasPrefix("--") {
            let body = text.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                return (String(body[..<equals]), String(body[body.index(after: equals)...]))
            }
            return (String(body), nil)
        }
        let body = text.dropFirst()
        // A single-letter option with the value attached: `-cCODE`, `-mmodule`, `-ffile`.
        if let first = body.first, body.count > 1,
           codeOptions.contains(String(first)) && language != .shell || fileOptions.contains(String(first))
            || valueOptions.contains(String(first)) {
            return (String(first), String(body.dropFirst()))
        }
        return (String(body), nil)
    }

    private static let shell = Interpreter(
        language: .shell, codeOptions: ["c"], fileOptions: ["rcfile", "init-file"],
        valueOptions: ["o", "O"], programOperand: true)

    private static let table: [String: Interpreter] = {
        var table: [String: Interpreter] = [:]
        for name in ["bash", "sh", "zsh", "dash", "ksh", "mksh", "ash", "fish", "yash", "busybox"] {
            table[name] = shell
        }
        table["python"] = Interpreter(language: .other, codeOptions: ["c"], fileOptions: [],
                                      valueOptions: ["m", "W", "X", "Q"], programOperand: true)
        table["pypy"] = table["python"]
        table["node"] = Interpreter(language: .other, codeOptions: ["e", "p", "eval", "print"], fileOptions: [],
                                    valueOptions: ["r", "require", "import", "loader", "C", "conditions"], programOperand: true)
        table["nodejs"] = table["node"]
        table["ruby"] = Interpreter(language: .other, codeOptions: ["e"], fileOptions: [],
                                    valueOptions: ["I", "r", "C", "E", "F", "K", "T", "x"], programOperand: true)
        table["perl"] = Interpreter(language: .other, codeOptions: ["e", "E"], fileOptions: [],
                                    valueOptions: ["I", "M", "m", "x", "C", "l", "0", "F"], programOperand: true)
        table["php"] = Interpreter(language: .other, codeOptions: ["r", "B", "R", "E"], fileOptions: ["f", "file"],
                                   valueOptions: ["c", "d", "z", "t"], programOperand: true)
        table["lua"] = Interpreter(language: .other, codeOptions: ["e"], fileOptions: [],
                                   valueOptions: ["l"], programOperand: true)
        table["luajit"] = table["lua"]
        table["Rscript"] = Interpreter(language: .other, codeOptions: ["e"], fileOptions: [], valueOptions: [], programOperand: true)
        table["tclsh"] = Interpreter(language: .other, codeOptions: [], fileOptions: [], valueOptions: ["encoding"], programOperand: true)
        table["awk"] = Interpreter(language: .other, codeOptions: [], fileOptions: ["f", "file"],
                                   valueOptions: ["F", "v", "field-separator", "assign"], programOperand: false)
        table["gawk"] = table["awk"]
        table["deno"] = Interpreter(language: .other, codeOptions: ["eval"], fileOptions: [], valueOptions: [],
                                    programOperand: false, subcommands: ["run"])
        table["bun"] = Interpreter(language: .other, codeOptions: ["e", "eval"], fileOptions: [], valueOptions: [],
                                   programOperand: true, subcommands: ["run"])
        table["osascript"] = Interpreter(language: .other, codeOptions: ["e"], fileOptions: [], valueOptions: ["l"], programOperand: true)
        return table
    }()
}
