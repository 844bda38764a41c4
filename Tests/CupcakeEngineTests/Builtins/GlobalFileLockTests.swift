import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: global_file_lock")
struct GlobalFileLockTests {
    @Test("every editing tool is halted with the message", arguments: ["Write", "Edit", "MultiEdit", "NotebookEdit"])
    func tools(tool: String) async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  global_file_lock: {}\n")
        let decision = try await project.decide(BuiltinProject.pre(tool, ["file_path": "notes.md", "content": "x", "edits": []]))
        #expect(decision.name == "halt", "\(tool)")
        #expect(decision.reason == "File editing is disabled globally by policy")
        #expect(decision.ruleIDs == ["BUILTIN-GLOBAL-FILE-LOCK"])
    }

    @Test("shell commands that write are halted, reading ones pass", arguments: [
        ("cp  file1  file2", true), ("mv old new", true), ("echo hello > file", true), ("cat file >> log", true),
        ("echo x | tee output.txt", true), ("rm -rf build", true), ("grep '>' logfile", false), ("ls -la", false),
        ("cat README.md", false), ("echo 'use >> for append'", false), ("make test 2>/dev/null", false),
    ])
    func shell(command: String, refused: Bool) async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  never_edit_files:\n    message: \"Read-only session\"\n")
        let decision = try await project.decide(BuiltinProject.bash(command))
        if refused {
            #expect(decision.reason == "Read-only session (detected file write in bash command)", "\(command)")
        } else {
            #expect(decision == .allow(context: []), "\(command)")
        }
    }

    @Test("Cursor: an edit is denied")
    func cursor() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  global_file_lock: {}\n")
        let decision = try await project.decide(
            #"{"hook_event_name":"afterFileEdit","conversation_id":"c","file_path":"/tmp/x","edits":[]}"#, harness: .cursor)
        #expect(decision.name == "deny")
    }
}
