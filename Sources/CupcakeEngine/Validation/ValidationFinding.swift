/// One problem `cupcake validate` found, with the file and line to fix.
package struct ValidationFinding: Sendable, Equatable {
    /// An error means the project does not do what it says (a policy that can never run, a
    /// configuration the engine refuses); a warning, something probably wrong that still works.
    package enum Severity: String, Sendable {
        case error
        case warning
    }

    /// What kind of problem: a short identifier that stays the same between versions.
    package enum Kind: String, Sendable, CaseIterable {
        /// A .rego file with no `# METADATA` block or no `custom.routing`: the engine skips it.
        case metadataMissing = "metadata-missing"
        /// A METADATA block that is not valid YAML or has values of the wrong type.
        case metadataMalformed = "metadata-malformed"
        /// A .rego file without a `package` declaration.
        case packageMissing = "package-missing"
        /// A `required_events` name the harness never sends.
        case unknownEvent = "unknown-event"
        /// A `required_tools` name that is not one of the harness's tools.
        case unknownTool = "unknown-tool"
        /// A `required_signals` name that neither rulebook.yml nor `signals/` defines.
        case undefinedSignal = "undefined-signal"
        /// A decision rule the aggregator would not collect, or a decision of the wrong shape.
        case decisionShape = "decision-shape"
        /// An unknown builtin, or a builtin option that does not exist or has the wrong type.
        case builtinOption = "builtin-option"
        /// A rulebook.yml key that does not exist, or a value of the wrong type.
        case rulebookKey = "rulebook-key"
        /// A rulebook.yml that is not YAML the engine reads.
        case rulebookSyntax = "rulebook-syntax"
        /// Routing no event can satisfy: no `required_events`, or tools on events that carry none.
        case routesNothing = "routes-nothing"
        /// A file or directory that cannot be read, or is past the discovery limits.
        case fileUnreadable = "file-unreadable"
        /// A .rego file the decision-rule checks cannot read as Rego tokens.
        case regoUnreadable = "rego-unreadable"
        /// A `signals/` or `actions/` file the engine ignores (not executable, a repeated name).
        case configFile = "config-file"
        /// A directory under `policies/` that is not a harness's, or a harness without one.
        case policyLayout = "policy-layout"
        /// No aggregator (`system/evaluate.rego`) for policies that need one (an error: the bundle
        /// cannot be compiled), or one that is not the standard aggregator (a warning: evaluation
        /// then always goes through it, every policy on every routed event).
        case aggregator = "aggregator"
    }

    /// Error or warning (see `Severity`).
    package var severity: Severity
    /// What kind of problem (see `Kind`).
    package var kind: Kind
    /// The file as reached from the policy directory given (`.cupcake/policies/claude/x.rego`).
    package var file: String
    /// The 1-based line, when the problem has one.
    package var line: Int?
    /// What is wrong and what to do about it.
    package var message: String

    init(_ severity: Severity, _ kind: Kind, file: String, line: Int?, _ message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }
}

/// What `cupcake validate` checked and found.
package struct ValidationReport: Sendable {
    /// The policy directory as given.
    package var policyDirectory: String
    /// The harnesses whose policies were checked.
    package var harnesses: [Harness]
    /// Every file read: rulebook.yml (when present) and each .rego file.
    package var filesChecked: [String]
    /// Sorted by file, then line.
    package var findings: [ValidationFinding]

    /// The findings of severity error: with any, `cupcake validate` exits 1.
    package var errorCount: Int { findings.count { $0.severity == .error } }
    /// The findings of severity warning.
    package var warningCount: Int { findings.count { $0.severity == .warning } }
}
