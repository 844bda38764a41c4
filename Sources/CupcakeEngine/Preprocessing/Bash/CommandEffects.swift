/// What one simple command does, as far as its words tell: the paths it creates, changes or
/// removes, the files it runs as code, shell code it runs from a string, and `cd`.
struct CommandEffects: Equatable {
    /// Paths created, changed or removed (a directory stands for everything under it).
    var modified: [ShellWord] = []
    /// Files run as code (`bash x.sh`, `./x.sh`, `source x`, `python3 x.py`).
    var scripts: [ShellWord] = []
    /// Files run as code only if they are text (a bare `./x` may be a binary).
    var directExecution: ShellWord?
    /// Shell code given as a string (`bash -c '…'`, `eval …`, `su -c …`).
    var inlineShell: [String] = []
    /// A shell or interpreter reading its program from stdin: a `<` file or heredoc is the script.
    var scriptFromStandardInput = false
    /// Whether stdin code is shell code (analysed like the command itself) or another language.
    var standardInputIsShell = false
    /// `cd DIR` / `pushd DIR`: the new directory; `.some(nil)` for `cd` alone (home).
    var changesDirectory: ShellWord??

    /// The effects of `words` (the command word first, wrappers already removed).
    static func of(_ words: ArraySlice<ShellWord>) -> CommandEffects {
        guard let commandWord = words.first else { return CommandEffects() }
        let arguments = words.dropFirst()
        var effects = CommandEffects()
        guard commandWord.isLiteral else {
            // `$CMD -rf x`: the command is unknown, so every argument may be a target.
            effects.modified = ShellOptions(arguments).operands
            return effects
        }
        let written = commandWord.text
        let name = CommandWrappers.basename(written)
        if written.utf8.contains(UInt8(ascii: "/")) { effects.directExecution = commandWord }
        if let rule = rules[name] {
            rule(arguments, &effects)
        } else if let interpreter = Interpreter.named(name) {
            interpreter.apply(arguments, &effects)
        }
        return effects
    }

    private typealias Rule = @Sendable (ArraySlice<ShellWord>, inout CommandEffects) -> Void

    private static func allOperands(short: Set<Character> = [], long: Set<String> = []) -> Rule {
        { arguments, effects in
            let options = ShellOptions(arguments, short: short, long: long)
            effects.modified += options.operands + options.values("t", "target-directory")
        }
    }

    /// cp, install, rsync: only the destination changes (the last operand, or `-t DIR`).
    private static func destination(short: Set<Character>, long: Set<String>) -> Rule {
        { arguments, effects in
            let options = ShellOptions(arguments, short: short, long: long)
            let targets = options.values("t", "target-directory")
            if !targets.isEmpty {
                effects.modified += targets
            } else if let last = options.operands.last {
                effects.modified.append(last)
            }
            if options.has("d", "directory") || options.has("remove-source-files") {
                effects.modified += options.operands
            }
        }
    }

    /// chmod, chown, chgrp: the first operand is the mode or owner, unless `--reference` gives it.
    private static func attributes(_ arguments: ArraySlice<ShellWord>, _ effects: inout CommandEffects, modeLike: Bool) {
        // `chmod -x f`: a mode that looks like an option; take it as the mode, not a flag.
        var rest = arguments
        var sawMode = false
        if modeLike, let first = rest.first(where: { !$0.text.hasPrefix("--") && $0.text.hasPrefix("-") }),
           isSymbolicMode(first.text) {
            rest.removeAll { $0 == first }
            sawMode = true
        }
        let options = ShellOptions(rest, short: [], long: ["reference", "from"])
        var operands = ArraySlice(options.operands)
        if !sawMode && !options.has("reference") { operands = operands.dropFirst() }
        effects.modified += operands
    }

    private static func isSymbolicMode(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first == "-" || first == "+" || first == "=" else { return false }
        return scalars.dropFirst().allSatisfy { "rwxXstugo,+-=".unicodeScalars.contains($0) }
    }

