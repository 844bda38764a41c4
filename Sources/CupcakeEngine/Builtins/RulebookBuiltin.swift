/// One rulebook builtin (`builtins:` in rulebook.yml), evaluated natively beside the WebAssembly
/// policies: upstream Cupcake ships these as Rego, so a project without `opa` had none.
protocol RulebookBuiltin: Sendable {
    /// The rulebook key, e.g. `protected_paths`.
    var name: String { get }
    /// Its entry in `input.builtin_config` (upstream's shape, defaults filled), if it has one.
    var inputConfig: JSONValue? { get }
    /// Signals it defines (upstream's names, e.g. `__builtin_git_check_0`), run only when needed.
    var signalDefinitions: [SignalDefinition] { get }
    /// Whether it looks at this event at all (its harnesses, events and tools).
    func applies(to event: EventView) -> Bool
    /// The signals it needs for this event.
    func signalNames(for event: EventView, environment: BuiltinEnvironment) -> [String]
    /// What it decides about the event.
    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet
}

extension RulebookBuiltin {
    var inputConfig: JSONValue? { nil }
    var signalDefinitions: [SignalDefinition] { [] }
    func signalNames(for event: EventView, environment: BuiltinEnvironment) -> [String] { [] }
}

/// What builtins know about where they run.
struct BuiltinEnvironment: Sendable {
    /// The layer's policy directory, absolute with links resolved: guardrails always lock it.
    var policyDirectory: String
    /// The user's home directory, for `~` in configured paths.
    var home: String?
    /// The hook process's environment (git_block_no_verify's `exceptions` name variables).
    var variables: [String: String]
}

/// Upstream's rule ids of its builtin Rego. A project initialised by upstream carries that Rego in
/// its bundle; those decisions are dropped, since the native builtins decide (or, disabled, must
/// not decide at all, as upstream does not load a disabled builtin's file).
enum BuiltinRuleIDs {
    static let all: Set<String> = [
        "BUILTIN-INJECT-PROMPT", "BUILTIN-ALWAYS-INJECT-ON-PROMPT", "BUILTIN-GIT-CHECK", "BUILTIN-GIT-PRE-CHECK",
        "BUILTIN-POST-EDIT", "BUILTIN-POST-EDIT-CHECK", "BUILTIN-GIT-BLOCK-NO-VERIFY", "BUILTIN-PROTECTED-PATHS",
        "BUILTIN-PROTECTED-PATHS-PARENT", "BUILTIN-PROTECTED-PATHS-SCRIPT", "BUILTIN-RULEBOOK-SECURITY",
        "BUILTIN-RULEBOOK-SECURITY-GUARDRAILS", "BUILTIN-ENFORCE-FULL-READ", "GLOBAL-BUILTIN-SYSTEM-PROTECTION",
        "GLOBAL-BUILTIN-SENSITIVE-DATA", "GLOBAL-BUILTIN-SENSITIVE-DATA-PROTECTION", "GLOBAL-BUILTIN-CUPCAKE-EXEC",
        "GLOBAL-BUILTIN-CUPCAKE-EXEC-PROTECTION", "BUILTIN-GLOBAL-FILE-LOCK",
    ]

    /// `set` without the decisions of upstream's builtin Rego.
    static func removingBuiltinRego(from set: DecisionSet) -> DecisionSet {
        func keep(_ decisions: [Decision]) -> [Decision] { decisions.filter { !all.contains($0.ruleID) } }
        return DecisionSet(
            halts: keep(set.halts), denials: keep(set.denials), blocks: keep(set.blocks), asks: keep(set.asks),
            modifications: keep(set.modifications), allowOverrides: keep(set.allowOverrides), addContext: set.addContext)
    }
}
