import CupcakeTrace
import Foundation

@testable import CupcakeEngine

/// A project of rulebook builtins alone (no Rego, no bundle, no opa), and events for it.
final class BuiltinProject {
    let root: String
    var policyDirectory: String { root + "/.cupcake" }

    /// `rulebook` is the whole rulebook.yml; `global` makes a global layer with that rulebook.
    init(rulebook: String, global: String? = nil) throws {
        let made = NSTemporaryDirectory() + "cupcake-builtins-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made + "/.cupcake", withIntermediateDirectories: true)
        let resolved = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        root = resolved
        globalDirectory = global == nil ? nil : resolved + "/global"
        try write(".cupcake/rulebook.yml", rulebook)
        if let global { try write("global/rulebook.yml", global) }
    }

    let globalDirectory: String?

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ content: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
    }

    func engine(_ harness: Harness = .claude, sink: InMemorySink? = nil) throws -> Engine {
        let configuration = EngineConfiguration(
            policyDirectory: policyDirectory, harness: harness, globalDirectory: globalDirectory, cacheDirectory: root + "/cache")
        let tracer = sink.map { Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: $0)) } ?? .disabled
        return try Engine(configuration: configuration, tracer: tracer)
    }

    /// The final decision on an event, given as a JSON object text (`cwd` is filled in).
    func decide(_ event: String, harness: Harness = .claude, engine: Engine? = nil) async throws -> FinalDecision {
        var object = try JSONValue.parse(event).objectValue ?? [:]
        if object["cwd"] == nil && object["workspace_roots"] == nil { object["cwd"] = .string(root) }
        let result = try await (engine ?? self.engine(harness)).evaluate(eventJSON: JSONValue.object(object).serialized())
        return result.decision
    }

    /// A Claude Code PreToolUse of `tool` with `input`.
    static func pre(_ tool: String, _ input: JSONValue) -> String {
        JSONValue.object(["hook_event_name": "PreToolUse", "session_id": "s", "tool_name": .string(tool), "tool_input": input]).jsonString
    }

    static func bash(_ command: String) -> String { pre("Bash", ["command": .string(command)]) }
}

extension FinalDecision {
    /// The rule ids of the verdict (empty for allow).
    var ruleIDs: [String] { verdict?.ruleIDs ?? [] }
}