    private static let rules: [String: Rule] = {
        var table: [String: Rule] = [:]
        // Options are read as flags: a value misread as an operand only adds a path, while a
        // flag misread as taking a value would hide one.
        for name in ["rm", "rmdir", "unlink", "shred", "srm", "wipe", "trash", "trash-put", "touch", "mkdir",
                     "mkfifo", "mknod", "tee", "vi", "vim", "nvim", "nano", "emacs", "ed", "ex", "pico", "micro",
                     "joe", "sponge", "ln", "link", "mv", "rename", "prename", "gzip", "gunzip", "bzip2", "bunzip2",
                     "xz", "unxz", "zstd", "unzstd", "lzma"] {
            table[name] = allOperands()
        }
        // patch edits the files its diff names, under the current directory (or -d DIR).
        table["patch"] = { arguments, effects in
            let options = ShellOptions(arguments, short: ["d", "i", "o", "p", "r", "B", "D", "F", "V", "Y", "z"],
                                       long: ["directory", "input", "output", "reject-file"])
            let directories = options.values("d", "directory")
            effects.modified += (directories.isEmpty ? [literal(".")] : directories) + options.operands
                + options.values("o", "output")
        }
        table["scp"] = destination(short: ["F", "i", "l", "o", "P", "S", "c", "J"], long: [])
        table["truncate"] = allOperands(short: ["s", "r"], long: ["size", "reference"])
        table["chattr"] = { arguments, effects in
            let modes = arguments.filter { $0.text.hasPrefix("+") || $0.text.hasPrefix("=") || isSymbolicMode($0.text) }
            let options = ShellOptions(arguments.filter { !modes.contains($0) }, short: ["v", "p"], long: [])
            effects.modified += options.operands
        }
        table["setfacl"] = allOperands(short: ["m", "M", "x", "X"], long: ["modify", "modify-file", "remove", "remove-file", "set", "set-file"])
        table["cp"] = destination(short: ["t", "S"], long: ["target-directory", "suffix"])
        table["install"] = destination(short: ["t", "S", "m", "o", "g"], long: ["target-directory", "suffix", "mode", "owner", "group"])
        table["rsync"] = destination(short: ["e", "f", "T", "B", "M"], long: ["rsh", "filter", "exclude", "include", "temp-dir", "block-size"])
        table["chmod"] = { attributes($0, &$1, modeLike: true) }
        table["chown"] = { attributes($0, &$1, modeLike: false) }
        table["chgrp"] = { attributes($0, &$1, modeLike: false) }
        table["dd"] = { arguments, effects in
            for word in arguments where word.text.hasPrefix("of=") {
                effects.modified.append(dropPrefix(word, count: 3))
            }
        }
        table["sed"] = { arguments, effects in
            let inPlace = arguments.contains { word in
                word.text.hasPrefix("--in-place") || clusterHasFlag(word.text, "i", before: ["e", "f", "l"])
            }
            guard inPlace else { return }
            let options = ShellOptions(arguments, short: ["e", "f", "l"], long: ["expression", "file", "line-length"])
            let hasScriptOption = options.has("e", "f", "expression", "file")
            effects.modified += hasScriptOption ? options.operands : Array(options.operands.dropFirst())
        }
        table["perl"] = { arguments, effects in
            let inPlace = arguments.contains { clusterHasFlag($0.text, "i", before: ["e", "E", "I", "M", "m", "x"]) }
            let options = ShellOptions(arguments, short: ["e", "E", "I", "M", "m", "x"], long: [])
            let hasCode = options.has("e", "E")
            if !hasCode, let script = options.operands.first { effects.scripts.append(script) }
            if inPlace { effects.modified += hasCode ? options.operands : Array(options.operands.dropFirst()) }
        }
        table["find"] = { arguments, effects in
            var starts: [ShellWord] = []
            var index = arguments.startIndex
            while index < arguments.endIndex, !arguments[index].text.hasPrefix("-"), arguments[index].text != "(",
                  arguments[index].text != "!" {
                starts.append(arguments[index])
                index += 1
            }
            let expression = arguments[index...].map(\.text)
            let destructive = expression.contains { ["-delete", "-exec", "-execdir", "-ok", "-okdir", "-fprint", "-fprintf", "-fls"].contains($0) }
            guard destructive else { return }
            effects.modified += starts.isEmpty ? [literal(".")] : starts
            // `-exec rm {} \;`: the command after -exec, with its own effects, is also run.
            var execIndex = index
            while execIndex < arguments.endIndex {
                if ["-exec", "-execdir", "-ok", "-okdir"].contains(arguments[execIndex].text) {
                    let end = arguments[(execIndex + 1)...].firstIndex { $0.text == ";" || $0.text == "+" } ?? arguments.endIndex
                    let nested = CommandEffects.of(arguments[(execIndex + 1)..<end])
                    effects.scripts += nested.scripts
                    effects.inlineShell += nested.inlineShell
                    execIndex = end
                }
                execIndex += 1
            }
        }
        table["git"] = { arguments, effects in
            let options = ShellOptions(arguments, short: ["C", "c"], long: ["git-dir", "work-tree", "namespace"], operandsEndOptions: true)
            guard let subcommand = options.operands.first?.text else { return }
            let rest = ShellOptions(ArraySlice(options.operands.dropFirst()))
            switch subcommand {
            case "rm", "mv", "restore": effects.modified += rest.operands
            case "clean", "stash", "apply", "am", "merge", "pull", "rebase", "cherry-pick", "revert", "switch":
                effects.modified.append(literal("."))
            case "checkout", "reset":
                if let dashes = arguments.firstIndex(where: { $0.text == "--" }) {
                    effects.modified += arguments[(dashes + 1)...]
                } else if arguments.contains(where: { $0.text == "--hard" || $0.text == "-f" || $0.text == "--force" }) {
                    effects.modified.append(literal("."))
                }
            default: break
            }
        }
        table["tar"] = { arguments, effects in
            var words = Array(arguments)
            // Old style: `tar xzf archive` — the first word is a cluster without a dash.
            if let first = words.first, !first.text.hasPrefix("-") {
                words[0] = literal("-" + first.text)
            }
            let options = ShellOptions(ArraySlice(words), short: ["f", "C", "T", "X", "b", "H", "K", "N", "V", "g"],
                                       long: ["file", "directory", "files-from", "exclude-from", "format", "newer"])
            if options.has("x", "extract", "get") {
                let directories = options.values("C", "directory")
                effects.modified += directories.isEmpty ? [literal(".")] : directories
            }
            if options.has("c", "create", "r", "append", "u", "update", "delete") {
                effects.modified += options.values("f", "file")
            }
        }
        table["unzip"] = { arguments, effects in
            let options = ShellOptions(arguments, short: ["d", "x", "P"], long: [])
            let directories = options.values("d")
            effects.modified += directories.isEmpty ? [literal(".")] : directories
        }
        table["curl"] = { arguments, effects in
            let options = ShellOptions(arguments, short: ["o", "d", "H", "u", "X", "A", "e", "F", "T", "x", "b", "c", "K", "w", "m", "r", "E", "U", "y", "Y", "z"],
                                       long: ["output", "output-dir", "data", "header", "user", "request", "cookie-jar", "config", "dump-header"])
            effects.modified += options.values("o", "output", "output-dir", "c", "cookie-jar", "dump-header")
            if options.has("O", "remote-name", "remote-name-all") { effects.modified.append(literal(".")) }
        }
        table["wget"] = { arguments, effects in
            let options = ShellOptions(arguments, short: ["O", "P", "o", "a", "i", "e", "U", "t", "T", "w", "Q", "l", "A", "R", "D", "I", "X"],
                                       long: ["output-document", "directory-prefix", "output-file", "append-output", "input-file"])
            let files = options.values("O", "output-document", "o", "output-file", "a", "append-output")
            let directories = options.values("P", "directory-prefix")
            effects.modified += files + directories
            if options.values("O", "output-document").isEmpty && directories.isEmpty { effects.modified.append(literal(".")) }
        }
        table["sort"] = { arguments, effects in
            effects.modified += ShellOptions(arguments, short: ["o", "k", "t", "S", "T"], long: ["output", "key"]).values("o", "output")
        }
        for name in ["cd", "pushd"] {
            table[name] = { arguments, effects in
                let operands = ShellOptions(arguments).operands
                effects.changesDirectory = .some(operands.first)
            }
        }
        for name in ["source", "."] {
            table[name] = { arguments, effects in
                if let script = arguments.first { effects.scripts.append(script) }
            }
        }
        table["eval"] = { arguments, effects in
            effects.inlineShell.append(arguments.map(\.text).joined(separator: " "))
        }
        for name in ["su", "runuser"] {
            table[name] = { arguments, effects in
                let options = ShellOptions(arguments, short: ["c", "s", "g", "G"], long: ["command", "shell", "group"])
                effects.inlineShell += options.values("c", "command").map(\.text)
            }
        }
        return table
    }()

    /// Whether `-abc`-style `text` sets `flag` before any letter that takes a value.
    static func clusterHasFlag(_ text: String, _ flag: Character, before valued: Set<Character>) -> Bool {
        guard text.hasPrefix("-"), !text.hasPrefix("--") else { return false }
        for letter in text.dropFirst() {
            if letter == flag { return true }
            if valued.contains(letter) { return false }
        }
        return false
    }

    static func literal(_ text: String) -> ShellWord {
        var word = ShellWord()
        word.appendLiteral(text)
        return word
    }

    /// The word without its first `count` characters (`of=/x` as `/x`).
    static func dropPrefix(_ word: ShellWord, count: Int) -> ShellWord {
        var result = word
        guard case .literal(let text)? = word.pieces.first, text.count >= count else { return word }
        let rest = String(text.dropFirst(count))
        if rest.isEmpty { result.pieces.removeFirst() } else { result.pieces[0] = .literal(rest) }
        return result
    }
}
