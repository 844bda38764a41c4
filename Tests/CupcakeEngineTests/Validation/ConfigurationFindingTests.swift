import Foundation
import Testing
@testable import CupcakeEngine

/// The rulebook, `signals/`, file and layout findings, and hostile files.
@Suite("validate: rulebook, files and layout")
struct ConfigurationFindingTests {
    @Test("builtin-option: an unknown option or builtin is an error at its line")
    func builtinOption() throws {
        let project = ValidationProject()
        try project.write("rulebook.yml", "# builtins\nbuiltins:\n  git_block_no_verify:\n    enabld: true\n")
        let report = try project.validate(nil)
        #expect(report.places(.builtinOption) == ["error \(project.path("rulebook.yml")):4"])
        #expect(report.messages(.builtinOption).first?.contains("builtins.git_block_no_verify.enabld: unknown option") == true)
    }

    @Test("builtin-option: a global-only builtin in a project is a warning")
    func globalOnlyBuiltin() throws {
        let project = ValidationProject()
        try project.write("rulebook.yml", "builtins:\n  system_protection: {}\n")
        let report = try project.validate(nil)
        #expect(report.places(.builtinOption) == ["warning \(project.path("rulebook.yml")):-"])
    }

    @Test("rulebook-key: an unknown top-level key is a warning, an unknown preprocessing key an error, each at its line")
    func rulebookKey() throws {
        let project = ValidationProject()
        try project.write("rulebook.yml", "signal: echo\n")
        #expect(try project.validate(nil).places(.rulebookKey) == ["warning \(project.path("rulebook.yml")):1"])
        try project.write("rulebook.yml", "fail_mode: open\npreprocessing:\n  script_inspections: true\n")
        let report = try project.validate(nil)
        #expect(report.places(.rulebookKey) == ["error \(project.path("rulebook.yml")):3"])
        #expect(report.messages(.rulebookKey).first?.contains("preprocessing.script_inspections: unknown key") == true)
    }

    @Test("rulebook-syntax: YAML the parser refuses, at its line; signals are then not judged")
    func rulebookSyntax() throws {
        let project = ValidationProject()
        try project.write("rulebook.yml", "signals:\n  git_branch: \"unterminated\n")
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]", "required_signals: [git_branch]"]))
        let report = try project.validate()
        #expect(report.places(.rulebookSyntax) == ["error \(project.path("rulebook.yml")):2"])
        #expect(report.places(.undefinedSignal).isEmpty)
    }

    @Test("config-file: a signal script that is not executable is a warning naming it")
    func configFile() throws {
        let project = ValidationProject()
        try project.write("signals/branch.sh", "#!/bin/sh\n")
        let report = try project.validate(nil)
        #expect(report.places(.configFile) == ["warning \(project.path("signals/branch.sh")):-"])
    }

    @Test("file-unreadable: a file past the discovery limit is an error; binary junk never crashes")
    func hostileFiles() throws {
        let project = ValidationProject()
        try project.policy("huge", String(repeating: "# padding\n", count: PolicyDiscovery.maxPolicyBytes / 10 + 1))
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        junk.append(contentsOf: [0xFF, 0xFE, 0xC0, 0x80, 0x00])
        try project.write("policies/claude/junk.rego", junk)
        try project.write("policies/claude/utf8.rego", Data("package cupcake.policies.u\n\u{FEFF}deny contains \"".utf8) + Data([0xC3, 0x28]))
        let report = try project.validate()
        #expect(report.places(.fileUnreadable) == ["error \(project.path("policies/claude/huge.rego")):-"])
        #expect(report.places(.packageMissing) == ["error \(project.path("policies/claude/junk.rego")):-"])
        #expect(report.places(.regoUnreadable) == ["warning \(project.path("policies/claude/utf8.rego")):-"])
        #expect(report.filesChecked.count == 3)
    }

    @Test("policy-layout: a directory that is no harness's, or a named harness without policies")
    func policyLayout() throws {
        let project = ValidationProject()
        try project.write("policies/claude-code/t.rego", ValidationProject.rego(routing: ["required_events: [PreToolUse]"]))
        let all = try project.validate(nil)
        #expect(all.places(.policyLayout) == [
            "warning \(project.path("policies")):-", "warning \(project.path("policies/claude-code")):-",
        ])
        #expect(all.messages(.policyLayout).last?.contains("(did you mean claude?)") == true)
        #expect(all.harnesses.isEmpty)
        let named = try project.validate(.cursor)
        #expect(named.places(.policyLayout) == ["warning \(project.path("policies/cursor")):-"])
    }

    @Test("a missing policy directory is thrown, not reported")
    func missingDirectory() throws {
        #expect(throws: EngineError.self) { try ProjectValidator.validate(policyDirectory: "/nonexistent/.cupcake", harness: nil) }
    }

    @Test("every kind has a stable, distinct identifier")
    func kinds() {
        let names = ValidationFinding.Kind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    @Test("aggregator: missing is an error (unless a prebuilt bundle carries one); not standard, a warning, once")
    func aggregator() throws {
        let missing = ValidationProject()
        try missing.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]"]))
        let report = try missing.validate(aggregator: false)
        #expect(report.places(.aggregator) == ["error \(missing.path("system/evaluate.rego")):-"])
        try missing.write("bundles/claude.tar.gz", "prebuilt")
        #expect(try missing.validate(aggregator: false).places(.aggregator).isEmpty)

        let custom = ValidationProject()
        try custom.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]"]))
        try custom.write("policies/cursor/c.rego", ValidationProject.rego(routing: ["required_events: [beforeShellExecution]"]))
        try custom.write("system/evaluate.rego", "package cupcake.system\nevaluate := {\"denials\": [d | some d in data.cupcake.policies.t.deny]}\n")
        let warned = try custom.validate(nil)
        #expect(warned.places(.aggregator) == ["warning \(custom.path("system/evaluate.rego")):-"])
        #expect(warned.messages(.aggregator).first?.contains("not the standard aggregator") == true)
        #expect(warned.messages(.aggregator).first?.contains(custom.path("system")) == false, "the path is not repeated")
    }
}
