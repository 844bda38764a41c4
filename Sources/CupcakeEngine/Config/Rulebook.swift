/// The project's `rulebook.yml`, together with the executables in `signals/` and `actions/`.
public struct Rulebook: Sendable {
    /// Signals by name.
    public var signals: [String: SignalDefinition]
    /// Actions run whenever the final decision is a denial.
    public var onAnyDenial: [ActionDefinition]
    /// Actions run when a decision carries the rule id.
    public var actionsByRuleID: [String: [ActionDefinition]]
    /// The `builtins:` section: the builtins that are on, with their options.
    public var builtins: BuiltinSettings
    /// `input.builtin_config`: the enabled builtins' options with defaults filled, upstream's shape.
    public var builtinConfig: JSONValue { builtins.inputConfig }
    /// `fail_mode: open|closed`; open when absent.
    public var failMode: FailMode
    /// The `preprocessing:` section (script inspection); defaults when absent.
    public var preprocessing: PreprocessingOptions
    /// The `telemetry:` section; off when absent.
    public var telemetry = TelemetrySettings()
    /// Things tolerated but probably mistakes (unknown keys, non-executable files), one message each.
    public var warnings: [String]

    /// Creates a rulebook.
    public init(signals: [String: SignalDefinition] = [:], onAnyDenial: [ActionDefinition] = [],
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
    public static let empty = Rulebook()

    /// The timeout of a signal or action that does not give one.
    public static let defaultTimeoutSeconds: Double = 5

    /// The largest timeout accepted, in seconds.
    public static let maxTimeoutSeconds: Double = 300
}
