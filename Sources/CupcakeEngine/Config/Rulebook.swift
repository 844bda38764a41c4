/// The project's `rulebook.yml`, together with the executables in `signals/` and `actions/`.
public struct Rulebook: Sendable {
    /// Signals by name.
    public var signals: [String: SignalDefinition]
    /// Actions run whenever the final decision is a denial.
    public var onAnyDenial: [ActionDefinition]
    /// Actions run when a decision carries the rule id.
    public var actionsByRuleID: [String: [ActionDefinition]]
    /// The `builtins:` section, passed to policies as `input.builtin_config`; `.object([:])` when absent.
    public var builtinConfig: JSONValue
    /// `fail_mode: open|closed`; open when absent.
    public var failMode: FailMode
    /// The `preprocessing:` section (script inspection); defaults when absent.
    public var preprocessing: PreprocessingOptions
    /// Things tolerated but probably mistakes (unknown keys, non-executable files), one message each.
    public var warnings: [String]

    /// Creates a rulebook.
    public init(signals: [String: SignalDefinition] = [:], onAnyDenial: [ActionDefinition] = [],
                actionsByRuleID: [String: [ActionDefinition]] = [:], builtinConfig: JSONValue = .object([:]),
                failMode: FailMode = .open, preprocessing: PreprocessingOptions = PreprocessingOptions(),
                warnings: [String] = []) {
        self.signals = signals
        self.onAnyDenial = onAnyDenial
        self.actionsByRuleID = actionsByRuleID
        self.builtinConfig = builtinConfig
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
