/// The `builtins:` section of one layer's rulebook.yml: which builtins are on, with their options
/// (upstream Cupcake's keys, aliases, defaults and validation messages). A builtin is on when its
/// section is present and does not say `enabled: false`, as upstream documents.
public struct BuiltinSettings: Sendable {
    /// Every builtin key, in upstream's order, then the aliases.
    public static let names = [
        AlwaysInjectOnPrompt.key, GitPreCheck.key, PostEditCheck.key, RulebookSecurityGuardrails.key, ProtectedPaths.key,
        GitBlockNoVerify.key, SystemProtection.key, SensitiveDataProtection.key, CupcakeExecProtection.key,
        EnforceFullFileRead.key,
    ]
    static let aliases = [AlwaysInjectOnPrompt.alias: AlwaysInjectOnPrompt.key, EnforceFullFileRead.alias: EnforceFullFileRead.key]
    /// Builtins read from the global configuration only, as upstream does.
    public static let globalOnly: Set<String> = [SystemProtection.key, SensitiveDataProtection.key, CupcakeExecProtection.key]

    /// The enabled builtins, in upstream's order.
    let enabled: [any RulebookBuiltin]

    /// No builtins.
    public static let none = BuiltinSettings(enabled: [])

    /// The names of the enabled builtins.
    public var enabledNames: [String] { enabled.map(\.name) }

    /// `input.builtin_config`: each enabled builtin's options with defaults filled (upstream's shape).
    public var inputConfig: JSONValue {
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
        return BuiltinSettings(enabled: names.compactMap { chosen[$0] })
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
        default: return try EnforceFullFileRead.parse(&options, enabled: enabled)
        }
    }
}
