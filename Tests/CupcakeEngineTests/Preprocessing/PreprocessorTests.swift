import Testing
import Glibc
@testable import CupcakeEngine

@Suite("Preprocessor: fields on decoded events")
struct PreprocessorTests {
    static func decode(_ json: String, harness: Harness = .claude,
                       options: PreprocessingOptions = PreprocessingOptions(home: "/nonexistent-home")) throws -> JSONValue {
        try HookEvent.decode(Array(json.utf8), harness: harness, preprocessing: options).raw
    }

    @Test("Write through a link inside the project resolves to the link's target")
    func writeThroughLink() throws {
        let tree = try FileTree()
        try tree.file("etc/hosts", "127.0.0.1")
        try tree.link("proj/hosts-link", to: tree.path("etc/hosts"))
        let event = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"Write","cwd":"\(tree.path("proj"))",
             "tool_input":{"file_path":"hosts-link","content":"x"}}
            """)
        #expect(event["resolved_file_path"] == .string(tree.path("etc/hosts")))
        #expect(event["original_file_path"] == "hosts-link")
        #expect(event["is_symlink"] == true)
        #expect(event["tool_input"]?["file_path"] == "hosts-link", "the tool's own field is never rewritten")
        #expect(event["tool_input"]?["new_string"] == "x", "Write's content is copied to new_string")
    }

    @Test("every file tool gets the fields, from its own field", arguments: [
        (#"{"tool_name":"Read","tool_input":{"file_path":"/tmp/../etc/hosts"}}"#, "/etc/hosts", "/tmp/../etc/hosts"),
        (#"{"tool_name":"Edit","tool_input":{"file_path":"//etc/hosts","old_string":"a","new_string":"b"}}"#, "/etc/hosts", "//etc/hosts"),
        (#"{"tool_name":"NotebookEdit","tool_input":{"notebook_path":"/etc/./x.ipynb","new_source":""}}"#, "/etc/x.ipynb", "/etc/./x.ipynb"),
        (#"{"tool_name":"Grep","tool_input":{"pattern":"secret","path":"/etc/"}}"#, "/etc", "/etc/"),
        (#"{"tool_name":"LS","tool_input":{"path":"/etc/ssl/.."}}"#, "/etc", "/etc/ssl/.."),
        (#"{"tool_name":"Glob","tool_input":{"pattern":"/etc/**/*.conf"}}"#, "/etc", "/etc/**/*.conf"),
        (#"{"tool_name":"Glob","tool_input":{"pattern":"ssl/*.pem","path":"/etc"}}"#, "/etc/ssl", "/etc"),
        (#"{"tool_name":"Glob","tool_input":{"pattern":"*.md"}}"#, "/nonexistent-cupcake-cwd", "*.md"),
    ] as [(String, String, String)])
    func fileTools(partial: String, resolved: String, original: String) throws {
        let json = partial.replacingOccurrences(
            of: "{\"tool_name\"", with: "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"/nonexistent-cupcake-cwd\",\"tool_name\"")
        let event = try Self.decode(json)
        #expect(event["resolved_file_path"] == .string(resolved))
        #expect(event["original_file_path"] == .string(original))
        #expect(event["is_symlink"] == false)
    }

    @Test("MultiEdit: each edit gets its own fields inside it")
    func multiEdit() throws {
        let tree = try FileTree()
        try tree.file(".cupcake/rulebook.yml")
        try tree.link("safe.yml", to: ".cupcake/rulebook.yml")
        let event = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"MultiEdit","cwd":"\(tree.root)",
             "tool_input":{"file_path":"a.txt","edits":[
               {"old_string":"x","new_string":"y"},
               {"file_path":"safe.yml","old_string":"a","new_string":"b"},
               {"file_path":"/etc/../etc/hosts","old_string":"a","new_string":"b"}]}}
            """)
        let edits = event["tool_input"]?["edits"]?.arrayValue ?? []
        #expect(edits.count == 3)
        #expect(edits.first?["resolved_file_path"] == nil, "an edit without a path gets nothing")
        #expect(edits.dropFirst().first?["resolved_file_path"] == .string(tree.path(".cupcake/rulebook.yml")))
        #expect(edits.dropFirst().first?["is_symlink"] == true)
        #expect(edits.last?["resolved_file_path"] == "/etc/hosts")
        #expect(edits.last?["original_file_path"] == "/etc/../etc/hosts")
        #expect(event["resolved_file_path"] == .string(tree.path("a.txt")))
    }

    @Test("Cursor, Factory and OpenCode file events get the same fields")
    func otherHarnesses() throws {
        let cursor = try Self.decode(#"{"hook_event_name":"beforeReadFile","workspace_roots":["/w"],"file_path":"../etc/hosts"}"#, harness: .cursor)
        #expect(cursor["resolved_file_path"] == "/etc/hosts")
        let edit = try Self.decode(#"{"hook_event_name":"afterFileEdit","file_path":"/etc//hosts","edits":[]}"#, harness: .cursor)
        #expect(edit["resolved_file_path"] == "/etc/hosts")
        let factory = try Self.decode(#"{"hookEventName":"PreToolUse","cwd":"/","toolName":"Create","toolInput":{"file_path":"etc/x"}}"#, harness: .factory)
        #expect(factory["resolved_file_path"] == "/etc/x")
        let opencode = try Self.decode(#"{"hook_event_name":"PreToolUse","cwd":"/tmp","tool":"write","args":{"filePath":"../etc/hosts","content":"x"}}"#, harness: .opencode)
        #expect(opencode["tool_name"] == "Write")
        #expect(opencode["resolved_file_path"] == "/etc/hosts")
        #expect(opencode["original_file_path"] == "../etc/hosts")
        let list = try Self.decode(#"{"hook_event_name":"PreToolUse","tool":"list","args":{},"result":{"ok":true}}"#, harness: .opencode)
        #expect(list["tool_name"] == "List")
        #expect(list["tool_response"]?["ok"] == true)
    }

    @Test("shell commands: continuations joined, normalized, affected paths added at the top level")
    func bash() throws {
        let event = try Self.decode(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"/w","tool_input":{"command":"rm \\\n-rf  /"}}"#)
        #expect(event["tool_input"]?["command"] == "rm -rf /")
        #expect(event["affected_parent_directories"] == ["/"])
        let quiet = try Self.decode(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"/w","tool_input":{"command":"echo \"hello world\""}}"#)
        #expect(quiet["affected_parent_directories"] == nil)
        let cursor = try Self.decode(#"{"hook_event_name":"beforeShellExecution","cwd":"/w","command":"rm  -rf\t/var/data/*"}"#, harness: .cursor)
        #expect(cursor["command"] == "rm -rf /var/data/*")
        #expect(cursor["affected_parent_directories"] == ["/var/data"])
        let factory = try Self.decode(#"{"hook_event_name":"PreToolUse","tool_name":"Execute","cwd":"/w","tool_input":{"command":"rm -rf x"}}"#, harness: .factory)
        #expect(factory["affected_parent_directories"] == ["/w/x"])
    }

    @Test("a script a command runs is attached, bounded and marked when cut")
    func scripts() throws {
        let tree = try FileTree()
        try tree.file("deploy.sh", "#!/bin/bash\nrm -rf .cupcake\n", mode: 0o755)
        try tree.file("big.sh", String(repeating: "# padding\n", count: 100) + "rm -rf /\n")
        let event = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"\(tree.root)","tool_input":{"command":"./deploy.sh --production"}}
            """)
        #expect(event["executed_script_content"] == "#!/bin/bash\nrm -rf .cupcake\n")
        #expect(event["executed_script_path"] == "./deploy.sh")
        #expect(event["script_inspection_performed"] == true)
        #expect(event["executed_script_truncated"] == false)
        #expect(event["executed_scripts"]?[0]?["resolved_path"] == .string(tree.path("deploy.sh")))

        let cut = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"\(tree.root)","tool_input":{"command":"bash big.sh"}}
            """, options: PreprocessingOptions(maxScriptBytes: 64))
        #expect(cut["executed_script_content"]?.stringValue?.utf8.count == 64)
        #expect(cut["executed_script_truncated"] == true)
        #expect(cut["executed_scripts"]?[0]?["size_bytes"] == 1009)

        let off = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"\(tree.root)","tool_input":{"command":"./deploy.sh"}}
            """, options: PreprocessingOptions(scriptInspection: false))
        #expect(off["executed_script_content"] == nil)
        let missing = try Self.decode("""
            {"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"\(tree.root)","tool_input":{"command":"./nonexistent.sh"}}
            """)
        #expect(missing["executed_script_content"] == nil)
    }

    @Test("binaries run directly, FIFOs and directories are not read as scripts")
    func notScripts() throws {
        let tree = try FileTree()
        try tree.file("tool", "\u{7F}ELF\u{0}\u{0}binary", mode: 0o755)
        try tree.directory("dir.sh")
        #expect(mkfifo(tree.path("fifo.sh"), 0o644) == 0)
        for command in ["./tool", "bash dir.sh", "bash fifo.sh"] {
            let event = try Self.decode("""
                {"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"\(tree.root)","tool_input":{"command":"\(command)"}}
                """)
            #expect(event["executed_script_content"] == nil, "\(command)")
        }
    }
}
