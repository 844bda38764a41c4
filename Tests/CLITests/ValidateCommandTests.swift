import CupcakeTestSupport
import Foundation
import Testing

@Suite("cupcake validate")
struct ValidateCommandTests {
    /// A scratch policy directory holding `files` (relative path to text).
    private func project(_ files: [String: String]) throws -> String {
        let directory = NSTemporaryDirectory() + "cupcake-validate-cli-\(UUID().uuidString)"
        // Every project has the standard aggregator unless the test says otherwise.
        var files = files
        if files["system/evaluate.rego"] == nil { files["system/evaluate.rego"] = Self.aggregator }
        for (relative, text) in files {
            let path = directory + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static let aggregator = """
        package cupcake.system
        import rego.v1
        evaluate := {"denials": collect_verbs("deny"), "asks": collect_verbs("ask")}
        collect_verbs(verb_name) := [d | walk(data.cupcake.policies, [path, s]); path[count(path) - 1] == verb_name; some d in s]

        """

    private static let misspeltEvent = """
        # METADATA
        # custom:
        #   routing:
        #     required_events: [PreToolUs]
        package cupcake.policies.t

        deny contains decision if {
        	decision := {"rule_id": "T", "reason": "t"}
        }

        """

    @Test("the demo project validates clean for every harness, and for all at once")
    func demoProjectIsClean() throws {
        for harness in ["claude", "cursor", "factory", "opencode"] {
            let result = try CLI.run(["validate", "--policy-dir", CLI.project, "--harness", harness])
            #expect(result.status == 0, "\(harness): \(result.stdout)")
            #expect(result.stdout.hasSuffix("(\(harness)): no problems\n"), "\(result.stdout)")
        }
        let all = try CLI.run(["validate", "--policy-dir", CLI.project])
        #expect(all.status == 0)
        #expect(all.stdout.contains("(claude, cursor, factory, opencode): no problems"), "\(all.stdout)")
    }

    @Test("--json: the documented keys, each finding with severity, kind, file, line and message")
    func json() throws {
        let clean = try CLI.json(try CLI.run(["validate", "--policy-dir", CLI.project, "--json"]).stdout)
        #expect(Set(clean.keys) == ["version", "policy_directory", "harnesses", "files_checked", "counts", "valid", "findings"])
        #expect(clean["valid"] as? Bool == true)
        #expect((clean["counts"] as? [String: Int]) == ["files": 33, "errors": 0, "warnings": 0])
        #expect((clean["files_checked"] as? [String])?.first == CLI.project + "/rulebook.yml")

        let directory = try project(["policies/claude/t.rego": Self.misspeltEvent])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try CLI.run(["validate", "--policy-dir", directory, "--json"])
        #expect(result.status == 1)
        let object = try CLI.json(result.stdout)
        #expect(object["valid"] as? Bool == false)
        #expect(object["harnesses"] as? [String] == ["claude"])
        let findings = object["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 1)
        #expect(findings.first?["severity"] as? String == "error")
        #expect(findings.first?["kind"] as? String == "unknown-event")
        #expect(findings.first?["file"] as? String == directory + "/policies/claude/t.rego")
        #expect(findings.first?["line"] as? Int == 4)
        #expect((findings.first?["message"] as? String)?.contains("did you mean PreToolUse?") == true)
    }

    @Test("exit 1 with errors, each on a file:line line; 0 with warnings only")
    func exitCodes() throws {
        let broken = try project(["policies/claude/t.rego": Self.misspeltEvent])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let failed = try CLI.run(["validate", "--policy-dir", broken])
        #expect(failed.status == 1)
        #expect(failed.stdout.hasPrefix(broken + "/policies/claude/t.rego:4: error: "), "\(failed.stdout)")
        #expect(failed.stdout.contains("[unknown-event]\nchecked 1 file (claude): 1 error, 0 warnings\n"))

        let warned = try project(["rulebook.yml": "signal: echo\n", "policies/claude/t.rego": Self.misspeltEvent.replacingOccurrences(of: "PreToolUs", with: "PreToolUse")])
        defer { try? FileManager.default.removeItem(atPath: warned) }
        let passed = try CLI.run(["validate", "--policy-dir", warned])
        #expect(passed.status == 0)
        #expect(passed.stdout.contains("rulebook.yml:1: warning: unknown top-level key \"signal\" ignored [rulebook-key]"), "\(passed.stdout)")
    }

    @Test("bad command lines exit 64, a missing directory 66, --help 0")
    func usage() throws {
        let harness = try CLI.run(["validate", "--policy-dir", CLI.project, "--harness", "codex"])
        #expect(harness.status == 64)
        #expect(harness.stderr.contains("--harness must be one of claude, cursor, factory, opencode"))
        let option = try CLI.run(["validate", "--strict"])
        #expect(option.status == 64)
        #expect(option.stderr.contains("unknown option --strict"))
        let missing = try CLI.run(["validate", "--policy-dir", "/nonexistent/.cupcake"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("policy directory /nonexistent/.cupcake does not exist"))
        let help = try CLI.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: cupcake validate"))
    }
}
