import CupcakeTestSupport
import Foundation
import Testing

@testable import CupcakeEngine

/// A policy whose evaluation never returns, run by `cupcake eval` as a hook runs it: the deadline
/// (ticked by a timer signal in the CLI, no thread) cuts it off and the answer is a refusal.
@Suite("Attacks: a policy that never returns")
struct EndlessPolicyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A project whose prebuilt bundle's aggregate entrypoint spins forever (the loop fixture,
    /// its only entrypoint renamed `cupcake/system/evaluate`).
    static func project(in site: AttackSite) throws -> String {
        let source = try String(contentsOfFile: fixtures + "/policies/src/loop.wat", encoding: .utf8)
        let renamed = source.replacingOccurrences(of: #"{\"loop/main\":0}"#, with: #"{\"cupcake/system/evaluate\":0}"#)
        #expect(renamed != source)
        let bundle = site.path("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Data(try wasmBinary(fromText: renamed)).write(to: URL(fileURLWithPath: bundle + "/policy.wasm"))
        try Data(#"{"revision":"","roots":[""],"wasm":[{"entrypoint":"cupcake/system/evaluate","module":"/policy.wasm"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: bundle + "/.manifest"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: bundle + "/data.json"))
        let policies = site.path(".cupcake/policies/claude")
        try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: true)
        try Data("""
            # METADATA
            # custom:
            #   id: ENDLESS-1
            #   routing:
            #     required_events: ["PreToolUse"]
            #     required_tools: ["Bash"]
            package cupcake.policies.endless

            """.utf8).write(to: URL(fileURLWithPath: policies + "/endless.rego"))
        try FileManager.default.createDirectory(atPath: site.path(".cupcake/bundles"), withIntermediateDirectories: true)
        let tar = try ChildProcess.run(URL(fileURLWithPath: "/bin/tar"),
                                       ["-C", bundle, "-czf", site.path(".cupcake/bundles/claude.tar.gz"), "policy.wasm", ".manifest", "data.json"])
        #expect(tar.status == 0)
        return site.path(".cupcake")
    }

    /// `cupcake eval` on `project`, under `timeout`: a deadline that never fires becomes a
    /// failure instead of a hung suite (the deadline is 1 s; 60 s is far beyond it).
    static func eval(_ project: String, cache: String, event: Data) throws -> ChildProcess.Result {
        try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/timeout"),
            ["60", try ChildProcess.executable(named: "cupcake").path, "eval", "--harness", "claude", "--policy-dir", project,
             "--cache-dir", cache, "--global-dir", "none"],
            stdin: event)
    }

    @Test("cupcake eval cuts the endless evaluation off at its deadline and refuses, naming the deadline")
    func cutOffAtTheDeadline() throws {
        let site = try AttackSite()
        let project = try Self.project(in: site)
        let event = try JSONSerialization.data(withJSONObject: Adversary.claude("Bash", ["command": "ls"], cwd: site.root))
        let result = try Self.eval(project, cache: site.path("cache"), event: event)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"permissionDecision\":\"deny\""), "\(result.stdout)")
        #expect(result.stdout.contains("deadline"), "\(result.stdout)")
    }

    @Test("a long evaluation (many deadline ticks while wasm runs) ends with the policy's own answer")
    func longEvaluationUnderTicks() throws {
        let command = "echo " + String(repeating: "a", count: 2_000_000) + " ; rm -rf /"
        let event = try JSONSerialization.data(withJSONObject: [
            "hook_event_name": "PreToolUse", "session_id": "s", "cwd": "/tmp", "tool_name": "Bash",
            "tool_input": ["command": command],
        ])
        let site = try AttackSite()
        let result = try Self.eval(Self.fixtures + "/project/.cupcake", cache: site.path("cache"), event: event)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Dangerous command blocked: rm -rf /"), "\(result.stdout)")
    }
}
