import Foundation
import Testing

@testable import CupcakeEngine

@Suite("Builtin: claude_code_enforce_full_file_read")
struct EnforceFullFileReadTests {
    static func lines(_ count: Int) -> String { (1...count).map { "line \($0)\n" }.joined() }

    @Test("a partial read of a small file is denied; a whole read is allowed")
    func smallFile() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  claude_code_enforce_full_file_read: {}\n")
        try project.write("small.txt", Self.lines(10))
        let engine = try project.engine()
        for input in [["file_path": "small.txt", "offset": 3] as JSONValue, ["file_path": "small.txt", "limit": 5],
                      ["file_path": "small.txt", "offset": 1, "limit": 2]] {
            let decision = try await project.decide(BuiltinProject.pre("Read", input), engine: engine)
            #expect(decision.name == "deny", "\(input)")
            #expect(decision.reason == EnforceFullFileRead.defaultMessage)
            #expect(decision.ruleIDs == ["BUILTIN-ENFORCE-FULL-READ"])
        }
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "small.txt"]), engine: engine) == .allow(context: []))
    }

    @Test("files of max_lines lines or more may be read in parts; a file that cannot be counted may not")
    func largeFile() async throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  enforce_full_file_read:\n    max_lines: 5\n")
        try project.write("five.txt", Self.lines(5))
        try project.write("four.txt", String(Self.lines(4).dropLast()))
        let engine = try project.engine()
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "five.txt", "offset": 2]), engine: engine) == .allow(context: []))
        let short = try await project.decide(BuiltinProject.pre("Read", ["file_path": "four.txt", "offset": 2]), engine: engine)
        #expect(short.reason == "Please read the entire file first (files under 5 lines must be read completely)")
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "missing.txt", "limit": 2]), engine: engine).name == "deny",
                "as upstream, which denies every partial read")
        #expect(try await project.decide(BuiltinProject.pre("Read", ["file_path": "missing.txt"]), engine: engine) == .allow(context: []))
    }

    @Test("line counting: a last line without newline counts; counting stops at the limit")
    func lineCount() throws {
        let project = try BuiltinProject(rulebook: "")
        try project.write("a", "x\ny")
        try project.write("b", "")
        try project.write("c", Self.lines(100))
        #expect(EnforceFullFileRead.lineCount(project.root + "/a", upTo: 10) == 2)
        #expect(EnforceFullFileRead.lineCount(project.root + "/b", upTo: 10) == 0)
        #expect((EnforceFullFileRead.lineCount(project.root + "/c", upTo: 10) ?? 0) >= 10)
        #expect(EnforceFullFileRead.lineCount(project.root, upTo: 10) == nil, "a directory is no file")
    }

    @Test("max_lines 0 is refused")
    func zero() {
        let message = captureError { try BuiltinProject(rulebook: "builtins:\n  enforce_full_file_read:\n    max_lines: 0\n").engine() }
        #expect(message.contains("max_lines cannot be 0"), "\(message)")
    }
}
