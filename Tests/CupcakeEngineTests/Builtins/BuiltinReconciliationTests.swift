import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// A project upstream initialised carries its builtins as Rego; the native builtins stand in
/// for that Rego, so no opa is needed and no decision counts twice.
@Suite("Builtins: upstream's builtin Rego")
struct BuiltinReconciliationTests {
    static func rego(_ name: String, package: String = "cupcake.policies.builtins", id: String = "BUILTIN-X") -> String {
        """
        # METADATA
        # scope: package
        # custom:
        #   id: \(id)
        #   routing:
        #     required_events: ["PreToolUse"]
        #     required_tools: ["Bash"]
        package \(package).\(name)

        import rego.v1

        deny contains decision if {
        \tdecision := {"rule_id": "\(id)", "reason": "from rego", "severity": "HIGH"}
        }
        """
    }

    @Test("a rulebook enabling no builtin: the builtin Rego present runs natively with its defaults, no opa needed")
    func adoptedWithDefaults() async throws {
        let project = try BuiltinProject(rulebook: "signals: {}\n")
        for name in ["git_block_no_verify", "rulebook_security_guardrails", "protected_paths"] {
            try project.write(".cupcake/policies/claude/builtins/\(name).rego", Self.rego(name))
        }
        let engine = try project.engine()
        #expect(engine.project.policies.isEmpty, "builtin Rego is not routed")
        #expect(engine.project.rulebook.builtins.enabledNames == ["rulebook_security_guardrails", "git_block_no_verify"],
                "protected_paths needs paths; without them upstream's Rego decides nothing")
        let decision = try await project.decide(BuiltinProject.bash("git commit --no-verify -m x"), engine: engine)
        #expect(decision.ruleIDs == ["BUILTIN-GIT-BLOCK-NO-VERIFY"])
        #expect(decision.reason == GitBlockNoVerify.upstreamReason, "one decision, not the Rego's and the native one's")
        #expect(try await project.decide(BuiltinProject.bash("git commit -m x"), engine: engine) == .allow(context: []))
    }

    @Test("a rulebook enabling some builtins loads only those, as upstream's file filter does")
    func enabledOnly() throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  protected_paths:\n    paths: [\"a/\"]\n")
        try project.write(".cupcake/policies/claude/builtins/git_block_no_verify.rego", Self.rego("git_block_no_verify"))
        #expect(try project.engine().project.rulebook.builtins.enabledNames == ["protected_paths"])
    }

    @Test("a builtin switched off stays off even when its Rego is present")
    func disabledStaysOff() throws {
        let project = try BuiltinProject(rulebook: "builtins:\n  git_block_no_verify:\n    enabled: false\n")
        try project.write(".cupcake/policies/claude/builtins/git_block_no_verify.rego", Self.rego("git_block_no_verify"))
        try project.write(".cupcake/policies/claude/builtins/rulebook_security_guardrails.rego", Self.rego("rulebook_security_guardrails"))
        #expect(try project.engine().project.rulebook.builtins.enabledNames == ["rulebook_security_guardrails"])
    }

    @Test("harness-named files (factory_…, opencode_…, Cursor's always_inject_on_prompt) map to their builtin", arguments: [
        ("factory_enforce_full_file_read.rego", "cupcake.policies.builtins.factory_enforce_full_file_read", "claude_code_enforce_full_file_read"),
        ("opencode_always_inject_on_prompt.rego", "cupcake.policies.builtins.opencode_always_inject_on_prompt", "claude_code_always_inject_on_prompt"),
        ("always_inject_on_prompt.rego", "cupcake.policies.builtins.always_inject_on_prompt", "claude_code_always_inject_on_prompt"),
        ("system_protection.rego", "cupcake.global.policies.builtins.system_protection", "system_protection"),
        ("global_file_lock.rego", "cupcake.policies.builtins.global_file_lock", "global_file_lock"),
        ("team_rules.rego", "cupcake.policies.builtins.team_rules", nil),
    ] as [(String, String, String?)])
    func names(file: String, package: String, native: String?) {
        #expect(BuiltinSettings.nativeName(ofRego: "/p/builtins/" + file, package: package) == native)
    }

    @Test("builtin Rego with no native twin stays an ordinary policy")
    func unknownStaysPolicy() {
        let policy = PolicyInfo(path: "/p/builtins/team_rules.rego", packageName: "cupcake.policies.builtins.team_rules")
        #expect(PolicyLayer.upstreamBuiltin(policy) == nil)
        let known = PolicyInfo(path: "/p/builtins/protected_paths.rego", packageName: "cupcake.policies.builtins.protected_paths")
        #expect(PolicyLayer.upstreamBuiltin(known) == "protected_paths")
    }

    @Test("a global layer's builtin Rego (cupcake.global.policies.builtins.*) is adopted there")
    func globalRego() async throws {
        let project = try BuiltinProject(rulebook: "", global: "builtins: {}\n")
        try project.write("global/policies/claude/builtins/system_protection.rego",
                          Self.rego("system_protection", package: "cupcake.global.policies.builtins", id: "GLOBAL-BUILTIN-SYSTEM-PROTECTION"))
        let decision = try await project.decide(BuiltinProject.bash("sudo ls"))
        #expect(decision.ruleIDs == ["GLOBAL-BUILTIN-SYSTEM-PROTECTION"])
        #expect(decision.reason == "Command blocked - references critical system paths")
    }

    @Test("decisions of upstream's builtin Rego compiled into a bundle are dropped; others kept")
    func dropsRegoDecisions() {
        var set = DecisionSet()
        set.denials = [Decision(ruleID: "BUILTIN-GIT-BLOCK-NO-VERIFY", reason: "rego", severity: .high),
                       Decision(ruleID: "MY-RULE", reason: "mine", severity: .high)]
        set.halts = [Decision(ruleID: "GLOBAL-BUILTIN-SYSTEM-PROTECTION", reason: "rego", severity: .critical)]
        set.addContext = ["kept"]
        let kept = BuiltinRuleIDs.removingBuiltinRego(from: set)
        #expect(kept.denials.map(\.ruleID) == ["MY-RULE"])
        #expect(kept.halts.isEmpty)
        #expect(kept.addContext == ["kept"])
    }

    @Test("input.builtin_config has upstream's shape, defaults filled, global entries over the project's")
    func inputConfig() throws {
        let project = try BuiltinProject(
            rulebook: "builtins:\n  protected_paths:\n    paths: [\"a/\"]\n  git_pre_check:\n    checks: [{command: \"true\", message: m}]\n",
            global: "builtins:\n  system_protection: {}\n  protected_paths:\n    paths: [\"g/\"]\n")
        let engine = try project.engine()
        let config = engine.builtinConfig(for: engine.project)
        #expect(config == [
            "protected_paths": ["message": "This path is read-only and cannot be modified", "paths": ["g/"]],
            "system_protection": ["message": "Access to critical system path blocked", "additional_paths": []],
        ], "\(config)")
    }
}
