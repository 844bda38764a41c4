import Foundation
import Testing

@testable import CupcakeEngine

/// Reaching a protected target with `..`, `.`, or repeated slashes.
@Suite("Attacks: path traversal")
struct TraversalAttackTests {
    @Test("writes to /etc spelled another way are refused", arguments: [
        "/tmp/../etc/hosts", "//etc/hosts", "/etc/./hosts", "/etc//hosts", "/usr/lib/../../etc/hosts", "/../../../etc/hosts",
    ])
    func etcSpellings(path: String) async throws {
        let verdict = try await Adversary.evaluate(Adversary.claude("Write", ["file_path": path, "content": "x"], cwd: "/tmp"))
        #expect(verdict.denies("ADV-ETC-001"), "\(path): \(verdict)")
        #expect(verdict.event["resolved_file_path"] == "/etc/hosts")
    }

    @Test("relative paths climbing out of cwd are resolved against it")
    func relativeClimb() async throws {
        let site = try AttackSite()
        let depth = site.root.split(separator: "/").count
        let climb = String(repeating: "../", count: depth) + "etc/shadow"
        let verdict = try await Adversary.evaluate(Adversary.claude("Edit", ["file_path": climb, "old_string": "a", "new_string": "b"], cwd: site.root))
        #expect(verdict.denies("ADV-ETC-001"), "\(verdict)")
        let inside = try await Adversary.evaluate(Adversary.claude(
            "Write", ["file_path": "src/../.cupcake/./policies//x.rego", "content": "x"], cwd: site.root))
        #expect(inside.denies("ADV-CUPCAKE-001"), "\(inside)")
        #expect(inside.event["resolved_file_path"] == .string(site.path(".cupcake/policies/x.rego")))
    }

    @Test("Factory, OpenCode and Cursor paths are resolved the same way")
    func otherHarnesses() async throws {
        let factory = try await Adversary.evaluate(
            Adversary.factory("Create", ["file_path": "/var/../etc//sudoers.d/x", "content": "x"], cwd: "/tmp"), harness: .factory)
        #expect(factory.denies("ADV-ETC-001"), "\(factory)")
        let opencode = try await Adversary.evaluate(
            Adversary.opencode("edit", ["filePath": "../etc/./hosts", "oldString": "a", "newString": "b"], cwd: "/tmp"), harness: .opencode)
        #expect(opencode.denies("ADV-ETC-001"), "\(opencode)")
        let cursor = try await Adversary.evaluate(Adversary.cursorFile("afterFileEdit", "../../etc/hosts", root: "/tmp/x"), harness: .cursor)
        #expect(cursor.denies("ADV-ETC-001"), "\(cursor)")
        #expect(cursor.event["resolved_file_path"] == "/etc/hosts")
    }

    @Test("the same traversal through Bash", arguments: [
        "rm -rf /tmp/../etc/cron.d", "touch //etc/motd", "cp x /var/../etc/", "mv a /etc/./b",
    ])
    func shellTraversal(command: String) async throws {
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": command], cwd: "/tmp"))
        #expect(verdict.denies("ADV-ETC-001"), "\(command): \(verdict)")
    }
}
