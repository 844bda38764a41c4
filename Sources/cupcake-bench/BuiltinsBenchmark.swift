import CupcakeEngine
import CupcakeTrace
import Foundation

/// What the rulebook builtins cost: evaluate() of a typical Bash and Write event with all ten
/// enabled (the three global ones in a global layer), against the same engine set-up with none.
/// No builtin has a command to run on these events, so the difference is the builtins' own work
/// (routing them, evaluating them, synthesizing their decisions).
enum BuiltinsBenchmark {
    static let projectRulebook = """
        builtins:
          claude_code_always_inject_on_prompt:
            context: ["Follow the style guide."]
          git_pre_check:
            checks: [{command: "make test", message: "Tests must pass"}]
          post_edit_check:
            by_extension: {swift: {command: "swiftc -parse", message: "Swift syntax"}}
          rulebook_security_guardrails: {}
          protected_paths:
            paths: ["production.env", "src/legacy/", "*.secret", "/etc/"]
          git_block_no_verify: {}
          claude_code_enforce_full_file_read: {}
        """
    static let globalRulebook = """
        builtins:
          system_protection: {}
          sensitive_data_protection: {}
          cupcake_exec_protection: {}
        """

    static func run() async throws -> [(String, Double)] {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bench-builtins-\(getpid())").path
        try? FileManager.default.removeItem(atPath: tree)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        // The engine without builtins has empty policy directories, so it loads without warnings.
        for directory in ["on/.cupcake", "on/global", "off/.cupcake/policies/claude", "off/global/policies/claude", "src/scripts"] {
            try FileManager.default.createDirectory(atPath: tree + "/" + directory, withIntermediateDirectories: true)
        }
        try Data(projectRulebook.utf8).write(to: URL(fileURLWithPath: tree + "/on/.cupcake/rulebook.yml"))
        try Data(globalRulebook.utf8).write(to: URL(fileURLWithPath: tree + "/on/global/rulebook.yml"))
        try Data("#!/bin/sh\nmake all\n".utf8).write(to: URL(fileURLWithPath: tree + "/src/scripts/build.sh"))
        try FileManager.default.createSymbolicLink(atPath: tree + "/config", withDestinationPath: tree + "/src")

        let bash = Array("""
            {"session_id":"s","transcript_path":"/tmp/t.jsonl","cwd":"\(tree)","hook_event_name":"PreToolUse",
             "tool_name":"Bash","tool_input":{"command":"cd src && rm -rf build/*.o && ./scripts/build.sh > build.log 2>&1","description":"Rebuild"}}
            """.utf8)
        let write = Array("""
            {"session_id":"s","transcript_path":"/tmp/t.jsonl","cwd":"\(tree)","hook_event_name":"PreToolUse",
             "tool_name":"Write","tool_input":{"file_path":"\(tree)/config/settings.json","content":"{\\"debug\\": false}\\n"}}
            """.utf8)
        func engine(_ name: String) throws -> Engine {
            try Engine(configuration: EngineConfiguration(
                policyDirectory: "\(tree)/\(name)/.cupcake", harness: .claude, globalDirectory: "\(tree)/\(name)/global",
                cacheDirectory: tree + "/cache"), tracer: .disabled)
        }
        let on = try engine("on"), off = try engine("off")
        // Every builtin must have looked and let these through: a refusal would time another path.
        for event in [bash, write] {
            let decision = try await on.evaluate(eventJSON: event).decision
            guard decision == .allow(context: []) else { throw BenchmarkError.setup("builtins answered \(decision) on a harmless event") }
        }
        let bashTimes = try await paired(on, off, bash)
        let writeTimes = try await paired(on, off, write)
        return [
            ("builtins_bash_us", bashTimes.difference),
            ("builtins_write_us", writeTimes.difference),
            ("builtins_us", max(bashTimes.difference, writeTimes.difference)),
            ("evaluate_builtins_bash_us", bashTimes.on),
            ("evaluate_builtins_write_us", writeTimes.on),
        ]
    }

    /// Median microseconds per evaluate() with builtins, and the median over batches of its
    /// difference to the same batch without: each pair of batches runs back to back, so a
    /// machine switching speed mid-run moves both alike.
    static func paired(_ on: Engine, _ off: Engine, _ event: [UInt8]) async throws -> (on: Double, difference: Double) {
        let operations = max(1, Int(300 * Measure.scale))
        func batch(_ engine: Engine) async throws -> Double {
            let start = WallClock.monotonicNanoseconds()
            for _ in 0..<operations { _ = try await engine.evaluate(eventJSON: event) }
            return Double(WallClock.monotonicNanoseconds() - start) / Double(operations) / 1_000
        }
        // Warm caches first; not counted.
        _ = try await batch(on)
        _ = try await batch(off)
        var onTimes: [Double] = [], differences: [Double] = []
        for _ in 0..<31 {
            let with = try await batch(on)
            let without = try await batch(off)
            onTimes.append(with)
            differences.append(with - without)
        }
        return (Measure.median(onTimes), Measure.median(differences))
    }
}
