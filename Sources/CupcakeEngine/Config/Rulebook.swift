/// The project's `rulebook.yml`, together with the executables in `signals/` and `actions/`.
package struct Rulebook: Sendable {
    /// Signals by name.
    package var signals: [String: SignalDefinition]
    /// Actions run whenever the final decision is a denial.
    package var onAnyDenial: [ActionDefinition]
    /// Actions run when a decision carries the rule id.
    package var actionsByRuleID: [String: [ActionDefinition]]
    /// The `builtins:` section: the builtins that are on, with their options.
    package var builtins: BuiltinSettings
    /// `input.builtin_config`: the enabled builtins' options with defaults filled, upstream's shape.
    package var builtinConfig: JSONValue { builtins.inputConfig }
    /// `fail_mode: open|closed`; open when absent.
    package var failMode: FailMode
    /// The `preprocessing:` section (script inspection); defaults when absent.
    package var preprocessing: PreprocessingOptions
    /// The `telemetry:` section; off when absent.
    package var telemetry = TelemetrySettings()
    /// Things tolerated but probably mistakes (unknown keys, non-executable files), one message each.
    package var warnings: [String]

    /// Creates a rulebook.
    package init(signals: [String: SignalDefinition] = [:], onAnyDenial: [ActionDefinition] = [],
                actionsByRuleID: [String: [ActionDefinition]] = [:], builtins: BuiltinSettings = .none,
                failMode: FailMode = .open, preprocessing: PreprocessingOptions = PreprocessingOptions(),
                warnings: [String] = []) {
        self.signals = signals
        self.onAnyDenial = onAnyDenial
        self.actionsByRuleID = actionsByRuleID
        self.builtins = builtins
        self.failMode = failMode
        self.preprocessing = preprocessing
        self.warnings = warnings
    }

    /// No signals, no actions, empty builtins, fail open.
    package static let empty = Rulebook()

    /// The timeout of a signal or action that does not give one.
    package static let defaultTimeoutSeconds: Double = 5

    /// The largest timeout accepted, in seconds.
    package static let maxTimeoutSeconds: Double = 300
}
