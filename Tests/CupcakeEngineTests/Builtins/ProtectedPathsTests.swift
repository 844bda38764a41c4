import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: protected_paths")
struct ProtectedPathsTests {
    static let rulebook = """
        builtins:
          protected_paths:
            enabled: true
            message: "This file is protected"
            paths: ["production.env", "src/legacy/", "*.secret", "/etc/"]
        """

    @Test("writes to protected files are halted; reads and other files are allowed")
    func fileTools() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let engine = try project.engine()
        for (tool, input) in [("Write", ["file_path": "production.env", "content": "x"] as JSONValue),
                              ("Edit", ["file_path": "src/legacy/old_code.rs", "old_string": "a", "new_string": "b"]),
                              ("Write", ["file_path": "config.secret", "content": "x"]),
                              ("NotebookEdit", ["notebook_path": "/etc/x.ipynb", "new_source": ""]),
                              ("MultiEdit", ["file_path": "src/main.rs", "edits": [["file_path": "production.env", "old_string": "a", "new_string": "b"]]])] {
            let decision = try await project.decide(BuiltinProject.pre(tool, input), engine: engine)
            #expect(decision.name == "halt", "\(tool) \(input)")
            #expect(decision.reason?.contains("protected") == true)
            #expect(decision.ruleIDs == ["BUILTIN-PROTECTED-PATHS"])
        }
        for (tool, input) in [("Read", ["file_path": "production.env"] as JSONValue), ("Write", ["file_path": "src/main.rs", "content": "x"])] {
            #expect(try await project.decide(BuiltinProject.pre(tool, input), engine: engine) == .allow(context: []), "\(tool)")
        }
    }

    @Test("a link to a protected file is halted through its resolved path")
    func throughALink() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try project.write("production.env", "SECRET=1")
        try FileManager.default.createSymbolicLink(atPath: project.root + "/innocent.txt", withDestinationPath: project.root + "/production.env")
        let decision = try await project.decide(BuiltinProject.pre("Write", ["file_path": "innocent.txt", "content": "x"]))
        #expect(decision.name == "halt")
        #expect(decision.reason == "This file is protected (\(project.root)/production.env)")
    }

    @Test("Bash: only read-only commands may name a protected path", arguments: [
        ("cat production.env", true), ("less production.env", true), ("grep pattern production.env", true),
        ("head -n 10 production.env", true), ("wc -l production.env", true), ("cat production.env | grep KEY", true),
        ("echo 'data' > production.env", false), ("mv production.env backup.txt", false), ("rm production.env", false),
        ("sed -i 's/old/new/g' production.env", false), ("vim production.env", false), ("rm x; cat production.env", false),
        ("cat production.env > copy.txt", false), ("cat production.env | tee production.env", false),
    ])
    func bashWhitelist(command: String, allowed: Bool) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let decision = try await project.decide(BuiltinProject.bash(command))
        if allowed {
            #expect(decision == .allow(context: []), "\(command): \(decision)")
        } else {
            #expect(decision.name == "halt", "\(command)")
            #expect(decision.reason == "This file is protected (only read operations allowed)", "\(command): \(decision)")
        }
    }

    @Test("Bash that changes a protected path without naming it, or a directory above it, is halted")
    func affectedPaths() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/cfg", withDestinationPath: "/etc")
        let viaLink = try await project.decide(BuiltinProject.bash("rm -rf cfg/cron.d"))
        #expect(viaLink.name == "halt")
        #expect(viaLink.reason == "This file is protected (/etc/cron.d)")
        let parent = try await project.decide(BuiltinProject.bash("rm -rf /"))
        #expect(parent.ruleIDs == ["BUILTIN-PROTECTED-PATHS-PARENT"])
        #expect(parent.reason == "This file is protected (/etc/ would be affected by operation on /)")
        #expect(try await project.decide(BuiltinProject.bash("ls -la /")) == .allow(context: []), "reading / is no operation on /etc")
        let inline = try await project.decide(BuiltinProject.bash("python3 -c \"open('production.env','w')\""))
        #expect(inline.ruleIDs.contains("BUILTIN-PROTECTED-PATHS-SCRIPT"))
    }

    @Test("a script that writes a protected file is halted")
    func scripts() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try project.write("deploy.sh", "#!/bin/sh\necho x > production.env\n")
        let decision = try await project.decide(BuiltinProject.bash("bash deploy.sh"))
        #expect(decision.name == "halt")
        #expect(decision.ruleIDs.contains("BUILTIN-PROTECTED-PATHS-SCRIPT"))
    }

    @Test("~ in a pattern is the home directory")
    func tilde() async throws {
        guard let home = ProcessEnvironment.current()["HOME"], home.hasPrefix("/") else {
            Issue.record("HOME is not set to an absolute path; cannot test ~")
            return
        }
        let project = try BuiltinProject(rulebook: "builtins:\n  protected_paths:\n    paths: [\"~/.ssh/\"]\n")
        let decision = try await project.decide(BuiltinProject.pre("Write", ["file_path": .string(home + "/.ssh/authorized_keys"), "content": "x"]))
        #expect(decision.name == "halt")
    }

    @Test("Cursor: an edit is denied with upstream's reason; a destructive command too")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let engine = try project.engine(.cursor)
        let edit = try await project.decide(
            #"{"hook_event_name":"afterFileEdit","conversation_id":"c","file_path":"/etc/hosts","edits":[]}"#, harness: .cursor, engine: engine)
        #expect(edit.name == "deny")
        #expect(edit.reason == "File modification blocked: /etc/hosts is in a protected path. Protected paths are: production.env, src/legacy/, *.secret, /etc/")
        let shell = try await project.decide(#"{"hook_event_name":"beforeShellExecution","conversation_id":"c","command":"rm -rf /etc/ssh"}"#,
                                             harness: .cursor, engine: engine)
        #expect(shell.name == "deny")
    }
}
