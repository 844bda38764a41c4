#if canImport(Glibc)
import Glibc
#endif

/// `claude_code_always_inject_on_prompt` (alias `always_inject_on_prompt`): text added to the
/// agent's context on every prompt (UserPromptSubmit: Claude Code, Factory). Each `context`
/// item is static text, `{command: …}` (its output, run as signal `__builtin_prompt_context_N`
/// with a 5 s timeout) or `{file: …}` (its content, at most 1 MiB, relative to the event's
/// cwd). The items, in order, are joined with a blank line into one add_context string.
struct AlwaysInjectOnPrompt: RulebookBuiltin {
    static let key = "claude_code_always_inject_on_prompt"
    static let alias = "always_inject_on_prompt"
    static let maxFileBytes = 1 << 20

    enum Item: Equatable, Sendable {
        case text(String)
        case command(String)
        case file(String)
    }

    let name = key
    var items: [Item]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> AlwaysInjectOnPrompt {
        var items: [Item] = []
        let list = options.raw("context")?.arrayValue ?? []
        if let value = options.members["context"], !value.isNull, value.arrayValue == nil {
            throw options.error("context", "expected a list of strings, {command: …} or {file: …}, got \(value.typeName)")
        }
        for (index, entry) in list.enumerated() {
            if let text = entry.stringValue {
                items.append(.text(text))
            } else if let command = entry["command"]?.stringValue, !command.allSatisfy(\.isWhitespace) {
                items.append(.command(command))
            } else if let file = entry["file"]?.stringValue, !file.isEmpty {
                items.append(.file(file))
            } else {
                throw options.error("context[\(index)]", "dynamic source must have either 'file' or 'command'")
            }
        }
        if enabled && items.isEmpty { throw options.error("context", "\(key): enabled but no context configured") }
        return AlwaysInjectOnPrompt(items: items)
    }

    /// upstream's shape: only the static strings, and only when there are some.
    var inputConfig: JSONValue? {
        let texts = items.compactMap { if case .text(let text) = $0 { text } else { nil } }
        return texts.isEmpty ? nil : ["static_contexts": .array(texts.map(JSONValue.string))]
    }

    var signalDefinitions: [SignalDefinition] {
        items.enumerated().compactMap { index, item in
            guard case .command(let command) = item else { return nil }
            return SignalDefinition(name: "__builtin_prompt_context_\(index)", command: command, timeoutSeconds: 5)
        }
    }

    func applies(to event: EventView) -> Bool {
        (event.harness == .claude || event.harness == .factory) && event.eventName == "UserPromptSubmit"
    }

    func signalNames(for event: EventView, environment: BuiltinEnvironment) -> [String] { signalDefinitions.map(\.name) }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        var parts: [String] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .text(let text):
                parts.append(text)
            case .command:
                guard let value = signals["__builtin_prompt_context_\(index)"] else { continue }
                parts.append(value.stringValue ?? value.jsonString)
            case .file(let file):
                let directory = event.workingDirectory
                if let content = Self.read(PathResolver.resolve(PathPatterns.expand(file, home: environment.home), from: directory).path) {
                    parts.append(content)
                }
            }
        }
        let nonEmpty = parts.filter { !$0.isEmpty }
        return nonEmpty.isEmpty ? .empty : DecisionSet(addContext: [nonEmpty.joined(separator: "\n\n")])
    }

    static func read(_ path: String) -> String? {
        ScriptLoader.read(path, written: path, limit: maxFileBytes, onlyIfText: false)?.content
    }
}
