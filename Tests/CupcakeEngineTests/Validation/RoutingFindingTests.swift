import Foundation
import Testing
@testable import CupcakeEngine

/// The METADATA and routing findings, each with the file and line it names.
@Suite("validate: METADATA and routing")
struct RoutingFindingTests {
    @Test("a well-formed policy gives no finding")
    func clean() throws {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]", "required_tools: [Bash, \"mcp__github__create_issue\"]"]))
        let report = try project.validate()
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.filesChecked == [project.path("policies/claude/t.rego")])
    }

    @Test("metadata-missing: an error at the package line when the file has decision rules, a warning for helpers")
    func metadataMissing() throws {
        let project = ValidationProject()
        try project.policy("rules", "# a comment\npackage cupcake.policies.rules\n\nimport rego.v1\n\n" + ValidationProject.standardDeny)
        try project.policy("helpers", "package cupcake.lib.helpers\n\nis_shell(tool) if tool == \"Bash\"\n")
        try project.policy("marked", "# METADATA\n# title: no routing\npackage cupcake.policies.marked\n\n" + ValidationProject.standardDeny)
        let report = try project.validate()
        #expect(report.places(.metadataMissing) == [
            "warning \(project.path("policies/claude/helpers.rego")):1",
            "error \(project.path("policies/claude/marked.rego")):1",
            "error \(project.path("policies/claude/rules.rego")):2",
        ])
    }

    @Test("metadata-malformed: the line of the bad value")
    func metadataMalformed() throws {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]", "required_tools: Bash"]))
        let report = try project.validate()
        #expect(report.places(.metadataMalformed) == ["error \(project.path("policies/claude/t.rego")):6"])
        #expect(report.messages(.metadataMalformed).first?.contains("custom.routing.required_tools: expected a list of strings") == true)
    }

    @Test("package-missing: named, without a line")
    func packageMissing() throws {
        let project = ValidationProject()
        try project.policy("t", "# METADATA\n# custom:\n#   routing:\n#     required_events: [PreToolUse]\n")
        let report = try project.validate()
        #expect(report.places(.packageMissing) == ["error \(project.path("policies/claude/t.rego")):-"])
    }

    @Test("unknown-event: an error at the element's line, with the name meant")
    func unknownEvent() throws {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events:", "  - PreToolUse", "  - pretooluse"]))
        try project.write("policies/cursor/c.rego", ValidationProject.rego(routing: ["required_events: [beforeShellExecution, PreToolUse]"]))
        let report = try project.validate(nil)
        #expect(report.places(.unknownEvent) == [
            "error \(project.path("policies/claude/t.rego")):7",
            "error \(project.path("policies/cursor/c.rego")):5",
        ])
        #expect(report.messages(.unknownEvent).first?.contains("(did you mean PreToolUse?)") == true)
        #expect(report.harnesses == [.claude, .cursor])
    }

    @Test("unknown-tool: a warning at the element's line; *, mcp__ names and Cursor's MCP tools pass")
    func unknownTool() throws {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]", "required_tools:", "  - \"*\"", "  - mcp__db__query", "  - Bsh"]))
        try project.write("policies/cursor/c.rego", ValidationProject.rego(routing: ["required_events: [beforeMCPExecution]", "required_tools: [database_query]"]))
        let report = try project.validate(nil)
        #expect(report.places(.unknownTool) == ["warning \(project.path("policies/claude/t.rego")):9"])
        #expect(report.messages(.unknownTool).first?.contains("(did you mean Bash?)") == true)
        #expect(report.errorCount == 0)
    }

    @Test("undefined-signal: an error at the element's line; rulebook and signals/ definitions count")
    func undefinedSignal() throws {
        let project = ValidationProject()
        try project.write("rulebook.yml", "signals:\n  git_branch: git branch --show-current\n")
        try project.write("signals/ticket.sh", "#!/bin/sh\necho T-1\n", executable: true)
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]", "required_signals:", "  - git_branch", "  - ticket", "  - git_brnch"]))
        let report = try project.validate()
        #expect(report.places(.undefinedSignal) == ["error \(project.path("policies/claude/t.rego")):9"])
        #expect(report.messages(.undefinedSignal).first?.contains("(did you mean git_branch?)") == true)
        #expect(report.filesChecked.first == project.path("rulebook.yml"))
    }

    @Test("routes-nothing: no events, or tools on events that carry none (an error when nothing is left, else a warning)")
    func routesNothing() throws {
        let project = ValidationProject()
        try project.policy("empty", ValidationProject.rego(routing: ["required_events: []"]))
        try project.policy("prompt", ValidationProject.rego(routing: ["required_events: [UserPromptSubmit]", "required_tools: [Bash]"]))
        try project.policy("mixed", ValidationProject.rego(routing: ["required_events:", "  - PreToolUse", "  - Stop", "required_tools: [Bash]"]))
        try project.policy("none", ValidationProject.rego(routing: ["required_tools: [Bash]"]))
        let report = try project.validate()
        #expect(report.places(.routesNothing) == [
            "error \(project.path("policies/claude/empty.rego")):5",
            "warning \(project.path("policies/claude/mixed.rego")):7",
            "error \(project.path("policies/claude/none.rego")):5",
            "error \(project.path("policies/claude/prompt.rego")):5",
        ])
    }

    @Test("upstream's builtin Rego is not routed, so its routing is not judged")
    func upstreamBuiltins() throws {
        let project = ValidationProject()
        try project.write("policies/claude/builtins/git_pre_check.rego", """
            # METADATA
            # custom:
            #   routing:
            #     required_events: [PreToolUse]
            #     required_signals: [__builtin_git_check]
            package cupcake.policies.builtins.git_pre_check

            """)
        let report = try project.validate()
        #expect(report.findings.isEmpty, "\(report.findings)")
    }
}
