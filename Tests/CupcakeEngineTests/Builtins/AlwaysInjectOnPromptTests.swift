import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: claude_code_always_inject_on_prompt")
struct AlwaysInjectOnPromptTests {
    static let prompt = #"{"hook_event_name":"UserPromptSubmit","session_id":"s","prompt":"hello"}"#

    @Test("text, command output and file content are joined, in order, into the prompt's context")
    func sources() async throws {
        let project = try BuiltinProject(rulebook: """
            builtins:
              claude_code_always_inject_on_prompt:
                context:
                  - "Follow the style guide."
                  - command: "printf 'branch: main'"
                  - file: "GUIDE.md"
            """)
        try project.write("GUIDE.md", "Use tabs.")
        let decision = try await project.decide(Self.prompt)
        #expect(decision == .allow(context: ["Follow the style guide.\n\nbranch: main\n\nUse tabs."]))
        let result = try await project.engine().evaluate(eventJSON: Array(Self.prompt.replacingOccurrences(of: "\"s\"", with: "\"s\",\"cwd\":\"\(project.root)\"").utf8))
        let answer = String(decoding: result.response.stdout, as: UTF8.self)
        #expect(answer.contains("\"additionalContext\":\"Follow the style guide."), "\(answer)")
    }

    @Test("no context on other events; a missing file adds nothing")
    func otherEvents() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  always_inject_on_prompt:\n    context: [\"Be brief.\", {file: \"absent.md\"}]\n")
        #expect(try await project.decide(BuiltinProject.bash("ls")) == .allow(context: []))
        #expect(try await project.decide(Self.prompt) == .allow(context: ["Be brief."]))
    }

    @Test("a context entry that is neither text, command nor file is refused", arguments: [
        ("context: [{url: \"x\"}]", "dynamic source must have either 'file' or 'command'"),
        ("context: []", "enabled but no context configured"),
        ("context: 3", "expected a list"),
    ])
    func invalid(yaml: String, message: String) {
        let error = captureError { try BuiltinProject(rulebook: "builtins:\n  always_inject_on_prompt:\n    \(yaml)\n").engine() }
        #expect(error.contains(message), "\(error)")
    }

    @Test("input.builtin_config carries only the static strings, as upstream")
    func inputConfig() throws {
        var options = try BuiltinOptions(name: "b", value: ["context": ["a", ["command": "date"]]],
                                         fail: { ConfigError.invalid(file: "r", line: nil, keyPath: $0, message: $1) })
        let builtin = try AlwaysInjectOnPrompt.parse(&options, enabled: true)
        #expect(builtin.inputConfig == ["static_contexts": ["a"]])
        #expect(builtin.signalDefinitions.map(\.name) == ["__builtin_prompt_context_1"])
    }
}
