/// What a shell command does to the file system, for policies: the paths it creates, changes
/// or removes, and the script files it runs. Commands are read across `&&`, `||`, `;`, `|`,
/// subshells, `cd`, wrappers (`sudo`, `env`, …), and code nested in `bash -c`, `eval`, `$(…)`
/// and heredocs fed to a shell.
///
/// Over-approximates where it cannot know: after `cd X` relative paths are resolved against
/// both the old and the new directory; a path is cut at the first glob or unknown expansion
/// to the directory before it (`rm -rf $D/x` affects the current directory); a command whose
/// name is itself an expansion modifies all its arguments; past a limit the root `/` stands
/// for everything.
struct ShellAnalysis: Equatable {
    /// A script the command runs: as written, and the absolute paths it may be.
    struct ScriptReference: Equatable {
        var written: String
        var candidates: [String]
        /// Run directly (`./x`): read only if it is text, as it may be a binary.
        var onlyIfText: Bool
    }

    /// Absolute, resolved paths, in order of appearance, each once.
    var affectedPaths: [String] = []
    /// Whether a limit was reached (too many paths, code nested too deep): `/` was added.
    var affectedLimitReached = false
    var scripts: [ScriptReference] = []
    /// Every simple command the line runs, nested code included, as builtins read them: the
    /// rulebook builtins reuse this walk instead of lexing the command again.
    var commands: [ShellCommandWalk.Command] = []

    /// Distinct affected paths at most; more add `/`.
    static let maxAffectedPaths = 256
    /// Script references at most.
    static let maxScripts = 16
    /// Nesting of `bash -c`, `eval`, `$(…)` read at most; deeper code adds `/`.
    static let maxDepth = 8
    /// Possible working directories tracked after `cd`.
    static let maxDirectories = 8

    /// Analyses `command` run in `directory`; `home` expands `~` and `$HOME`.
    static func of(_ command: String, directory: String, home: String?) -> ShellAnalysis {
        var walker = Walker(home: home, directories: [directory])
        walker.analyze(command, depth: 0)
        return walker.analysis
    }

    private struct Walker {
        let home: String?
        var directories: [String]
        var analysis = ShellAnalysis()
        var seen: Set<String> = []
        /// Variables the command itself assigned literal values (`D=/etc; rm -rf $D`).
        var variables: [String: String] = [:]

        init(home: String?, directories: [String]) {
            self.home = home
            self.directories = directories
        }

        mutating func analyze(_ text: String, depth: Int) {
            guard depth <= ShellAnalysis.maxDepth else {
                markEverything()
                return
            }
            ShellLexer.forEachCommand(in: text) { command in analyze(command, depth: depth) }
        }

        mutating func analyze(_ command: ShellCommand, depth: Int) {
            for word in command.words where !word.isLiteral {
                for nested in word.substitutions { analyze(nested, depth: depth + 1) }
            }
            for redirect in command.redirects {
                for nested in redirect.target.substitutions { analyze(nested, depth: depth + 1) }
                // An unquoted heredoc's body is expanded: `$(…)` there runs too. (Quoted
                // ones are read the same way: a few more paths, never fewer.)
                if let body = redirect.heredocBody {
                    for nested in ShellLexer.substitutions(inExpandedText: body) { analyze(nested, depth: depth + 1) }
                }
            }
            recordAssignments(command)
            let (words, wrapperWrites) = CommandWrappers.unwrap(command.words[...])
            if !words.isEmpty || !command.redirects.isEmpty {
                analysis.commands.append(ShellCommandWalk.Command(
                    words: words.map(\.text), redirects: command.redirects, invokedName: ShellCommandWalk.invokedName(command)))
            }
            let effects = CommandEffects.of(words)
            for word in effects.modified { addAffected(word) }
            for word in wrapperWrites { addAffected(word) }
            for redirect in command.redirects where redirect.writesTarget { addAffected(redirect.target) }
            for script in effects.scripts { addScript(script, onlyIfText: false) }
            if let direct = effects.directExecution { addScript(direct, onlyIfText: true) }
            if effects.scriptFromStandardInput {
                for redirect in command.redirects {
                    switch redirect.kind {
                    case .read: addScript(redirect.target, onlyIfText: false)
                    case .heredoc where effects.standardInputIsShell:
                        analyze(redirect.heredocBody ?? "", depth: depth + 1)
                    case .hereString where effects.standardInputIsShell:
                        analyze(redirect.target.text, depth: depth + 1)
                    default: break
                    }
                }
            }
            for code in effects.inlineShell { analyze(code, depth: depth + 1) }
            if let change = effects.changesDirectory { changeDirectory(change) }
        }

