/// One simple command: its words and redirections, and where it sits in the command line.
struct ShellCommand: Sendable, Equatable {
    var words: [ShellWord] = []
    var redirects: [ShellRedirect] = []
    /// Nesting depth of `( … )` subshells around the command.
    var subshellDepth = 0
    /// Whether the command is part of a pipeline (its changes to the shell do not last).
    var inPipeline = false

    /// Groups tokens into simple commands. Operators end a command; `(` and `)` open and close
    /// subshells. Empty commands are dropped.
    static func parse(_ tokens: [ShellToken]) -> [ShellCommand] {
        var commands: [ShellCommand] = []
        var current = ShellCommand()
        var depth = 0
        var previousWasPipe = false

        func finish(_ next: ShellOperator?) {
            let pipes = next == .pipe || next == .pipeBoth
            if !current.words.isEmpty || !current.redirects.isEmpty {
                current.inPipeline = current.inPipeline || previousWasPipe || pipes
                commands.append(current)
            }
            previousWasPipe = pipes
            current = ShellCommand(subshellDepth: depth)
        }

        for token in tokens {
            switch token {
            case .word(let word):
                current.words.append(word)
            case .redirect(let redirect):
                current.redirects.append(redirect)
            case .op(.openParen):
                finish(nil)
                depth += 1
                current.subshellDepth = depth
            case .op(.closeParen):
                finish(nil)
                depth = max(0, depth - 1)
                current.subshellDepth = depth
            case .op(let op):
                finish(op)
            }
        }
        finish(nil)
        return commands
    }
}
