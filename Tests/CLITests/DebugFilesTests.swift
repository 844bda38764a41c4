import CupcakeTestSupport
import Foundation
import Testing

/// Upstream's `--debug-files`, `--debug-dir`, `--debug-routing`, `--log-level` and `--debug` on eval.
@Suite("cupcake eval --debug-files")
struct DebugFilesTests {
    /// A copy of the demo project, so records land in a directory of the test's own.
    final class Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-debug-\(UUID().uuidString)").path
        var policyDirectory: String { root + "/.cupcake" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLI.project, toPath: policyDirectory)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func records(_ directory: String? = nil) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory ?? policyDirectory + "/debug")) ?? []).sorted()
        }
    }

    @Test("one record per hook: the waterfall and the lines of its one trace, the answer unchanged, nothing on stderr")
    func record() throws {
        let project = try Project()
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), policyDirectory: project.policyDirectory,
                                  extra: ["--global-dir", "none", "--debug-files", "--log-level", "error", "--debug"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"permissionDecision\":\"deny\""))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let records = project.records()
        #expect(records.count == 1)
        let text = try String(contentsOfFile: project.policyDirectory + "/debug/" + (records.first ?? ""), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("{") }
        let traceIDs = Set(lines.compactMap { (try? CLI.json(String($0)))?["trace_id"] as? String })
        #expect(traceIDs.count == 1)
        #expect(records.first?.contains(traceIDs.first ?? "-") == true)
        #expect(text.contains("decision deny"))
        #expect(text.contains("route_policy"), "every category is recorded")
        #expect(text.contains("rm -rf"), "the event's payload is recorded")
    }

    @Test("--debug-dir elsewhere; the newest 100 records are kept")
    func rotation() throws {
        let project = try Project()
        let directory = project.root + "/records"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for index in 0..<105 {
            try "old".write(toFile: directory + "/2000-01-01_00-00-\(String(format: "%03d", index))_x.txt", atomically: true, encoding: .utf8)
        }
        try "keep".write(toFile: directory + "/notes.md", atomically: true, encoding: .utf8)
        let result = try CLI.eval(try CLI.event("pretooluse-bash-ls"), policyDirectory: project.policyDirectory,
                                  extra: ["--global-dir", "none", "--debug-routing", "--debug-dir", directory])
        #expect(result.status == 0)
        let records = project.records(directory).filter { $0.hasSuffix(".txt") }
        #expect(records.count == 100)
        #expect(records.last?.hasPrefix("20") == true && records.last?.hasPrefix("2000") == false, "the new record is kept")
        #expect(!records.contains("2000-01-01_00-00-000_x.txt"), "the oldest went first")
        #expect(FileManager.default.fileExists(atPath: directory + "/notes.md"))
    }

    @Test("with CUPCAKE_TRACE set the lines still reach stderr")
    func stderrToo() throws {
        let project = try Project()
        let result = try CLI.eval(try CLI.event("pretooluse-bash-ls"), policyDirectory: project.policyDirectory,
                                  extra: ["--global-dir", "none", "--debug-files"], environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.stderrLines.contains { $0.contains("\"span\":\"evaluate\"") })
        #expect(project.records().count == 1)
    }

    @Test("the rulebook's telemetry: block records every hook, as JSON lines or as text", arguments: ["json", "text"])
    func telemetry(format: String) throws {
        let project = try Project()
        let rulebook = project.policyDirectory + "/rulebook.yml"
        let text = try String(contentsOfFile: rulebook, encoding: .utf8)
        try (text + "\ntelemetry:\n  enabled: true\n  format: \(format)\n  destination: records\n")
            .write(toFile: rulebook, atomically: true, encoding: .utf8)
        for event in ["pretooluse-bash-rm-rf", "sessionstart"] {
            let result = try CLI.eval(try CLI.event(event), policyDirectory: project.policyDirectory, extra: ["--global-dir", "none"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let records = project.records(project.policyDirectory + "/records")
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.hasSuffix(format == "json" ? ".json" : ".txt") })
        let first = try String(contentsOfFile: project.policyDirectory + "/records/" + (records.first ?? ""), encoding: .utf8)
        if format == "json" {
            let lines = first.split(separator: "\n")
            #expect(!lines.isEmpty)
            let ids = Set(try lines.map { try CLI.json(String($0))["trace_id"] as? String ?? "" })
            #expect(ids.count == 1 && records.first?.contains(ids.first ?? "-") == true)
        } else {
            #expect(first.contains("===== Cupcake debug record"))
        }
        #expect(project.records().isEmpty, "no debug directory without --debug-files")
    }
}
