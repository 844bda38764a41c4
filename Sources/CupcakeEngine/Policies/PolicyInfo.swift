/// When a policy needs to be evaluated: `custom.routing` of its METADATA block.
package struct PolicyRouting: Sendable, Equatable {
    /// Hook event names, e.g. "PreToolUse".
    package var requiredEvents: [String]
    /// Tool names; empty means every tool of the events, `"*"` too.
    package var requiredTools: [String]
    /// Signals to gather before evaluating.
    package var requiredSignals: [String]

    /// Creates routing.
    package init(requiredEvents: [String], requiredTools: [String] = [], requiredSignals: [String] = []) {
        self.requiredEvents = requiredEvents
        self.requiredTools = requiredTools
        self.requiredSignals = requiredSignals
    }
}

/// One discovered policy file and what its METADATA says.
package struct PolicyInfo: Sendable, Equatable {
    /// Path of the .rego file (as discovered, under the policy directory).
    package var path: String
    /// The `package` name, e.g. "cupcake.policies.bash_guard".
    package var packageName: String
    /// `title` of the METADATA block.
    package var title: String?
    /// `custom.id`.
    package var id: String?
    /// `custom.severity`.
    package var severity: String?
    /// `scope` of the METADATA block (normally "package").
    package var scope: String?
    /// `custom.routing`; nil when the file has none.
    package var routing: PolicyRouting?

    /// Creates policy information.
    package init(path: String, packageName: String, title: String? = nil, id: String? = nil, severity: String? = nil,
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
