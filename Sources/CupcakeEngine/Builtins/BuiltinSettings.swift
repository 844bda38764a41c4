import Foundation

/// The `builtins:` section of one layer's rulebook.yml: which builtins are on, with their options
/// (upstream Cupcake's keys, aliases, defaults and validation messages). A builtin is on when its
/// section is present and does not say `enabled: false`, as upstream documents.
package struct BuiltinSettings: Sendable {
    /// Every builtin key: upstream v0.5.2's ten in its order, then the legacy `global_file_lock`.
    package static let names = [
        AlwaysInjectOnPrompt.key, GitPreCheck.key, PostEditCheck.key, RulebookSecurityGuardrails.key, ProtectedPaths.key,
        GitBlockNoVerify.key, SystemProtection.key, SensitiveDataProtection.key, CupcakeExecProtection.key,
        EnforceFullFileRead.key, GlobalFileLock.key,
    ]
    static let aliases = [AlwaysInjectOnPrompt.alias: AlwaysInjectOnPrompt.key, EnforceFullFileRead.alias: EnforceFullFileRead.key,
                          GlobalFileLock.alias: GlobalFileLock.key]
    /// Builtins read from the global configuration only, as upstream does.
    package static let globalOnly: Set<String> = [SystemProtection.key, SensitiveDataProtection.key, CupcakeExecProtection.key]

    /// The enabled builtins, in upstream's order.
    let enabled: [any RulebookBuiltin]
    /// Every builtin the section names, enabled or not (aliases resolved).
    let configured: Set<String>
    /// Builtins enabled because the layer carries upstream's Rego for them (see `adoptingRego`).
    let adopted: Set<String>

    init(enabled: [any RulebookBuiltin], configured: Set<String> = [], adopted: Set<String> = []) {
        self.enabled = enabled
        self.configured = configured
        self.adopted = adopted
    }

    /// No builtins.
    package static let none = BuiltinSettings(enabled: [])

    /// The names of the enabled builtins.
    package var enabledNames: [String] { enabled.map(\.name) }

    /// `input.builtin_config`: each enabled builtin's options with defaults filled (upstream's shape).
    package var inputConfig: JSONValue {
        var members: [String: JSONValue] = [:]
        for builtin in enabled { members[builtin.name] = builtin.inputConfig }
        return .object(members)
    }

    /// The signals the enabled builtins define.
    var signalDefinitions: [SignalDefinition] { enabled.flatMap(\.signalDefinitions) }

    /// Reads the section; `fail` makes an error naming a key path. Global-only builtins outside
    /// the global layer are left out with a warning.
    static func parse(_ value: JSONValue, isGlobal: Bool, fail: @escaping (String, String) -> ConfigError,
                      warnings: inout [String]) throws(ConfigError) -> BuiltinSettings {
        if value.isNull { return .none }
        guard let sections = value.objectValue else {
            throw fail("builtins", "expected a mapping of builtin names to options, got \(value.typeName)")
        }
        var chosen: [String: any RulebookBuiltin] = [:]
        for key in sections.keys.sorted() {
            guard let section = sections[key] else { continue }
            let name = aliases[key] ?? key
            guard names.contains(name) else {
                throw fail("builtins.\(key)", "unknown builtin (known: \(names.joined(separator: ", ")))")
            }
            if chosen[name] != nil {
                throw fail("builtins.\(key)", "\(name) is configured twice (under its name and its alias)")
            }
            var options = try BuiltinOptions(name: "builtins.\(key)", value: section, fail: fail)
            let on = try options.enabled()
            let builtin = try make(name, &options, enabled: on)
            try options.rejectUnknown()
            if globalOnly.contains(name) && !isGlobal {
                warnings.append("builtins.\(key): \(name) is read from the global configuration only; ignored here")
                continue
            }
            if on { chosen[name] = builtin }
        }
        return BuiltinSettings(enabled: names.compactMap { chosen[$0] }, configured: Set(sections.keys.map { aliases[$0] ?? $0 }))
    }

    /// The builtin an upstream builtin Rego file stands for: by its file stem or its package's
    /// last name (`factory_enforce_full_file_read`, `opencode_…` and Cursor's `always_inject_on_prompt`
    /// included), nil for one with no native twin (e.g. the legacy `global_file_lock`).
    static func nativeName(ofRego path: String, package: String) -> String? {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        for candidate in [stem, package.split(separator: ".").last.map(String.init) ?? ""] {
            var name = candidate
            for prefix in ["factory_", "opencode_"] where name.hasPrefix(prefix) { name = String(name.dropFirst(prefix.count)) }
            name = aliases[name] ?? name
            if names.contains(name) { return name }
        }
        return nil
    }

    /// Upstream loads every builtin Rego file of a layer whose rulebook enables no builtin, and
    /// that Rego then runs with its built-in defaults. So when this section enables none, each
    /// builtin in `regoNames` that needs no options runs natively with its defaults, giving the
    /// verdicts upstream gives. A builtin the section names (even `enabled: false`) is left as
    /// configured: upstream's loading them all then is a defect, not a contract.
    func adoptingRego(_ regoNames: Set<String>, isGlobal: Bool) -> BuiltinSettings {
        guard enabled.isEmpty, !regoNames.isEmpty else { return self }
        var adopted: [any RulebookBuiltin] = []
        for name in Self.names where regoNames.contains(name) && !configured.contains(name) && (isGlobal || !Self.globalOnly.contains(name)) {
            guard var options = try? BuiltinOptions(name: "builtins.\(name)", value: .object([:]), fail: { ConfigError.invalid(file: "", line: nil, keyPath: $0, message: $1) }),
                  let builtin = try? Self.make(name, &options, enabled: true) else { continue }
            adopted.append(builtin)
        }
        return BuiltinSettings(enabled: adopted, configured: configured, adopted: Set(adopted.map(\.name)))
    }

    private static func make(_ name: String, _ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> any RulebookBuiltin {
        switch name {
        case AlwaysInjectOnPrompt.key: return try AlwaysInjectOnPrompt.parse(&options, enabled: enabled)
        case GitPreCheck.key: return try GitPreCheck.parse(&options, enabled: enabled)
        case PostEditCheck.key: return try PostEditCheck.parse(&options, enabled: enabled)
        case RulebookSecurityGuardrails.key: return try RulebookSecurityGuardrails.parse(&options, enabled: enabled)
        case ProtectedPaths.key: return try ProtectedPaths.parse(&options, enabled: enabled)
        case GitBlockNoVerify.key: return try GitBlockNoVerify.parse(&options, enabled: enabled)
        case SystemProtection.key: return try SystemProtection.parse(&options, enabled: enabled)
        case SensitiveDataProtection.key: return try SensitiveDataProtection.parse(&options, enabled: enabled)
        case CupcakeExecProtection.key: return try CupcakeExecProtection.parse(&options, enabled: enabled)
        case GlobalFileLock.key: return try GlobalFileLock.parse(&options, enabled: enabled)
        default: return try EnforceFullFileRead.parse(&options, enabled: enabled)
        }
    }
}
