extension Rulebook {
    /// Parses the text of a `rulebook.yml`; `origin` names it in errors and warnings.
    ///
    /// Accepts `signals: {NAME: {command, timeout_seconds} | "command"}`,
    /// `actions: {on_any_denial: [...], by_rule_id: {RULE: [...]}}` where an action is
    /// `{command, timeout_seconds}` or a bare command string and a list may be a single action,
    /// `builtins: {...}`, `fail_mode: open|closed` and `preprocessing: {script_inspection,
    /// max_script_bytes}`. Empty sections are allowed. Unknown top-level keys become warnings;
    /// unknown keys under `preprocessing` are errors (a misspelt security switch must not be
    /// ignored).
    ///
    /// `isGlobal` says the rulebook is the global configuration's: only there are the global
    /// builtins (system_protection, sensitive_data_protection, cupcake_exec_protection) read.
    package static func parse(_ text: String, origin: String, isGlobal: Bool = false) throws(ConfigError) -> Rulebook {
        let parsed: (value: JSONValue, locations: [String: YAMLLocation])
        do {
            parsed = try YAML.parseWithLocations(text, origin: origin)
        } catch {
            throw .yaml(error)
        }
        var reader = RulebookReader(origin: origin, locations: parsed.locations, isGlobal: isGlobal)
        return try reader.read(parsed.value)
    }
}

/// Turns the parsed YAML tree into a `Rulebook`, checking each value against its key path.
private struct RulebookReader {
    let origin: String
    let locations: [String: YAMLLocation]
    let isGlobal: Bool
    var warnings: [String] = []

    init(origin: String, locations: [String: YAMLLocation], isGlobal: Bool) {
        self.origin = origin
        self.locations = locations
        self.isGlobal = isGlobal
    }

    func fail(_ path: String, _ message: String) -> ConfigError {
        .invalid(file: origin, line: locations[path]?.line, keyPath: path, message: message)
    }

