/// A signal: a shell command whose output is passed to policies as `input.signals.<name>`.
package struct SignalDefinition: Sendable, Equatable {
    /// The name policies list in `required_signals`.
    package var name: String
    /// Run with `sh -c`.
    package var command: String
    /// How long the command may run; 5 when not given.
    package var timeoutSeconds: Double

    /// Creates a signal definition.
    package init(name: String, command: String, timeoutSeconds: Double = Rulebook.defaultTimeoutSeconds) {
        self.name = name
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }
}

/// An action: a shell command run after a decision (on any denial, or for one rule id).
package struct ActionDefinition: Sendable, Equatable {
    /// Run with `sh -c`.
    package var command: String
    /// How long the command may run; 5 when not given.
    package var timeoutSeconds: Double

    /// Creates an action definition.
    package init(command: String, timeoutSeconds: Double = Rulebook.defaultTimeoutSeconds) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }
}

/// What the engine answers when evaluation itself fails (policy error, timeout).
public enum FailMode: String, Sendable {
    /// Allow the action (the default).
    case open
    /// Block the action.
    case closed
}
