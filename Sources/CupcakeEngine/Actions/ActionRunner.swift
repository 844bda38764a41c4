/// Starts action commands after a Deny/Halt/Block decision, so the CLI can write its verdict first
/// and wait for the actions before exiting.
package struct ActionRunner: Sendable {
    /// Bytes kept of each action's stdout and stderr; actions' output is not shown, so keep little.
    static let outputLimit = 64 << 10

    /// Directory the commands start in; nil keeps the current directory.
    package var workingDirectory: String?
    /// Spawns the commands.
    package var processRunner: ProcessRunner

    /// Creates a runner.
    package init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory
        self.processRunner = ProcessRunner()
    }

    /// Starts every action now (each `sh -c` with the decision JSON on stdin, own process group, own timeout) and returns a handle at once.
    package func start(_ actions: [(ruleID: String?, action: ActionDefinition)], decisionJSON: [UInt8], environment: [String: String] = [:]) -> RunningActions {
        let started = actions.map { entry in
            let request = ProcessRequest(
                command: entry.action.command, stdin: decisionJSON, environment: environment,
                workingDirectory: workingDirectory, timeoutSeconds: entry.action.timeoutSeconds,
                outputLimit: Self.outputLimit)
            return RunningActions.Started(
                command: entry.action.command, ruleID: entry.ruleID, handle: processRunner.launch(request))
        }
        return RunningActions(started)
    }
}
