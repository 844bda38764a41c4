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
        var builder = ShellCommandBuilder()
        var commands: [ShellCommand] = []
        for token in tokens { builder.add(token) { commands.append($0) } }
        builder.finish { commands.append($0) }
        return commands
    }
}

/// Builds simple commands from tokens as they come, so a long command line is never held
/// whole as tokens.
struct ShellCommandBuilder {
    private var current = ShellCommand()
    private var depth = 0
    private var previousWasPipe = false

    mutating func add(_ token: ShellToken, emit: (ShellCommand) -> Void) {
        switch token {
        case .word(let word):
            current.words.append(word)
        case .redirect(let redirect):
            current.redirects.append(redirect)
        case .op(.openParen):
            end(nil, emit: emit)
            depth += 1
            current.subshellDepth = depth
        case .op(.closeParen):
            end(nil, emit: emit)
            depth = max(0, depth - 1)
            current.subshellDepth = depth
        case .op(let op):
            end(op, emit: emit)
        }
    }

    mutating func finish(emit: (ShellCommand) -> Void) {
        end(nil, emit: emit)
    }

    private mutating func end(_ next: ShellOperator?, emit: (ShellCommand) -> Void) {
        let pipes = next == .pipe || next == .pipeBoth
        if !current.words.isEmpty || !current.redirects.isEmpty {
            current.inPipeline = current.inPipeline || previousWasPipe || pipes
            emit(current)
        }
        previousWasPipe = pipes
        current = ShellCommand(subshellDepth: depth)
    }
}
