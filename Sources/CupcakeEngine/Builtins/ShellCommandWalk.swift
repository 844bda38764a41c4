/// The simple commands of a shell command line as builtins read them: quotes removed, wrappers
/// (`sudo`, `env`, …) and leading assignments dropped, and code run from a string (`bash -c`,
/// `eval`, `$(…)`) read too, so a check on "the command that runs" sees every one of them.
enum ShellCommandWalk {
    struct Command: Equatable, Sendable {
        /// The command word first, then its arguments.
        let words: [String]
        let redirects: [ShellRedirect]
        /// The basename of the command as invoked, before wrappers were dropped (`sudo` for
        /// `sudo rm x`); "" when the line only assigns.
        let invokedName: String
        /// The command word's basename: `/usr/bin/git` is `git`.
        let name: String
        var arguments: ArraySlice<String> { words.dropFirst() }

        init(words: [String], redirects: [ShellRedirect], invokedName: String = "") {
            self.words = words
            self.redirects = redirects
            self.invokedName = invokedName
            name = words.first.map(CommandWrappers.basename) ?? ""
        }
    }

    static func commands(in text: String, depth: Int = 0) -> [Command] {
        guard depth <= ShellAnalysis.maxDepth else { return [] }
        var result: [Command] = []
        ShellLexer.forEachCommand(in: text) { command in
            for word in command.words {
                for nested in word.substitutions { result += commands(in: nested, depth: depth + 1) }
            }
            let (words, _) = CommandWrappers.unwrap(command.words[...])
            let effects = CommandEffects.of(words)
            if !words.isEmpty || !command.redirects.isEmpty {
                result.append(Command(words: words.map(\.text), redirects: command.redirects, invokedName: invokedName(command)))
            }
            for code in effects.inlineShell { result += commands(in: code, depth: depth + 1) }
            if effects.scriptFromStandardInput && effects.standardInputIsShell {
                for redirect in command.redirects where redirect.kind == .heredoc {
                    result += commands(in: redirect.heredocBody ?? "", depth: depth + 1)
                }
            }
        }
        return result
    }

    /// The basename of the first word that is not an assignment.
    static func invokedName(_ command: ShellCommand) -> String {
        command.words.first { !CommandWrappers.isAssignment($0.text) }.map { CommandWrappers.basename($0.text) } ?? ""
    }
}
