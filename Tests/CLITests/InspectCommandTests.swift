import CupcakeTestSupport
import Foundation
import Testing

@Suite("cupcake inspect")
struct InspectCommandTests {
    private func inspect(_ extra: [String], directory: String = CLI.project) throws -> ChildProcess.Result {
        try CLI.run(["inspect", "--policy-dir", directory, "--cache-dir", CLI.cache] + extra)
    }

    @Test("--json lists each harness's policies with ids, packages, events, tools and signals, builtins and the bundle's entrypoints")
    func json() throws {
        let result = try inspect(["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try CLI.json(result.stdout)
        #expect(Set(object.keys) == ["version", "policy_directory", "harnesses"])
        let harnesses = object["harnesses"] as? [[String: Any]] ?? []
        #expect(harnesses.compactMap { $0["harness"] as? String } == ["claude", "cursor", "factory", "opencode"])
        let claude = try #require(harnesses.first)
        #expect(Set(claude.keys) == ["harness", "policies", "builtins", "signals", "bundle", "bundle_problem", "warnings"])
        let policies = claude["policies"] as? [[String: Any]] ?? []
        #expect(policies.count == 9)
        let commitMain = try #require(policies.first { $0["package"] as? String == "cupcake.policies.git_commit_main" })
        #expect(commitMain["id"] as? String == "GIT-002")
        #expect(commitMain["events"] as? [String] == ["PreToolUse"])
        #expect(commitMain["tools"] as? [String] == ["Bash"])
        #expect(commitMain["signals"] as? [String] == ["git_branch"])
        #expect(commitMain["path"] as? String == CLI.project + "/policies/claude/git_commit_main.rego")
        #expect(claude["builtins"] as? [String] == [])
        #expect(claude["signals"] as? [String] == ["git_branch"])
        let bundle = try #require(claude["bundle"] as? [String: Any])
        let entrypoints = bundle["entrypoints"] as? [String] ?? []
        #expect(entrypoints.first == "cupcake/system/evaluate")
        #expect(entrypoints.contains("cupcake/policies/bash_guard"))
        #expect(bundle["path"] as? String == CLI.project + "/bundles/claude.tar.gz")
        #expect(bundle["evaluation"] as? String == "aggregate")
    }

    @Test("builtins enabled are listed; without a bundle or opa the policies still are, with the reason")
    func builtinsWithoutBundle() throws {
        let directory = NSTemporaryDirectory() + "cupcake-inspect-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/policies/factory", withIntermediateDirectories: true)
        try "builtins:\n  git_block_no_verify: {}\n".write(toFile: directory + "/rulebook.yml", atomically: true, encoding: .utf8)
        try "# METADATA\n# custom:\n#   id: F-1\n#   routing:\n#     required_events: [PreToolUse]\n#     required_tools: [Execute]\npackage cupcake.policies.f\n"
            .write(toFile: directory + "/policies/factory/f.rego", atomically: true, encoding: .utf8)
        let result = try inspect(["--json", "--opa-path", "/nonexistent/opa"], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let factory = try #require((try CLI.json(result.stdout)["harnesses"] as? [[String: Any]])?.first)
        #expect(factory["harness"] as? String == "factory")
        #expect(factory["builtins"] as? [String] == ["git_block_no_verify"])
        #expect((factory["policies"] as? [[String: Any]])?.first?["id"] as? String == "F-1")
        #expect(factory["bundle"] is NSNull)
        #expect((factory["bundle_problem"] as? String)?.isEmpty == false)
        let text = try inspect(["--opa-path", "/nonexistent/opa"], directory: directory)
        #expect(text.stdout.contains("  builtins: git_block_no_verify\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  bundle: none ("))
    }

    @Test("--table: aligned rows of the policies, then builtins and bundle per harness")
    func table() throws {
        let result = try inspect(["--table", "--harness", "claude"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("HARNESS  ID        PACKAGE"), "\(header)")
        let row = try #require(lines.first { $0.contains("BASH-001") })
        // Columns line up: the package starts where the header's PACKAGE does.
        #expect(row.range(of: "cupcake.policies.bash_guard")?.lowerBound.utf16Offset(in: row) == header.range(of: "PACKAGE")?.lowerBound.utf16Offset(in: header))
        #expect(row.contains("PreToolUse") && row.contains("Bash"))
        #expect(lines.contains { $0.hasPrefix("HARNESS  BUILTINS") })
        #expect(lines.contains { $0.hasPrefix("claude") && $0.contains("cupcake/system/evaluate, cupcake/policies/aws_keys") })
    }

    @Test("the default output names the policies, their routing, the builtins and the entrypoints")
    func text() throws {
        let result = try inspect(["--harness", "cursor"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("cursor:\n"))
        #expect(text.contains("    MCP-001 cupcake.policies.mcp_guard: Destructive SQL through MCP\n"))
        #expect(text.contains("      events: beforeMCPExecution\n      tools: database_query\n"))
        #expect(text.contains("  builtins: none\n"))
        #expect(text.contains("    entrypoints: cupcake/system/evaluate, "))
        #expect(!text.contains("claude:"))
    }

    @Test("--json with --table, or a bad harness, exit 64; a missing directory 66")
    func usage() throws {
        #expect(try inspect(["--json", "--table"]).status == 64)
        #expect(try inspect(["--harness", "codex"]).status == 64)
        let missing = try inspect([], directory: "/nonexistent/.cupcake")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("does not exist"))
    }
}
