/// The simple commands of a shell command line as builtins read them: quotes removed, wrappers
/// (`sudo`, `env`, …) and leading assignments dropped, and code run from a string (`bash -c`,
/// `eval`, `$(…)`) read too, so a check on "the command that runs" sees every one of them.
enum ShellCommandWalk {
    struct Command: Equatable {
        /// The command word first (its basename: `/usr/bin/git` is `git`), then its arguments.
        var words: [String]
        var redirects: [ShellRedirect]
        var name: String { words.first.map(CommandWrappers.basename) ?? "" }
        var arguments: ArraySlice<String> { words.dropFirst() }
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
                result.append(Command(words: words.map(\.text), redirects: command.redirects))
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
}
