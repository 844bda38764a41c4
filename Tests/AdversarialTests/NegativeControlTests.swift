import Foundation
import Testing

@testable import CupcakeEngine

/// What must stay allowed: the defences may not turn ordinary work into refusals.
@Suite("Negative controls")
struct NegativeControlTests {
    @Test("ordinary reads, project writes, benign links and commands are allowed")
    func ordinaryWork() async throws {
        let site = try AttackSite()
        try site.link("node_modules/.bin/tsc-real", to: "/usr/bin/true")
        let events: [(Harness, [String: Any])] = [
            (.claude, Adversary.claude("Read", ["file_path": "/etc/hosts"], cwd: site.root)),
            (.claude, Adversary.claude("Read", ["file_path": site.path("src/main.rs")], cwd: site.root)),
            (.claude, Adversary.claude("Write", ["file_path": "src/lib.rs", "content": "pub fn f() {}"], cwd: site.root)),
            (.claude, Adversary.claude("Edit", ["file_path": "src/main.rs", "old_string": "main", "new_string": "start"], cwd: site.root)),
            (.claude, Adversary.claude("Grep", ["pattern": "main", "path": site.path("src")], cwd: site.root)),
            (.claude, Adversary.claude("Glob", ["pattern": "src/**/*.rs"], cwd: site.root)),
            (.claude, Adversary.claude("Bash", ["command": "ln -s src/main.rs main"], cwd: site.root)),
            (.claude, Adversary.claude("Bash", ["command": "ln -sf node_modules/.bin/tsc-real tsc"], cwd: site.root)),
            (.claude, Adversary.claude("Bash", ["command": "ls -la && git status"], cwd: site.root)),
            (.claude, Adversary.claude("Bash", ["command": "rm -rf build/ && mkdir build && cargo build > build/log.txt"], cwd: site.root)),
            (.claude, Adversary.claude("Bash", ["command": "git commit -m 'Fix  spacing in rm -rf docs'"], cwd: site.root)),
            (.factory, Adversary.factory("Create", ["file_path": site.path("README.md"), "content": "# x"], cwd: site.root)),
            (.opencode, Adversary.opencode("write", ["filePath": site.path("notes.md"), "content": "x"], cwd: site.root)),
            (.cursor, Adversary.cursorFile("beforeReadFile", "/etc/hosts", root: site.root)),
            (.cursor, Adversary.cursorShell("npm test", cwd: site.root)),
        ]
        for (harness, event) in events {
            let verdict = try await Adversary.evaluate(event, harness: harness)
            #expect(verdict.isAllow, "\(harness) \(event["tool_name"] ?? event["tool"] ?? event["hook_event_name"] ?? ""): \(verdict)")
        }
    }

    @Test("the preprocessed fields are there on allowed events too")
    func fieldsOnAllowedEvents() async throws {
        let site = try AttackSite()
        let verdict = try await Adversary.evaluate(Adversary.claude("Write", ["file_path": "src/lib.rs", "content": "x"], cwd: site.root))
        #expect(verdict.isAllow)
        #expect(verdict.event["resolved_file_path"] == .string(site.path("src/lib.rs")))
        #expect(verdict.event["is_symlink"] == false)
        #expect(verdict.event["tool_input"]?["new_string"] == "x")
    }
}
