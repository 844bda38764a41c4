import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// What a trace says about builtins: routing names them, `builtins` (eval) wraps them, one
/// `builtin` span (builtins category) each, and their commands are `signal` spans.
@Suite("Builtins in traces")
struct BuiltinTracingTests {
    static func spans(_ sink: InMemorySink) throws -> [[String: Any]] {
        try sink.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("route, builtins, builtin and signal spans say which ran and what they decided")
    func spans() async throws {
        let project = try BuiltinProject(rulebook: """
            builtins:
              git_block_no_verify: {}
              git_pre_check:
                checks: [{command: "exit 3", message: "Tests"}]
              claude_code_enforce_full_file_read: {}
            """)
        let sink = InMemorySink()
        _ = try await project.decide(BuiltinProject.bash("git commit --no-verify -m x"), engine: try project.engine(sink: sink))
        let spans = try Self.spans(sink)
        let route = try #require(spans.first { $0["span"] as? String == "route" })
        #expect(route["builtins"] as? [String] == ["git_pre_check", "git_block_no_verify"], "\(route)")
        let stage = try #require(spans.first { $0["span"] as? String == "builtins" })
        #expect(stage["builtin_count"] as? Int == 2)
        #expect(stage["decision_count"] as? Int == 2)
        let each = spans.filter { $0["span"] as? String == "builtin" }
        #expect(each.map { $0["builtin"] as? String } == ["git_pre_check", "git_block_no_verify"])
        #expect(each.map { $0["decision"] as? String } == ["halt", "deny"])
        let signal = try #require(spans.first { $0["span"] as? String == "signal" })
        #expect(signal["signal_name"] as? String == "__builtin_git_check_0", "\(signal)")
        #expect(signal["exit_code"] as? Int == 3)
        let evaluation = try #require(spans.first { $0["span"] as? String == "evaluate" })
        for span in [route, stage, signal] + each {
            #expect(span["trace_id"] as? String == evaluation["trace_id"] as? String, "one trace: \(span)")
        }
    }

    @Test("the builtin spans are off unless the builtins category is on")
    func category() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  git_block_no_verify: {}\n")
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .eval, sink: sink))
        let engine = try Engine(configuration: EngineConfiguration(policyDirectory: project.policyDirectory, cacheDirectory: project.root + "/c"),
                                tracer: tracer)
        _ = try await project.decide(BuiltinProject.bash("git commit -n"), engine: engine)
        let names = try Self.spans(sink).compactMap { $0["span"] as? String }
        #expect(names.contains("builtins"))
        #expect(!names.contains("builtin"))
    }
}
