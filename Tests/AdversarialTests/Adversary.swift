import CupcakeTestSupport
import CupcakeTrace
import Foundation
import Synchronization

@testable import CupcakeEngine

/// Runs hook events as an attacker would shape them against the adversarial fixture project
/// (Fixtures/adversarial/.cupcake, policies written the way an upstream Cupcake user writes
/// them with the preprocessing fields), in process through `Engine` or as `cupcake eval`.
enum Adversary {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let project = root.appendingPathComponent("Fixtures/adversarial/.cupcake").path
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-adversarial-\(getpid())").path

    private static let engines = Mutex<[Harness: Engine]>([:])

    /// One engine per harness, loaded once for the whole suite.
    static func engine(_ harness: Harness) throws -> Engine {
        if let engine = engines.withLock({ $0[harness] }) { return engine }
        let engine = try Engine(
            configuration: EngineConfiguration(policyDirectory: project, harness: harness, cacheDirectory: cache),
            tracer: .disabled)
        engines.withLock { $0[harness] = engine }
        return engine
    }

    /// The verdict on an event: the decision's name ("deny", "allow", ...) and its rule ids.
    struct Verdict: CustomStringConvertible {
        var decision: String
        var ruleIDs: [String]
        var reason: String
        var event: JSONValue

        var description: String { "\(decision) \(ruleIDs) \(reason)" }
        var isAllow: Bool { decision == "allow" }
        func denies(_ ruleID: String) -> Bool { decision == "deny" && ruleIDs.contains(ruleID) }
    }

    static func evaluate(_ event: [String: Any], harness: Harness = .claude,
                         engine custom: Engine? = nil) async throws -> Verdict {
        let bytes = try JSONSerialization.data(withJSONObject: event)
        return try await evaluate(bytes: Array(bytes), harness: harness, engine: custom)
    }

    static func evaluate(bytes: [UInt8], harness: Harness = .claude, engine custom: Engine? = nil) async throws -> Verdict {
        let result = try await (custom ?? engine(harness)).evaluate(eventJSON: bytes)
        switch result.decision {
        case .halt(let verdict), .deny(let verdict), .block(let verdict), .ask(let verdict), .modify(let verdict, _):
            return Verdict(decision: result.decision.name, ruleIDs: verdict.ruleIDs, reason: verdict.reason, event: result.event.raw)
        case .allow:
            return Verdict(decision: "allow", ruleIDs: [], reason: "", event: result.event.raw)
        }
    }

    // MARK: Event shapes, one per harness

    /// A PreToolUse event of Claude Code (also Factory's and OpenCode's after normalization).
    static func claude(_ tool: String, _ input: [String: Any], cwd: String) -> [String: Any] {
        ["session_id": "adversary", "transcript_path": "/tmp/t.jsonl", "cwd": cwd, "hook_event_name": "PreToolUse",
         "permission_mode": "default", "tool_name": tool, "tool_input": input]
    }

    static func factory(_ tool: String, _ input: [String: Any], cwd: String) -> [String: Any] {
        ["sessionId": "adversary", "cwd": cwd, "hookEventName": "PreToolUse", "toolName": tool, "toolInput": input]
    }

    static func opencode(_ tool: String, _ args: [String: Any], cwd: String) -> [String: Any] {
        ["session_id": "adversary", "cwd": cwd, "hook_event_name": "PreToolUse", "agent": "build", "tool": tool, "args": args]
    }

    static func cursorShell(_ command: String, cwd: String) -> [String: Any] {
        ["hook_event_name": "beforeShellExecution", "conversation_id": "adversary", "generation_id": "g",
         "workspace_roots": [cwd], "command": command, "cwd": cwd]
    }

    static func cursorFile(_ event: String, _ path: String, root: String) -> [String: Any] {
        ["hook_event_name": event, "conversation_id": "adversary", "generation_id": "g",
         "workspace_roots": [root], "file_path": path, "content": "", "edits": [] as [Any]]
    }

    /// A Bash command as each harness sends it.
    static func shell(_ command: String, harness: Harness, cwd: String) -> [String: Any] {
        switch harness {
        case .claude: return claude("Bash", ["command": command], cwd: cwd)
        case .factory: return factory("Execute", ["command": command], cwd: cwd)
        case .opencode: return opencode("bash", ["command": command], cwd: cwd)
        case .cursor: return cursorShell(command, cwd: cwd)
        }
    }

    /// `cupcake eval --harness H` on the fixture project, as a hook runs it.
    static func cli(_ stdin: Data, harness: String = "claude", extra: [String] = []) throws -> ChildProcess.Result {
        try ChildProcess.run(
            try ChildProcess.executable(named: "cupcake"),
            ["eval", "--harness", harness, "--policy-dir", project, "--cache-dir", cache] + extra, stdin: stdin)
    }
}

/// A temporary project directory for one attack: files, directories and symbolic links, removed
/// when released. `root` has its own links resolved, so expected paths are `root + "/x"`.
final class AttackSite {
    let root: String

    init() throws {
        let made = NSTemporaryDirectory() + "cupcake-attack-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: root + "/.cupcake/policies", withIntermediateDirectories: true)
        try Data("signals: {}\n".utf8).write(to: URL(fileURLWithPath: root + "/.cupcake/rulebook.yml"))
        try FileManager.default.createDirectory(atPath: root + "/src", withIntermediateDirectories: true)
        try Data("fn main() {}\n".utf8).write(to: URL(fileURLWithPath: root + "/src/main.rs"))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    @discardableResult
    func file(_ relative: String, _ content: String = "", mode: Int = 0o644) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
        return full
    }

    @discardableResult
    func link(_ relative: String, to target: String) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        return full
    }
}
