import Foundation
import Testing

@testable import CupcakeEngine

/// TOB-EQTY-LAB-CUPCAKE-4: an innocent name inside the project that is a symbolic link to a
/// protected target. Policies match `resolved_file_path`, so the link's target is what counts.
@Suite("Attacks: symbolic links")
struct SymlinkAttackTests {
    @Test("a file link inside the project to /etc/hosts: Write and Edit refused, in every harness")
    func fileLink() async throws {
        let site = try AttackSite()
        try site.link("notes.txt", to: "/etc/hosts")
        let events: [(Harness, [String: Any])] = [
            (.claude, Adversary.claude("Write", ["file_path": site.path("notes.txt"), "content": "x"], cwd: site.root)),
            (.claude, Adversary.claude("Edit", ["file_path": "notes.txt", "old_string": "a", "new_string": "b"], cwd: site.root)),
            (.factory, Adversary.factory("Create", ["file_path": "notes.txt", "content": "x"], cwd: site.root)),
            (.opencode, Adversary.opencode("write", ["filePath": site.path("notes.txt"), "content": "x"], cwd: site.root)),
            (.cursor, Adversary.cursorFile("afterFileEdit", site.path("notes.txt"), root: site.root)),
        ]
        for (harness, event) in events {
            let verdict = try await Adversary.evaluate(event, harness: harness)
            #expect(verdict.denies("ADV-ETC-001"), "\(harness): \(verdict)")
            #expect(verdict.event["resolved_file_path"] == "/etc/hosts")
            #expect(verdict.event["is_symlink"] == true)
        }
    }

    @Test("a dangling link resolves to where it points, relative or absolute")
    func danglingLink() async throws {
        let site = try AttackSite()
        try site.link("deep/nested/dir/innocent.txt", to: "../../../.cupcake/new-policy.rego")
        try site.link("cron", to: "/etc/cron.d/nonexistent-cupcake-job")
        let relative = try await Adversary.evaluate(Adversary.claude(
            "Write", ["file_path": site.path("deep/nested/dir/innocent.txt"), "content": "package evil"], cwd: site.root))
        #expect(relative.denies("ADV-CUPCAKE-001"), "\(relative)")
        #expect(relative.event["resolved_file_path"] == .string(site.path(".cupcake/new-policy.rego")))
        let absolute = try await Adversary.evaluate(Adversary.claude("Write", ["file_path": "cron", "content": "* * * * * root x"], cwd: site.root))
        #expect(absolute.denies("ADV-ETC-001"), "\(absolute)")
        #expect(absolute.event["resolved_file_path"] == "/etc/cron.d/nonexistent-cupcake-job")
    }

    @Test("a directory link: every file tool reaching .cupcake through it is refused")
    func directoryLink() async throws {
        let site = try AttackSite()
        try site.link("backup", to: site.path(".cupcake"))
        let tools: [(String, [String: Any])] = [
            ("Read", ["file_path": "backup/rulebook.yml"]),
            ("Write", ["file_path": "backup/policies/evil.rego", "content": "package evil"]),
            ("Edit", ["file_path": site.path("backup/rulebook.yml"), "old_string": "a", "new_string": "b"]),
            ("Grep", ["pattern": "secret", "path": site.path("backup")]),
            ("Glob", ["pattern": "backup/**/*.rego"]),
            ("LS", ["path": "backup"]),
        ]
        for (tool, input) in tools {
            let verdict = try await Adversary.evaluate(Adversary.claude(tool, input, cwd: site.root))
            #expect(verdict.denies("ADV-CUPCAKE-001"), "\(tool): \(verdict)")
        }
        let shell = try await Adversary.evaluate(Adversary.claude("Bash", ["command": "rm -rf backup/policies"], cwd: site.root))
        #expect(shell.denies("ADV-CUPCAKE-001"), "\(shell)")
    }

    @Test("a chain of links is followed to its end")
    func chain() async throws {
        let site = try AttackSite()
        try site.link("link1", to: "/etc/passwd")
        try site.link("link2", to: "link1")
        try site.link("sub/link3", to: "../link2")
        let verdict = try await Adversary.evaluate(Adversary.claude(
            "Edit", ["file_path": "sub/link3", "old_string": "root", "new_string": "toor"], cwd: site.root))
        #expect(verdict.denies("ADV-ETC-001"), "\(verdict)")
        #expect(verdict.event["resolved_file_path"] == "/etc/passwd")
        #expect(verdict.event["original_file_path"] == "sub/link3")
    }

    @Test("MultiEdit: one edit through a link is enough")
    func multiEditLink() async throws {
        let site = try AttackSite()
        try site.link("hosts", to: "/etc/hosts")
        let verdict = try await Adversary.evaluate(Adversary.claude("MultiEdit", [
            "file_path": site.path("src/main.rs"),
            "edits": [["file_path": site.path("src/main.rs"), "old_string": "a", "new_string": "b"],
                      ["file_path": "hosts", "old_string": "a", "new_string": "b"]],
        ], cwd: site.root))
        #expect(verdict.denies("ADV-ETC-001"), "\(verdict)")
    }

    @Test("a link loop neither hangs nor crashes; the path stays inside the project")
    func loop() async throws {
        let site = try AttackSite()
        try site.link("a", to: "b")
        try site.link("b", to: "a")
        let verdict = try await Adversary.evaluate(Adversary.claude("Write", ["file_path": "a/x", "content": "x"], cwd: site.root))
        #expect(verdict.isAllow, "\(verdict)")
        #expect(verdict.event["resolved_file_path"]?.stringValue?.hasPrefix(site.root) == true)
    }
}
