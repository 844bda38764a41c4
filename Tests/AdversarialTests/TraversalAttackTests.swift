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

    @Test("the same traversal through Bash", arguments: [
        "rm -rf /tmp/../etc/cron.d", "touch //etc/motd", "cp x /var/../etc/", "mv a /etc/./b",
    ])
    func shellTraversal(command: String) async throws {
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": command], cwd: "/tmp"))
        #expect(verdict.denies("ADV-ETC-001"), "\(command): \(verdict)")
    }
}