        /// The path a word names, as far as it is known. `~`, `$HOME`, `$PWD`, `$(pwd)` and
        /// variables the command assigned itself are expanded. The path is cut at the first glob
        /// or other expansion to the directory before it ("" for the current directory); a path
        /// that starts with an unknown expansion may be anywhere, so it is "/".
        func pathText(_ word: ShellWord) -> String {
            var text = ""
            var cut = false
            scan: for (position, piece) in word.pieces.enumerated() {
                switch piece {
                case .literal(let literal):
                    text += literal
                case .tilde(let user) where user.isEmpty && home != nil:
                    text += home ?? ""
                case .variable(let name):
                    let bare = name.hasPrefix("{") && name.hasSuffix("}") ? String(name.dropFirst().dropLast()) : name
                    if bare == "HOME", let home {
                        text += home
                    } else if let value = variables[bare] {
                        text += value
                    } else if bare == "PWD" && position == 0 {
                        text += "."  // the current directory, whichever it is
                    } else {
                        cut = true
                        break scan
                    }
                case .substitution(let command) where position == 0 && command.trimmingCharacters(in: .whitespaces) == "pwd":
                    text += "."
                case .glob:
                    cut = true
                    break scan
                case .substitution, .tilde:
                    // What comes first is unknown: the path may be anywhere.
                    if text.isEmpty { return "/" }
                    cut = true
                    break scan
                }
            }
            if cut && text.isEmpty && !(word.pieces.first.map(Self.isGlob) ?? false) { return "/" }
            guard cut else { return text }
            guard let slash = text.lastIndex(of: "/") else { return "" }
            return String(text[...slash])
        }

        private static func isGlob(_ piece: ShellWord.Piece) -> Bool {
            if case .glob = piece { return true }
            return false
        }

        /// `NAME=value` commands (alone, or after export, declare, local, readonly, typeset)
        /// set variables later words expand; a value that is not literal makes the name unknown.
        mutating func recordAssignments(_ command: ShellCommand) {
            var words = command.words[...]
            if let first = words.first?.text, ["export", "declare", "local", "readonly", "typeset"].contains(first) {
                words = words.dropFirst()
            }
            guard !words.isEmpty, words.allSatisfy({ CommandWrappers.isAssignment($0.text) }) else { return }
            for word in words {
                let text = word.text
                guard let equals = text.firstIndex(of: "=") else { continue }
                var name = String(text[..<equals])
                if name.hasSuffix("+") { name.removeLast() }
                let valuePieces = word.pieces.dropFirst()
                if case .literal(let head)? = word.pieces.first, valuePieces.isEmpty, let split = head.firstIndex(of: "=") {
                    variables[name] = String(head[head.index(after: split)...])
                } else {
                    variables[name] = nil
                }
            }
        }

        /// Where a path may resolve, given the possible working directories.
        func resolutions(of word: ShellWord) -> [String] {
            let text = pathText(word)
            if text.hasPrefix("/") { return [PathResolver.resolve(text, from: "/").path] }
            return directories.map { PathResolver.resolve(text, from: $0).path }
        }

        mutating func addAffected(_ word: ShellWord) {
            for path in resolutions(of: word) { addAffected(path) }
        }

        mutating func addAffected(_ path: String) {
            guard !analysis.affectedLimitReached || path == "/" else { return }
            guard seen.insert(path).inserted else { return }
            if analysis.affectedPaths.count >= ShellAnalysis.maxAffectedPaths {
                markEverything()
                return
            }
            analysis.affectedPaths.append(path)
        }

        mutating func markEverything() {
            analysis.affectedLimitReached = true
            if !analysis.affectedPaths.contains("/") { analysis.affectedPaths.append("/") }
            seen.insert("/")
        }

        mutating func addScript(_ word: ShellWord, onlyIfText: Bool) {
            guard analysis.scripts.count < ShellAnalysis.maxScripts else { return }
            // A script whose name is only known at run time cannot be read.
            guard word.pieces.allSatisfy({ piece in
                switch piece {
                case .literal: return true
                case .tilde(let user): return user.isEmpty && home != nil
                case .variable(let name): return (name == "HOME" || name == "{HOME}") && home != nil
                case .glob, .substitution: return false
                }
            }) else { return }
            let candidates = resolutions(of: word)
            let reference = ScriptReference(written: word.text, candidates: candidates, onlyIfText: onlyIfText)
            if !analysis.scripts.contains(reference) { analysis.scripts.append(reference) }
        }

        mutating func changeDirectory(_ target: ShellWord?) {
            let next: [String]
            if let target {
                let text = pathText(target)
                // `cd -` or a directory only known at run time: nothing to add.
                guard !text.isEmpty || target.isLiteral, target.text != "-" else { return }
                next = resolutions(of: target)
            } else if let home {
                next = [PathResolver.resolve(home, from: "/").path]
            } else {
                return
            }
            for directory in next where !directories.contains(directory) {
                directories.append(directory)
                if directories.count > ShellAnalysis.maxDirectories { directories.remove(at: 1) }
            }
        }
    }
}
