import Foundation
import Testing

@testable import CupcakeEngine

/// TOB-EQTY-LAB-CUPCAKE-2: one protected target, the project's .cupcake directory, reached
/// through every tool that touches a file and through Bash, in every harness.
@Suite("Attacks: one target through every tool")
struct CrossToolAttackTests {
    static func claudeTools(_ site: AttackSite) -> [(String, [String: Any])] {
        [
            ("Read", ["file_path": site.path(".cupcake/rulebook.yml")]),
            ("Write", ["file_path": ".cupcake/policies/evil.rego", "content": "package evil"]),
            ("Edit", ["file_path": site.path(".cupcake/rulebook.yml"), "old_string": "a", "new_string": "b"]),
            ("MultiEdit", ["edits": [["file_path": ".cupcake/rulebook.yml", "old_string": "a", "new_string": "b"]]]),
            ("NotebookEdit", ["notebook_path": ".cupcake/x.ipynb", "cell_id": "1", "new_source": "x"]),
            ("Grep", ["pattern": "deny", "path": ".cupcake/"]),
            ("Glob", ["pattern": ".cupcake/**/*.rego"]),
            ("LS", ["path": site.path(".cupcake")]),
            ("Bash", ["command": "rm -rf .cupcake"]),
            ("Bash", ["command": "echo 'x' > .cupcake/rulebook.yml"]),
            ("Bash", ["command": "sed -i 's/true/false/' .cupcake/rulebook.yml"]),
            ("Bash", ["command": "mv .cupcake /tmp/gone"]),
            ("Bash", ["command": "chmod 000 .cupcake"]),
            ("Bash", ["command": "ln -sf /dev/null .cupcake/rulebook.yml"]),
        ]
    }

    @Test("Claude Code: every file tool and Bash")
    func claude() async throws {
        let site = try AttackSite()
        for (tool, input) in Self.claudeTools(site) {
            let verdict = try await Adversary.evaluate(Adversary.claude(tool, input, cwd: site.root))
            #expect(verdict.denies("ADV-CUPCAKE-001"), "\(tool) \(input): \(verdict)")
        }
    }

    @Test("Factory: Create, Edit, Read, LS and Execute")
    func factory() async throws {
        let site = try AttackSite()
        let tools: [(String, [String: Any])] = [
            ("Create", ["file_path": site.path(".cupcake/evil.rego"), "content": "x"]),
            ("Edit", ["file_path": ".cupcake/rulebook.yml", "old_str": "a", "new_str": "b"]),
            ("Read", ["file_path": ".cupcake/rulebook.yml"]),
            ("LS", ["directory_path": site.path(".cupcake")]),
            ("Execute", ["command": "rm -rf .cupcake", "riskLevel": "high"]),
        ]
        for (tool, input) in tools {
            let verdict = try await Adversary.evaluate(Adversary.factory(tool, input, cwd: site.root), harness: .factory)
            #expect(verdict.denies("ADV-CUPCAKE-001"), "\(tool): \(verdict)")
        }
    }

    @Test("OpenCode: write, edit, read, list, grep, glob and bash")
    func opencode() async throws {
        let site = try AttackSite()
        let tools: [(String, [String: Any])] = [
            ("write", ["filePath": site.path(".cupcake/evil.rego"), "content": "x"]),
            ("edit", ["filePath": ".cupcake/rulebook.yml", "oldString": "a", "newString": "b"]),
            ("read", ["filePath": site.path(".cupcake/rulebook.yml")]),
            ("list", ["path": ".cupcake"]),
            ("grep", ["pattern": "x", "path": ".cupcake"]),
            ("glob", ["pattern": ".cupcake/*.yml"]),
            ("bash", ["command": "rm -rf .cupcake"]),
        ]
        for (tool, input) in tools {
            let verdict = try await Adversary.evaluate(Adversary.opencode(tool, input, cwd: site.root), harness: .opencode)
            #expect(verdict.denies("ADV-CUPCAKE-001"), "\(tool): \(verdict)")
        }
    }

    @Test("Cursor: beforeReadFile, afterFileEdit and beforeShellExecution")
    func cursor() async throws {
        let site = try AttackSite()
        let read = try await Adversary.evaluate(Adversary.cursorFile("beforeReadFile", site.path(".cupcake/rulebook.yml"), root: site.root), harness: .cursor)
        #expect(read.denies("ADV-CUPCAKE-001"), "\(read)")
        let edit = try await Adversary.evaluate(Adversary.cursorFile("afterFileEdit", ".cupcake/rulebook.yml", root: site.root), harness: .cursor)
        #expect(edit.denies("ADV-CUPCAKE-001"), "\(edit)")
        let shell = try await Adversary.evaluate(Adversary.cursorShell("rm -rf .cupcake", cwd: site.root), harness: .cursor)
        #expect(shell.denies("ADV-CUPCAKE-001"), "\(shell)")
    }

    @Test("removing a parent of the protected directory is refused too", arguments: [
        "rm -rf *", "rm -rf ./", "rm -rf ..", "find . -delete", "git clean -fdx", "rm -rf /",
    ])
    func parents(command: String) async throws {
        let site = try AttackSite()
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": command], cwd: site.root))
        #expect(verdict.denies("ADV-CUPCAKE-001"), "\(command): \(verdict)")
    }
}
