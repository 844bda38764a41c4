import CupcakeEngine
import CupcakeTrace
import Foundation

/// Figures for preprocessing (decoding an event and adding the resolved-path, affected-path and
/// script fields) and for a whole evaluation of a 5 MB Bash event.
enum PreprocessBenchmark {
    static func run() async throws -> [(String, Double)] {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bench-pre-\(getpid())").path
        try? FileManager.default.removeItem(atPath: tree)
        try FileManager.default.createDirectory(atPath: tree + "/src/scripts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data("#!/bin/sh\nmake all\n".utf8).write(to: URL(fileURLWithPath: tree + "/src/scripts/build.sh"))
        try FileManager.default.createSymbolicLink(atPath: tree + "/config", withDestinationPath: tree + "/src")

        // A typical Write: an absolute path through one directory link.
        let write = Array("""
            {"session_id":"s","transcript_path":"/tmp/t.jsonl","cwd":"\(tree)","hook_event_name":"PreToolUse",
             "tool_name":"Write","tool_input":{"file_path":"\(tree)/config/settings.json","content":"{\\"debug\\": false}\\n"}}
            """.utf8)
        // A typical Bash: a chain with cd, a removal, a redirection and a script.
        let bash = Array("""
            {"session_id":"s","transcript_path":"/tmp/t.jsonl","cwd":"\(tree)","hook_event_name":"PreToolUse",
             "tool_name":"Bash","tool_input":{"command":"cd src && rm -rf build/*.o && ./scripts/build.sh > build.log 2>&1","description":"Rebuild"}}
            """.utf8)
        let operations = 2_000
        let writeTime = Measure.nanosecondsPerOperation(batches: 15, operations: operations) { _ in
            (try? HookEvent.decode(write, harness: .claude))?.raw.objectValue?.count ?? 0
        }
        let bashTime = Measure.nanosecondsPerOperation(batches: 15, operations: operations) { _ in
            (try? HookEvent.decode(bash, harness: .claude))?.raw.objectValue?.count ?? 0
        }
        guard let checked = try? HookEvent.decode(bash, harness: .claude),
              checked.raw["affected_parent_directories"] != nil, checked.raw["executed_script_content"] != nil else {
            throw BenchmarkError.setup("the Bash event did not get its preprocessing fields")
        }
        return [
            ("preprocess_write_us", writeTime.median / 1_000),
            ("preprocess_bash_us", bashTime.median / 1_000),
            ("evaluate_5mb_ms", try await largeEventMilliseconds()),
        ]
    }

    /// Median milliseconds of evaluate() on a 5 MB Bash event (padding, then `; rm -rf /`) on the
    /// demo project, tracing off; each must come back as the demo policy's denial, a real verdict.
    static func largeEventMilliseconds() async throws -> Double {
        let project = try EngineBenchmark.projectWithoutSignals()
        let engine = try Engine(
            configuration: EngineConfiguration(policyDirectory: project, harness: .claude, cacheDirectory: project + "/../cache"),
            tracer: .disabled)
        let command = "echo " + String(repeating: "a", count: 5_000_000) + "; rm -rf /"
        let event = Array("""
            {"session_id":"s","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"\(command)"}}
            """.utf8)
        var values: [Double] = []
        for _ in 0..<max(3, Int(9 * Measure.scale)) {
            let start = WallClock.monotonicNanoseconds()
            let result = try await engine.evaluate(eventJSON: event)
            values.append(Double(WallClock.monotonicNanoseconds() - start) / 1_000_000)
            guard case .deny(let verdict) = result.decision, verdict.reason.contains("rm -rf /") else {
                throw BenchmarkError.setup("the 5 MB event was answered \(result.decision), not the demo policy's denial")
            }
        }
        return Measure.median(values)
    }
}
