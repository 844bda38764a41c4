import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: post_edit_check")
struct PostEditCheckTests {
    static let rulebook = """
        builtins:
          post_edit_check:
            by_extension:
              "py":
                command: "exit 0"
                message: "Python syntax"
              "rs":
                command: "echo 'error[E0308]: mismatched types' >&2; exit 101"
                message: "Rust compilation failed"
        """

    static func post(_ path: String) -> String {
        JSONValue.object(["hook_event_name": "PostToolUse", "session_id": "s", "tool_name": "Write",
                          "tool_input": ["file_path": .string(path), "content": "x"], "tool_response": ["success": true]]).jsonString
    }

    @Test("a failing check asks whether to go on, naming the file and the output")
    func failing() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        let decision = try await project.decide(Self.post("src/main.rs"))
        #expect(decision.name == "ask")
        #expect(decision.ruleIDs == ["BUILTIN-POST-EDIT"])
        let reason = decision.reason ?? ""
        #expect(reason.hasPrefix("File validation failed for \(project.root)/src/main.rs\nRust compilation failed: exit code 101"), "\(reason)")
        #expect(reason.contains("mismatched types"))
        #expect(reason.hasSuffix("Do you want to continue anyway?"))
    }

    @Test("a passing check adds a line to the agent's context; other extensions run nothing")
    func passing() async throws {
        let project = try BuiltinProject(rulebook: Self.rulebook)
        #expect(try await project.decide(Self.post("app.py")) == .allow(context: ["✓ Validation passed for \(project.root)/app.py"]))
        #expect(try await project.decide(Self.post("README.md")) == .allow(context: []))
        #expect(try await project.decide(Self.post(".bashrc")) == .allow(context: []))
    }

    @Test("the extension is the last component's", arguments: [
        ("a/b.c/file.rs", "rs"), ("x.tar.gz", "gz"), (".bashrc", nil), ("Makefile", nil), ("dir.d/Makefile", nil), ("a.", nil),
    ] as [(String, String?)])
    func extensions(path: String, ext: String?) {
        #expect(PostEditCheck.fileExtension(path) == ext)
    }

    @Test("an extension with a dot is refused with upstream's hint")
    func dotted() {
        let error = captureError { try BuiltinProject(rulebook: "builtins:\n  post_edit_check:\n    by_extension:\n      \".rs\": {command: cargo check}\n").engine() }
        #expect(error.contains("use 'rs' not '.rs'"), "\(error)")
    }
}
