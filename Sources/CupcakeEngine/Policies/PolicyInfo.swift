/// When a policy needs to be evaluated: `custom.routing` of its METADATA block.
public struct PolicyRouting: Sendable, Equatable {
    /// Hook event names, e.g. "PreToolUse".
    public var requiredEvents: [String]
    /// Tool names; empty means every tool of the events, `"*"` too.
    public var requiredTools: [String]
    /// Signals to gather before evaluating.
    public var requiredSignals: [String]

    /// Creates routing.
    public init(requiredEvents: [String], requiredTools: [String] = [], requiredSignals: [String] = []) {
        self.requiredEvents = requiredEvents
        self.requiredTools = requiredTools
        self.requiredSignals = requiredSignals
    }
}

/// One discovered policy file and what its METADATA says.
public struct PolicyInfo: Sendable, Equatable {
    /// Path of the .rego file (as discovered, under the policy directory).
    public var path: String
    /// The `package` name, e.g. "cupcake.policies.bash_guard".
    public var packageName: String
    /// `title` of the METADATA block.
    public var title: String?
    /// `custom.id`.
    public var id: String?
    /// `custom.severity`.
    public var severity: String?
    /// `scope` of the METADATA block (normally "package").
    public var scope: String?
    /// `custom.routing`; nil when the file has none.
    public var routing: PolicyRouting?

    /// Creates policy information.
    public init(path: String, packageName: String, title: String? = nil, id: String? = nil, severity: String? = nil,
                scope: String? = nil, routing: PolicyRouting? = nil) {
        self.path = path
        self.packageName = packageName
        self.title = title
        self.id = id
        self.severity = severity
        self.scope = scope
        self.routing = routing
    }
}
