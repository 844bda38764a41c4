import CupcakeTestSupport
import Foundation
import Testing

/// The README's CupcakeEngine example is the code of `Sources/cupcake-example`, which the build
/// compiles; this checks the two have not drifted apart, then runs it as the README says.
@Suite("README: the CupcakeEngine example")
struct ReadmeExampleTests {
    /// The example's code: the lines of main.swift between its markers.
    static func exampleCode() throws -> String {
        let source = try String(contentsOf: CLI.root.appendingPathComponent("Sources/cupcake-example/main.swift"), encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let begin = try #require(lines.firstIndex(of: "// README example begin"))
        let end = try #require(lines.firstIndex(of: "// README example end"))
        return lines[(begin + 1)..<end].joined(separator: "\n")
    }

    @Test("the README shows exactly the code the build compiles")
    func readmeMatchesTheTarget() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        let code = try Self.exampleCode()
        #expect(code.contains("import CupcakeEngine") && code.contains("engine.evaluate"))
        #expect(blocks.contains(code), "README.md has no ```swift block equal to Sources/cupcake-example/main.swift's example")
    }

    @Test("run in the demo project with CUPCAKE_TRACE=eval: the decision on stdout, one trace of JSON lines on stderr")
    func runsAsTheReadmeSays() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-example-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let run = try ChildProcess.run(
            try ChildProcess.executable(named: "cupcake-example"), [],
            environment: ["CUPCAKE_TRACE": "eval", "XDG_CACHE_HOME": cache, "HOME": cache, "PATH": "/usr/bin:/bin"],
            currentDirectory: CLI.root.appendingPathComponent("Fixtures/project").path)
        #expect(run.status == 0, "\(run.stderr)")
        let output = run.stdout.split(separator: "\n").map(String.init)
        #expect(output.count == 3)
        #expect(output.first == "deny")
        #expect(output.dropFirst().first == "Dangerous command blocked: rm -rf /")
        let answer = try CLI.json(try #require(output.last))
        let specific = try #require(answer["hookSpecificOutput"] as? [String: Any])
        #expect(specific["permissionDecision"] as? String == "deny")

        let lines = try run.stderrLines.map(TraceLine.init)
        #expect(Set(lines.compactMap(\.traceID)).count == 1)  // one evaluation, one trace
        #expect(lines.compactMap(\.span) == ["preprocess", "route", "gather_signals", "wasm_eval", "synthesize", "execute_actions", "evaluate"])
        let root = try #require(lines.last)
        #expect(root["final_decision"] as? String == "deny")
        #expect(root["parent_span_id"] is NSNull)
    }
}
