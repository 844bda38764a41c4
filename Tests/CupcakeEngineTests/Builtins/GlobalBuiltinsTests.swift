import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// system_protection, sensitive_data_protection and cupcake_exec_protection: read from the
/// global rulebook only, evaluated before the project.
@Suite("Builtins: the global ones")
struct GlobalBuiltinsTests {
    static let global = """
        builtins:
          system_protection: {}
          sensitive_data_protection: {}
          cupcake_exec_protection: {}
        """

    @Test("system_protection halts file tools and commands on system paths", arguments: [
        BuiltinProject.pre("Read", ["file_path": "/etc/shadow"]), BuiltinProject.pre("Write", ["file_path": "/usr/bin/ls", "content": ""]),
        BuiltinProject.bash("sudo apt-get install x"), BuiltinProject.bash("echo x > /etc/hosts"), BuiltinProject.bash("cat /proc/1/environ"),
        BuiltinProject.bash("doas rm -rf /var/tmp"),
    ])
    func systemPaths(event: String) async throws {
        let project = try BuiltinProject(rulebook: "", global: Self.global)
        let decision = try await project.decide(event)
        #expect(decision.name == "halt", "\(event)")
        #expect(decision.ruleIDs == ["GLOBAL-BUILTIN-SYSTEM-PROTECTION"])
    }

    @Test("harmless device files and ordinary paths are not system paths", arguments: [
        BuiltinProject.bash("ls 2>/dev/null"), BuiltinProject.bash("echo hi > /dev/stderr"), BuiltinProject.pre("Read", ["file_path": "src/etc/notes.md"]),
        BuiltinProject.bash("git commit -m 'fix /etc parsing'"),
    ])
    func harmless(event: String) async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  system_protection: {}\n")
        #expect(try await project.decide(event) == .allow(context: []), "\(event)")
    }

    @Test("system_protection's reason names the path for file tools; additional_paths and message are honoured")
    func systemOptions() async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  system_protection:\n    additional_paths: [\"/opt/vault/\"]\n")
        let read = try await project.decide(BuiltinProject.pre("Read", ["file_path": "/etc/passwd"]))
        #expect(read.reason == "Access to critical system path blocked: /etc/passwd")
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "/opt/vault/key"])).name == "halt")
        let custom = try BuiltinProject(rulebook: "", global: "builtins:\n  system_protection:\n    message: \"No.\"\n")
        #expect(try await custom.decide(BuiltinProject.bash("sudo ls")).reason == "No.")
    }

    @Test("sensitive_data_protection denies reading secrets, with the file masked", arguments: [
        ("Read", "config/.env", "Blocked access to potentially sensitive file: [REDACTED-ENV-FILE]"),
        ("Read", "/home/u/.ssh/id_rsa", "Blocked access to potentially sensitive file: [SENSITIVE-FILE]"),
        ("Read", "certs/server.pem", "Blocked access to potentially sensitive file: [SENSITIVE-FILE: *.pem]"),
        ("Read", "aws_credentials.txt", "Blocked access to potentially sensitive file: [REDACTED-CREDENTIAL-FILE]"),
    ])
    func sensitiveFiles(tool: String, path: String, reason: String) async throws {
        let project = try BuiltinProject(rulebook: "", global: Self.global)
        let decision = try await project.decide(BuiltinProject.pre(tool, ["file_path": .string(path)]))
        #expect(decision.name == "deny")
        #expect(decision.reason == reason)
        #expect(decision.ruleIDs == ["GLOBAL-BUILTIN-SENSITIVE-DATA"])
    }

    @Test("sensitive_data_protection: commands and search patterns; ordinary reads pass")
    func sensitiveCommands() async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  sensitive_data_protection: {}\n")
        let engine = try project.engine()
        #expect(try await project.decide(BuiltinProject.bash("cat .env"), engine: engine).reason == "Command blocked - attempts to access sensitive data")
        #expect(try await project.decide(BuiltinProject.bash("security find-generic-password -s x"), engine: engine).name == "deny")
        let glob = try await project.decide(BuiltinProject.pre("Glob", ["pattern": "**/*secret*"]), engine: engine)
        #expect(glob.reason == "Blocked search pattern that could discover sensitive files")
        #expect(try await project.decide(BuiltinProject.bash("cat README.md"), engine: engine) == .allow(context: []))
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "src/main.swift"]), engine: engine) == .allow(context: []))
        #expect(try await project.decide(BuiltinProject.pre("Write", ["file_path": ".env", "content": "x"]), engine: engine) == .allow(context: []),
                "writing is not sensitive_data_protection's concern")
    }

    @Test("a link to a secret is read through its target")
    func sensitiveLink() async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  sensitive_data_protection: {}\n")
        try project.write("prod.env", "KEY=1")
        try FileManager.default.createSymbolicLink(atPath: project.root + "/notes.txt", withDestinationPath: project.root + "/prod.env")
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "notes.txt"])).name == "deny")
    }

    @Test("cupcake_exec_protection halts running cupcake, but not words that merely mention it", arguments: [
        ("cupcake eval --harness claude", true), ("/usr/local/bin/cupcake init", true), ("cargo run --bin cupcake -- eval", true),
        ("cd /tmp && ./cupcake verify", true), ("echo cupcake rocks", false), ("cat cupcake.md", false), ("ls", false),
    ])
    func exec(command: String, refused: Bool) async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  cupcake_exec_protection: {}\n")
        let decision = try await project.decide(BuiltinProject.bash(command))
        if refused {
            #expect(decision.name == "halt", "\(command)")
            #expect(decision.reason == CupcakeExecProtection.defaultMessage)
        } else {
            #expect(decision == .allow(context: []), "\(command)")
        }
    }

    @Test("cupcake_exec_protection's allowed_commands let those subcommands through")
    func execAllowed() async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins:\n  cupcake_exec_protection:\n    allowed_commands: [\"--version\", \"help\"]\n")
        #expect(try await project.decide(BuiltinProject.bash("cupcake help")) == .allow(context: []))
        #expect(try await project.decide(BuiltinProject.bash("cupcake eval")).name == "halt")
    }

    @Test("the global builtins are ignored, with a warning, in a project rulebook")
    func projectOnlyWarning() throws {
        let project = try BuiltinProject(rulebook: Self.global)
        let settings = try Rulebook.load(policyDirectory: project.policyDirectory, isGlobal: false)
        #expect(settings.builtins.enabledNames.isEmpty)
        #expect(settings.warnings.count == 3)
        #expect(settings.warnings.allSatisfy { $0.contains("is read from the global configuration only; ignored here") })
    }

    @Test("a global deny answers first; the project's own builtins still run when the global layer allows")
    func layering() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  git_block_no_verify: {}\n", global: Self.global)
        let engine = try project.engine()
        #expect(try await project.decide(BuiltinProject.bash("sudo git commit --no-verify"), engine: engine).ruleIDs == ["GLOBAL-BUILTIN-SYSTEM-PROTECTION"])
        #expect(try await project.decide(BuiltinProject.bash("git commit --no-verify"), engine: engine).ruleIDs == ["BUILTIN-GIT-BLOCK-NO-VERIFY"])
    }

    @Test("Cursor: sensitive files halt with Cursor's rule id")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: "", global: Self.global)
        let decision = try await project.decide(
            #"{"hook_event_name":"beforeReadFile","conversation_id":"c","file_path":"/home/u/.aws/credentials","content":""}"#, harness: .cursor)
        #expect(decision.name == "halt")
        #expect(decision.ruleIDs.first?.hasPrefix("GLOBAL-BUILTIN-") == true)
    }
}
