import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: rulebook_security_guardrails")
struct RulebookSecurityGuardrailsTests {
    static let rulebook = "builtins:\n  rulebook_security_guardrails: {}\n"

    @Test("every file tool on the policy directory is halted, reads included", arguments: [
        ("Read", "file_path"), ("Write", "file_path"), ("Edit", "file_path"), ("MultiEdit", "file_path"),
        ("NotebookEdit", "notebook_path"), ("Glob", "path"), ("Grep", "path"),
    ])
    func fileTools(tool: String, field: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let target = project.policyDirectory + "/rulebook.yml"
        let decision = try await project.decide(BuiltinProject.pre(tool, [.init(stringLiteral: field): .string(target), "content": "x"]))
        #expect(decision.name == "halt", "\(tool)")
        #expect(decision.ruleIDs == ["BUILTIN-RULEBOOK-SECURITY"])
        #expect(decision.reason == "Cupcake configuration files are protected from modification (blocked file operation on \(target))")
    }

    @Test("files elsewhere are untouched")
    func elsewhere() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        for tool in ["Read", "Write"] {
            let decision = try await project.decide(BuiltinProject.pre(tool, ["file_path": "src/main.swift", "content": "x"]))
            #expect(decision == .allow(context: []), "\(tool)")
        }
        #expect(try await project.decide(BuiltinProject.bash("ls -la src")) == .allow(context: []))
    }

    @Test("a link into the policy directory is followed", arguments: ["Read", "Write"])
    func throughALink(tool: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/notes.md", withDestinationPath: project.policyDirectory + "/rulebook.yml")
        let decision = try await project.decide(BuiltinProject.pre(tool, ["file_path": "notes.md", "content": "x"]))
        #expect(decision.name == "halt")
        #expect(decision.reason?.hasSuffix("(blocked file operation on \(project.policyDirectory)/rulebook.yml)") == true)
    }

    @Test("shell commands that name, change or link the policy directory are halted", arguments: [
        ("cat .cupcake/rulebook.yml", "detected protected path reference in bash command"),
        ("rm -rf .cupcake", "detected protected path reference in bash command"),
        ("ln -s .cupcake/policies p", "symlink creation involving protected path is not permitted"),
        ("ln .cupcake/rulebook.yml r.yml", "hardlink creation involving protected path is not permitted"),
        ("D=.cup; mv ${D}cake /tmp/x", "command would change"),
        ("rm -rf *", "command would change"),
    ])
    func shell(command: String, reason: String) async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try project.write(".cupcake/policies/claude/a.rego", "package x")
        let decision = try await project.decide(BuiltinProject.bash(command))
        #expect(decision.name == "halt", "\(command)")
        #expect(decision.reason?.contains(reason) == true, "\(command): \(String(describing: decision.reason))")
    }

    @Test("a script that touches the policy directory is halted")
    func script() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        try project.write("setup.sh", "#!/bin/sh\nrm -rf .cupcake/policies\n")
        let decision = try await project.decide(BuiltinProject.bash("sh setup.sh"))
        #expect(decision.reason?.contains("a script the command runs references a protected path") == true, "\(decision)")
    }

    @Test("configured paths (upstream's example) are matched anywhere in a path")
    func configuredPaths() async throws {
        let project = try BuiltinProject(rulebook: """
            builtins:
              rulebook_security_guardrails:
                message: "Protected by policy"
                protected_paths: [".cupcake/", "secrets/", ".env.production"]
            """)
        for path in ["secrets/api.txt", "deploy/.env.production", "a/b/secrets/c"] {
            let decision = try await project.decide(BuiltinProject.pre("Read", ["file_path": .string(path)]))
            #expect(decision.name == "halt", "\(path)")
            #expect(decision.reason?.hasPrefix("Protected by policy (blocked file operation on ") == true)
        }
        #expect(try await project.decide(BuiltinProject.bash("cat secrets/api.txt")).name == "halt")
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "README.md"])) == .allow(context: []))
    }

    static let customPaths = """
        builtins:
          rulebook_security_guardrails:
            message: "Symlinks to critical paths forbidden"
            protected_paths: [".cupcake/", "secrets/", ".env.production", "config/database.yml"]
        """

    @Test("links to or from a protected path are halted (upstream's cases)", arguments: [
        "ln -s secrets/ /tmp/leak", "ln -s secrets/api-key.txt /tmp/key", "ln -sf .env.production /tmp/env",
        "ln -s config/database.yml /tmp/db.yml", "ln  -s  secrets/  /tmp/leak", "ln -s secrets/ link && cat link/api-key.txt",
        "ln -s /tmp/malicious secrets/injected", "ln -s /tmp/evil .env.production", "ln -s /etc/passwd config/database.yml",
        "ln -s ./malicious.txt secrets/link.txt", "ln -s .cupcake /tmp/cupcake-leak", "ln -s .cupcake/rulebook.yml /tmp/config",
        "ln secrets/api-key.txt /tmp/hard", "link .env.production /tmp/hard2",
    ])
    func links(command: String) async throws {
        let project = try BuiltinProject(rulebook: Self.customPaths)
        let decision = try await project.decide(BuiltinProject.bash(command))
        #expect(decision.name == "halt", "\(command)")
        #expect(decision.reason?.contains("Symlinks to critical paths forbidden (") == true)
    }

    @Test("links between ordinary files are allowed", arguments: [
        "ln -s src/lib.rs link.rs", "ln -s /usr/bin/python3 python", "ln -s README.md readme",
    ])
    func ordinaryLinks(command: String) async throws {
        let project = try BuiltinProject(rulebook: Self.customPaths)
        #expect(try await project.decide(BuiltinProject.bash(command)) == .allow(context: []), "\(command)")
    }

    @Test("Cursor with configured paths (upstream's cases)")
    func cursorCustomPaths() async throws {
        let project = try BuiltinProject(rulebook: Self.customPaths)
        let engine = try project.engine(.cursor)
        func event(_ name: String, _ extra: [String: JSONValue]) -> String {
            var object = extra
            object["hook_event_name"] = .string(name)
            object["conversation_id"] = "c"
            object["cwd"] = .string(project.root)
            object["workspace_roots"] = [.string(project.root)]
            return JSONValue.object(object).jsonString
        }
        let cases: [(String, [String: JSONValue], String)] = [
            ("afterFileEdit", ["file_path": "secrets/api-key.txt", "edits": []], "deny"),
            ("beforeReadFile", ["file_path": "secrets/api-key.txt", "content": ""], "halt"),
            ("beforeShellExecution", ["command": "cat secrets/api-key.txt"], "deny"),
            ("beforeShellExecution", ["command": "ln -s /tmp/exposed secrets/link"], "deny"),
            ("afterFileEdit", ["file_path": "src/main.rs", "edits": []], "allow"),
        ]
        for (name, extra, verb) in cases {
            let decision = try await project.decide(event(name, extra), harness: .cursor, engine: engine)
            #expect(decision.name == verb, "\(name) \(extra)")
        }
    }

    @Test("the policy directory is locked even when not among the configured paths")
    func ownDirectoryAlways() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  rulebook_security_guardrails:\n    protected_paths: [\"vault/\"]\n")
        let decision = try await project.decide(BuiltinProject.pre("Write", ["file_path": .string(project.policyDirectory + "/rulebook.yml"), "content": ""]))
        #expect(decision.name == "halt")
    }

    @Test("Cursor: reads halt, edits and shell commands deny, with upstream's sentences")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let engine = try project.engine(.cursor)
        let file = project.policyDirectory + "/rulebook.yml"
        func cursorEvent(_ name: String, _ extra: JSONValue) -> String {
            var object = extra.objectValue ?? [:]
            object["hook_event_name"] = .string(name)
            object["conversation_id"] = "c"
            object["workspace_roots"] = [.string(project.root)]
            return JSONValue.object(object).jsonString
        }
        let read = try await project.decide(cursorEvent("beforeReadFile", ["file_path": .string(file), "content": ""]), harness: .cursor, engine: engine)
        #expect(read.name == "halt")
        #expect(read.reason == "Access to protected directories is prohibited. These directories contain security-critical data.")
        let edit = try await project.decide(cursorEvent("afterFileEdit", ["file_path": .string(file), "edits": []]), harness: .cursor, engine: engine)
        #expect(edit.name == "deny")
        #expect(edit.reason == "Modifications to protected directories are not permitted. These directories contain security-critical data.")
        let link = try await project.decide(cursorEvent("beforeShellExecution", ["command": "ln -s .cupcake x", "cwd": .string(project.root)]),
                                            harness: .cursor, engine: engine)
        #expect(link.name == "deny")
        #expect(link.reason == "Symlink creation involving protected directories is not permitted. These directories contain security-critical data.")
        #expect(link.ruleIDs == ["BUILTIN-RULEBOOK-SECURITY-GUARDRAILS"])
    }

    @Test("enabled with no paths is a configuration error naming the key")
    func noPaths() throws {
        let message = captureError { try BuiltinProject(rulebook: "builtins:\n  rulebook_security_guardrails:\n    protected_paths: []\n").engine() }
        #expect(message.contains("builtins.rulebook_security_guardrails.protected_paths"), "\(message)")
        #expect(message.contains("enabled but no protected paths configured"), "\(message)")
    }
}

/// The description of the error `body` throws ("" when it throws none).
func captureError<T>(_ body: () throws -> T) -> String {
    do {
        _ = try body()
        return ""
    } catch {
        return "\(error)"
    }
}
