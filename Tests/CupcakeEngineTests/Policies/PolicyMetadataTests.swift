import Foundation
import Testing
@testable import CupcakeEngine

@Suite("policy METADATA and discovery")
struct PolicyMetadataTests {
    private let wellFormed = """
    # METADATA
    # scope: package
    # title: Commits on main
    # custom:
    #   id: GIT-002
    #   severity: HIGH
    #   routing:
    #     required_events: ["PreToolUse"]
    #     required_tools:
    #       - Bash
    #     required_signals: [git_branch]
    package cupcake.policies.git_commit_main

    import rego.v1
    # METADATA
    # title: a later rule annotation, ignored
    deny contains x if { false }
    """

    private func failure(_ source: String) -> PolicyError? {
        do {
            _ = try PolicyDiscovery.parseMetadata(source: source, path: "p.rego")
            return nil
        } catch {
            return error
        }
    }

    @Test("the first METADATA block gives title, scope, id, severity and routing")
    func wellFormedBlock() throws {
        let info = try PolicyDiscovery.parseMetadata(source: wellFormed, path: "p.rego")
        #expect(info == PolicyInfo(path: "p.rego", packageName: "cupcake.policies.git_commit_main", title: "Commits on main",
                                   id: "GIT-002", severity: "HIGH", scope: "package",
                                   routing: PolicyRouting(requiredEvents: ["PreToolUse"], requiredTools: ["Bash"], requiredSignals: ["git_branch"])))
    }

    @Test("no METADATA block: package only, no routing; a '#' without a space still counts as a comment line")
    func noBlock() throws {
        let info = try PolicyDiscovery.parseMetadata(source: "package a.b # c\n", path: "p.rego")
        #expect(info == PolicyInfo(path: "p.rego", packageName: "a.b"))
        let tight = try PolicyDiscovery.parseMetadata(source: "#METADATA\n#title: T\n#custom:\n#  routing:\n#    required_events: [Stop]\npackage x\n", path: "p.rego")
        #expect(tight.title == "T" && tight.routing?.requiredEvents == ["Stop"])
    }

    @Test("the block ends at the first non-comment line")
    func blockEnds() throws {
        let info = try PolicyDiscovery.parseMetadata(source: "# METADATA\n# title: T\n\n# custom:\n#   id: X\npackage p\n", path: "p.rego")
        #expect(info.title == "T" && info.id == nil)
    }

    @Test("a file without a package line is an error")
    func missingPackage() {
        #expect(failure("# METADATA\n# title: x\n")?.description == "p.rego: no 'package' declaration")
    }

    @Test("bad YAML in the block is reported at the .rego line and column")
    func badYAML() {
        let source = "package p\n\n# METADATA\n# custom:\n#   routing:\n#   \trequired_events: [x]\n"
        #expect(failure(source)?.description == "p.rego:6:5: METADATA: tabs are not allowed for indentation")
        #expect(failure("# METADATA\n# title: \"open\npackage p\n")?.description == "p.rego:2:10: METADATA: unterminated double-quoted string")
    }

    @Test("wrong types are reported with the .rego line and key path")
    func wrongTypes() {
        let notList = "# METADATA\n# custom:\n#   routing:\n#     required_events: PreToolUse\npackage p\n"
        #expect(failure(notList)?.description == "p.rego:4: METADATA: custom.routing.required_events: expected a list of strings, got string \"PreToolUse\"")
        let notStrings = "# METADATA\n# custom:\n#   routing:\n#     required_events: [PreToolUse]\n#     required_tools: [1]\npackage p\n"
        #expect(failure(notStrings)?.description == "p.rego:5: METADATA: custom.routing.required_tools: expected a list of non-empty strings, got the element 1")
        #expect(failure("# METADATA\n# title: [a]\npackage p\n")?.description == "p.rego:2: METADATA: title: expected a string, got array [\"a\"]")
        #expect(failure("# METADATA\n# custom: 3\npackage p\n")?.description.contains("custom: expected a mapping") == true)
        #expect(failure("# METADATA\n# custom:\n#   routing: [x]\npackage p\n")?.description.contains("custom.routing: expected a mapping") == true)
        #expect(failure("# METADATA\n# custom:\n#   severity: 3\npackage p\n")?.description == "p.rego:3: METADATA: custom.severity: expected a string, got number 3")
    }

    @Test("the demo project's policies all parse, with routing, sorted, system/ skipped")
    func demoProject() throws {
        let directory = try #require(ConfigTestPaths.policyDirectory)
        let (policies, warnings) = try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(policies.count == 9)
        #expect(policies.map(\.path) == policies.map(\.path).sorted())
        #expect(policies.allSatisfy { $0.routing != nil && $0.id != nil && $0.packageName.hasPrefix("cupcake.policies.") })
        let bash = try #require(policies.first { $0.packageName == "cupcake.policies.bash_guard" })
        #expect(bash.routing == PolicyRouting(requiredEvents: ["PreToolUse"], requiredTools: ["Bash"]))
        #expect(bash.severity == "CRITICAL" && bash.scope == "package")
    }

    @Test("discovery: recursion, skipped files and directories, warnings, errors")
    func discovery() throws {
        let directory = NSTemporaryDirectory() + "cupcake-policies-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let root = directory + "/policies/claude"
        try FileManager.default.createDirectory(atPath: root + "/nested/deeper", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/system", withIntermediateDirectories: true)
        let routed = "# METADATA\n# custom:\n#   routing:\n#     required_events: [PreToolUse]\npackage "
        try (routed + "b").write(toFile: root + "/b.rego", atomically: true, encoding: .utf8)
        try (routed + "a").write(toFile: root + "/nested/deeper/a.rego", atomically: true, encoding: .utf8)
        try "package helpers\n".write(toFile: root + "/helpers.rego", atomically: true, encoding: .utf8)
        try "package cupcake.system\n".write(toFile: root + "/system/evaluate.rego", atomically: true, encoding: .utf8)
        try "package b_test\n".write(toFile: root + "/b_test.rego", atomically: true, encoding: .utf8)
        try "not rego".write(toFile: root + "/README.md", atomically: true, encoding: .utf8)
        let (policies, warnings) = try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude")
        #expect(policies.map(\.packageName) == ["b", "a"])
        #expect(policies.map(\.path) == [root + "/b.rego", root + "/nested/deeper/a.rego"])
        #expect(warnings == ["\(root)/helpers.rego: no custom.routing in a # METADATA block; policy skipped"])

        let missing = try PolicyDiscovery.discover(policyDirectory: directory, harness: "cursor")
        #expect(missing.policies.isEmpty && missing.warnings.count == 1)

        try "# METADATA\n# custom: [\npackage broken\n".write(toFile: root + "/c.rego", atomically: true, encoding: .utf8)
        #expect(throws: PolicyError.self) { try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude") }
    }
}