    /// A short rendering of an offending value for messages.
    static func show(_ value: JSONValue) -> String {
        let text = value.description
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    mutating func read(_ root: JSONValue) throws(ConfigError) -> Rulebook {
        var rulebook = Rulebook()
        if root.isNull { return rulebook }
        guard let sections = root.objectValue else {
            throw ConfigError.invalid(file: origin, line: 1, keyPath: "(top level)",
                                      message: "expected a mapping of sections (signals, actions, builtins, fail_mode), got \(root.typeName)")
        }
        for key in sections.keys.sorted() {
            guard let value = sections[key] else { continue }
            switch key {
            case "signals": rulebook.signals = try readSignals(value)
            case "actions": try readActions(value, into: &rulebook)
            case "builtins":
                let origin = origin, locations = locations
                rulebook.builtins = try BuiltinSettings.parse(value, isGlobal: isGlobal, fail: { path, message in
                    // The line of the deepest key path that has one.
                    var key = path
                    var line = locations[key]?.line
                    while line == nil, let dot = key.lastIndex(of: ".") {
                        key = String(key[..<dot])
                        line = locations[key]?.line
                    }
                    return .invalid(file: origin, line: line, keyPath: path, message: message)
                }, warnings: &warnings)
            case "fail_mode":
                guard let text = value.stringValue, let mode = FailMode(rawValue: text) else {
                    throw fail("fail_mode", "expected \"open\" or \"closed\", got \(Self.show(value))")
                }
                rulebook.failMode = mode
            case "preprocessing":
                rulebook.preprocessing = try readPreprocessing(value)
            case "telemetry":
                rulebook.telemetry = try readTelemetry(value, warnings: &warnings)
            default:
                let place = locations[key].map { "\(origin):\($0.line)" } ?? origin
                warnings.append("\(place): unknown top-level key \"\(key)\" ignored")
            }
        }
        rulebook.warnings = warnings
        // Signals the builtins define, under upstream's names; the user's own of the same name win.
        for signal in rulebook.builtins.signalDefinitions where rulebook.signals[signal.name] == nil {
            rulebook.signals[signal.name] = signal
        }
        return rulebook
    }

    func readPreprocessing(_ value: JSONValue) throws(ConfigError) -> PreprocessingOptions {
        var options = PreprocessingOptions()
        if value.isNull { return options }
        guard let members = value.objectValue else {
            throw fail("preprocessing", "expected a mapping with script_inspection and max_script_bytes, got \(value.typeName) \(Self.show(value))")
        }
        for key in members.keys.sorted() {
            guard let member = members[key] else { continue }
            let path = "preprocessing.\(key)"
            switch key {
            case "script_inspection":
                guard let flag = member.boolValue else { throw fail(path, "expected true or false, got \(Self.show(member))") }
                options.scriptInspection = flag
            case "max_script_bytes":
                let limit = PreprocessingOptions.maxScriptBytesLimit
                guard let bytes = member.intValue, bytes >= 1, bytes <= Int64(limit) else {
                    throw fail(path, "expected a whole number of bytes from 1 to \(limit), got \(Self.show(member))")
                }
                options.maxScriptBytes = Int(bytes)
            default:
                throw fail(path, "unknown key (expected script_inspection or max_script_bytes)")
            }
        }
        return options
    }

    /// `telemetry: {enabled, format: json|text, destination}`; unknown keys are warnings, as
    /// upstream ignores them.
    func readTelemetry(_ value: JSONValue, warnings: inout [String]) throws(ConfigError) -> TelemetrySettings {
        var settings = TelemetrySettings()
        if value.isNull { return settings }
        guard let members = value.objectValue else {
            throw fail("telemetry", "expected a mapping with enabled, format and destination, got \(value.typeName) \(Self.show(value))")
        }
        for key in members.keys.sorted() {
            guard let member = members[key] else { continue }
            let path = "telemetry.\(key)"
            switch key {
            case "enabled":
                guard let flag = member.boolValue else { throw fail(path, "expected true or false, got \(Self.show(member))") }
                settings.enabled = flag
            case "format":
                guard let text = member.stringValue, let format = TelemetrySettings.Format(rawValue: text.lowercased()) else {
                    throw fail(path, "expected \"json\" or \"text\", got \(Self.show(member))")
                }
                settings.format = format
            case "destination":
                guard let text = member.stringValue, !text.isEmpty else {
                    throw fail(path, "expected a directory path, got \(Self.show(member))")
                }
                settings.destination = text
            default:
                let place = locations[path].map { "\(origin):\($0.line)" } ?? origin
                warnings.append("\(place): unknown key \"\(path)\" ignored (expected enabled, format or destination)")
            }
        }
        return settings
    }

    mutating func readSignals(_ value: JSONValue) throws(ConfigError) -> [String: SignalDefinition] {
        if value.isNull { return [:] }
        guard let entries = value.objectValue else {
            throw fail("signals", "expected a mapping of signal names to commands, got \(value.typeName) \(Self.show(value))")
        }
        var signals: [String: SignalDefinition] = [:]
        for name in entries.keys.sorted() {
            guard let entry = entries[name] else { continue }
            let path = "signals.\(name)"
            if name.allSatisfy(\.isWhitespace) { throw fail(path, "signal names must not be empty") }
            let action = try readCommand(entry, path: path)
            signals[name] = SignalDefinition(name: name, command: action.command, timeoutSeconds: action.timeoutSeconds)
        }
        return signals
    }

    mutating func readActions(_ value: JSONValue, into rulebook: inout Rulebook) throws(ConfigError) {
        if value.isNull { return }
        guard let sections = value.objectValue else {
            throw fail("actions", "expected a mapping with on_any_denial and by_rule_id, got \(value.typeName) \(Self.show(value))")
        }
        for key in sections.keys.sorted() {
            guard let section = sections[key] else { continue }
            switch key {
            case "on_any_denial":
                rulebook.onAnyDenial = try readActionList(section, path: "actions.on_any_denial")
            case "by_rule_id":
                if section.isNull { continue }
                guard let rules = section.objectValue else {
                    throw fail("actions.by_rule_id", "expected a mapping of rule ids to actions, got \(section.typeName) \(Self.show(section))")
                }
                for rule in rules.keys.sorted() {
                    guard let list = rules[rule] else { continue }
                    let path = "actions.by_rule_id.\(rule)"
                    if rule.allSatisfy(\.isWhitespace) { throw fail(path, "rule ids must not be empty") }
                    rulebook.actionsByRuleID[rule] = try readActionList(list, path: path)
                }
            default:
                let place = locations["actions.\(key)"].map { "\(origin):\($0.line)" } ?? origin
                warnings.append("\(place): unknown key \"actions.\(key)\" ignored (expected on_any_denial or by_rule_id)")
            }
        }
    }

    /// A list of actions, or one action written without the list.
    mutating func readActionList(_ value: JSONValue, path: String) throws(ConfigError) -> [ActionDefinition] {
        switch value {
        case .null: return []
        case .array(let items):
            var actions: [ActionDefinition] = []
            for (position, item) in items.enumerated() {
                actions.append(try readCommand(item, path: "\(path)[\(position)]"))
            }
            return actions
        default:
            return [try readCommand(value, path: path)]
        }
    }

    /// `{command, timeout_seconds}` or a bare command string.
    mutating func readCommand(_ value: JSONValue, path: String) throws(ConfigError) -> ActionDefinition {
        if let command = value.stringValue {
            guard !command.allSatisfy(\.isWhitespace) else { throw fail(path, "expected a non-empty command") }
            return ActionDefinition(command: command)
        }
        guard let members = value.objectValue else {
            throw fail(path, "expected a command string or a mapping with command and timeout_seconds, got \(value.typeName) \(Self.show(value))")
        }
        guard let commandValue = members["command"] else {
            throw fail(path, "missing \"command\"")
        }
        guard let command = commandValue.stringValue, !command.allSatisfy(\.isWhitespace) else {
            throw fail("\(path).command", "expected a non-empty command string, got \(Self.show(commandValue))")
        }
        var timeout = Rulebook.defaultTimeoutSeconds
        if let timeoutValue = members["timeout_seconds"], !timeoutValue.isNull {
            guard let seconds = timeoutValue.doubleValue, seconds.isFinite else {
                throw fail("\(path).timeout_seconds", "expected a number of seconds, got \(Self.show(timeoutValue))")
            }
            guard seconds > 0, seconds <= Rulebook.maxTimeoutSeconds else {
                throw fail("\(path).timeout_seconds", "expected a number of seconds greater than 0 and at most \(Int(Rulebook.maxTimeoutSeconds)), got \(Self.show(timeoutValue))")
            }
            timeout = seconds
        }
        for key in members.keys.sorted() where key != "command" && key != "timeout_seconds" {
            let place = locations["\(path).\(key)"].map { "\(origin):\($0.line)" } ?? origin
            warnings.append("\(place): unknown key \"\(path).\(key)\" ignored")
        }
        return ActionDefinition(command: command, timeoutSeconds: timeout)
    }
}
