import CupcakeTestSupport
import Foundation
import Testing
@testable import CupcakeEngine

@Suite("rulebook loading from a policy directory")
struct RulebookLoadingTests {
    /// A fresh temporary directory for one test.
    private func makeDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "cupcake-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func write(_ text: String, to path: String, executable: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
    }

    @Test("no rulebook.yml and no directories: the empty rulebook")
    func emptyDirectory() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rulebook = try Rulebook.load(policyDirectory: directory)
        #expect(rulebook.signals.isEmpty && rulebook.onAnyDenial.isEmpty && rulebook.actionsByRuleID.isEmpty && rulebook.warnings.isEmpty)
    }

    @Test("a rulebook.yml that is no regular file (a directory, a FIFO nobody writes to) is an error, at once",
          arguments: ["directory", "fifo"])
    func rulebookNotAFile(kind: String) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/rulebook.yml"
        if kind == "fifo" {
            #expect(mkfifo(path, 0o644) == 0)
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        #expect {
            try Rulebook.load(policyDirectory: directory)
        } throws: { error in
            guard case ConfigError.unreadable(let reported, let reason) = error else { return false }
            return reported == path && reason.hasPrefix("cannot read the file")
        }
    }

    @Test("executables in signals/ and actions/ are added by stem, quoted for sh; rulebook entries win")
    func scripts() throws {
        let directory = try makeDirectory() + "/it's here"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        try write("signals:\n  branch: git branch\nactions:\n  by_rule_id:\n    SEC-001: echo rulebook\n", to: directory + "/rulebook.yml")
        try write("#!/bin/sh\necho x\n", to: directory + "/signals/branch.sh", executable: true)
        try write("#!/bin/sh\necho x\n", to: directory + "/signals/user.sh", executable: true)
        try write("#!/bin/sh\necho x\n", to: directory + "/signals/user.py", executable: true)
        try write("not a script\n", to: directory + "/signals/notes.txt")
        try write("#!/bin/sh\n", to: directory + "/actions/SEC-001.sh", executable: true)
        try write("#!/bin/sh\n", to: directory + "/actions/GIT-002", executable: true)
        let rulebook = try Rulebook.load(policyDirectory: directory)
        #expect(rulebook.signals["branch"]?.command == "git branch")
        #expect(rulebook.signals["user"] == SignalDefinition(name: "user", command: "'\(directory.replacingOccurrences(of: "'", with: "'\\''"))/signals/user.py'", timeoutSeconds: 5))
        #expect(rulebook.signals["notes"] == nil)
        #expect(rulebook.actionsByRuleID["SEC-001"] == [ActionDefinition(command: "echo rulebook")])
        #expect(rulebook.actionsByRuleID["GIT-002"] == [ActionDefinition(command: "'\(directory.replacingOccurrences(of: "'", with: "'\\''"))/actions/GIT-002'")])
        #expect(rulebook.warnings.contains { $0.hasSuffix("notes.txt: not executable; ignored (chmod +x to use it)") })
        #expect(rulebook.warnings.contains { $0.hasSuffix("user.sh: another file already defines \"user\"; ignored") })
    }

    @Test("a script's stem drops its last extension only", arguments: [
        ("check.sh", "check"), ("a.b.py", "a.b"), ("GIT-002", "GIT-002"), ("name.", "name."), ("été.sh", "été"),
    ])
    func stems(name: String, stem: String) {
        #expect(ConfigFiles.stem(of: name) == stem)
    }

    @Test("the quoted command survives sh: a signal path with a quote runs")
    func quotedCommandRuns() throws {
        let directory = try makeDirectory() + "/a 'b'"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        try write("#!/bin/sh\necho ran\n", to: directory + "/signals/probe.sh", executable: true)
        let command = try #require(try Rulebook.load(policyDirectory: directory).signals["probe"]?.command)
        let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        #expect(result.stdout == "ran\n")
    }

    @Test("errors in rulebook.yml name the file as given")
    func errorsNameTheFile() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write("fail_mode: sometimes\n", to: directory + "/rulebook.yml")
        do {
            _ = try Rulebook.load(policyDirectory: directory + "/")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(directory)/rulebook.yml:1: fail_mode: expected \"open\" or \"closed\", got \"sometimes\"")
        }
    }

    @Test("the demo project's .cupcake loads")
    func demoProject() throws {
        let directory = try #require(ConfigTestPaths.policyDirectory)
        let rulebook = try Rulebook.load(policyDirectory: directory)
        #expect(rulebook.signals["git_branch"]?.timeoutSeconds == 2)
        #expect(rulebook.onAnyDenial.count == 1)
    }
}

/// Locates Fixtures/project/.cupcake from this source file's path.
enum ConfigTestPaths {
    static var policyDirectory: String? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Fixtures/project/.cupcake").path
            if FileManager.default.fileExists(atPath: candidate + "/policies") { return candidate }
        }
        return nil
    }
}
