import Testing
@testable import CupcakeEngine

@Suite("rulebook.yml parsing")
struct RulebookParsingTests {
    private func failure(_ text: String) -> ConfigError? {
        do {
            _ = try Rulebook.parse(text, origin: "rulebook.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test("the demo project's rulebook")
    func demo() throws {
        let text = """
        # Demo
        signals:
          git_branch:
            command: "git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown"
            timeout_seconds: 2

        actions:
          on_any_denial:
            - command: "echo denied >> /tmp/log"
              timeout_seconds: 2

        builtins: {}
        """
        let rulebook = try Rulebook.parse(text, origin: "rulebook.yml")
        #expect(rulebook.signals == ["git_branch": SignalDefinition(name: "git_branch", command: "git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown", timeoutSeconds: 2)])
        #expect(rulebook.onAnyDenial == [ActionDefinition(command: "echo denied >> /tmp/log", timeoutSeconds: 2)])
        #expect(rulebook.actionsByRuleID.isEmpty)
        #expect(rulebook.builtinConfig == .object([:]))
        #expect(rulebook.failMode == .open)
        #expect(rulebook.warnings.isEmpty)
    }

    @Test("other shapes: bare command strings, single actions, by_rule_id, builtins, fail_mode, default timeouts")
    func shapes() throws {
        let text = """
        signals:
          branch: git branch --show-current
          info: {command: "uname -a", timeout_seconds: 0.5}
        actions:
          on_any_denial: echo denied
          by_rule_id:
            SEC-001:
              - command: notify --high
              - echo second
            LINT-001: {command: lint}
        builtins:
          protected_paths:
            enabled: true
            paths: ["/etc/", "~/.ssh/"]
        fail_mode: closed
        """
        let rulebook = try Rulebook.parse(text, origin: "rulebook.yml")
        #expect(rulebook.signals["branch"] == SignalDefinition(name: "branch", command: "git branch --show-current", timeoutSeconds: 5))
        #expect(rulebook.signals["info"]?.timeoutSeconds == 0.5)
        #expect(rulebook.onAnyDenial == [ActionDefinition(command: "echo denied", timeoutSeconds: 5)])
        #expect(rulebook.actionsByRuleID["SEC-001"] == [ActionDefinition(command: "notify --high"), ActionDefinition(command: "echo second")])
        #expect(rulebook.actionsByRuleID["LINT-001"] == [ActionDefinition(command: "lint")])
        #expect(rulebook.builtinConfig == ["protected_paths": [
            "message": "This path is read-only and cannot be modified", "paths": ["/etc/", "~/.ssh/"]]])
        #expect(rulebook.failMode == .closed)
    }

    @Test("sections left empty (only comments under them), and an empty file, give an empty rulebook")
    func emptySections() throws {
        let rulebook = try Rulebook.parse("signals:\n  # current_branch:\n  #   command: x\nactions:\n  # on_any_denial:\nbuiltins:\n", origin: "rulebook.yml")
        #expect(rulebook.signals.isEmpty && rulebook.onAnyDenial.isEmpty && rulebook.actionsByRuleID.isEmpty)
        #expect(rulebook.builtinConfig == .object([:]))
        let empty = try Rulebook.parse("# nothing\n", origin: "rulebook.yml")
        #expect(empty.signals.isEmpty && empty.failMode == .open && empty.builtinConfig == .object([:]))
        #expect(Rulebook.empty.signals.isEmpty && Rulebook.empty.builtinConfig == .object([:]))
    }

    @Test("unknown keys are tolerated and reported as warnings with their line")
    func unknownKeys() throws {
        let rulebook = try Rulebook.parse("signals: {}\nguidebook: 1\nactions:\n  later: []\n  on_any_denial:\n    - command: x\n      retries: 3\n", origin: "rulebook.yml")
        #expect(rulebook.warnings.contains("rulebook.yml:2: unknown top-level key \"guidebook\" ignored"))
        #expect(rulebook.warnings.contains { $0.hasPrefix("rulebook.yml:4: unknown key \"actions.later\"") })
        #expect(rulebook.warnings.contains { $0.hasPrefix("rulebook.yml:7: unknown key \"actions.on_any_denial[0].retries\"") })
        #expect(rulebook.warnings.count == 3)
    }

    @Test("a timeout that is not a number names file, line and key path")
    func timeoutNotANumber() {
        let text = "signals:\n  git_branch:\n    command: git\n    timeout_seconds: soon\n"
        #expect(failure(text)?.description == "rulebook.yml:4: signals.git_branch.timeout_seconds: expected a number of seconds, got \"soon\"")
    }

    @Test("out-of-range timeouts", arguments: ["0", "-1", "301", ".inf", "1e9"])
    func timeoutRange(_ timeout: String) {
        let error = failure("actions:\n  on_any_denial:\n    - command: x\n      timeout_seconds: \(timeout)\n")
        #expect(error?.description.hasPrefix("rulebook.yml:4: actions.on_any_denial[0].timeout_seconds: expected a number of seconds") == true, "\(String(describing: error))")
    }

    @Test("bad commands, names and section types")
    func badValues() {
        #expect(failure("signals:\n  s:\n    command: \"\"\n")?.description == "rulebook.yml:3: signals.s.command: expected a non-empty command string, got \"\"")
        #expect(failure("signals:\n  s:\n    timeout_seconds: 2\n")?.description == "rulebook.yml:3: signals.s: missing \"command\"")
        #expect(failure("signals:\n  s: 42\n")?.description.contains("signals.s: expected a command string") == true)
        #expect(failure("signals:\n  s:\n    command: [a]\n")?.description.contains("signals.s.command: expected a non-empty command string") == true)
        #expect(failure("signals:\n  \"\": x\n")?.description.contains("signal names must not be empty") == true)
        #expect(failure("signals: [a, b]\n")?.description == "rulebook.yml:1: signals: expected a mapping of signal names to commands, got array [\"a\",\"b\"]")
        #expect(failure("actions: run\n")?.description.contains("actions: expected a mapping") == true)
        #expect(failure("actions:\n  by_rule_id: [x]\n")?.description.contains("actions.by_rule_id: expected a mapping of rule ids") == true)
        #expect(failure("actions:\n  by_rule_id:\n    \" \": x\n")?.description.contains("rule ids must not be empty") == true)
        #expect(failure("builtins: [x]\n")?.description.contains("builtins: expected a mapping") == true)
        #expect(failure("builtins:\n  protected_pathz: {}\n")?.description.hasPrefix("rulebook.yml:2: builtins.protected_pathz: unknown builtin") == true)
        #expect(failure("fail_mode: maybe\n")?.description == "rulebook.yml:1: fail_mode: expected \"open\" or \"closed\", got \"maybe\"")
        #expect(failure("- a\n- b\n")?.description.contains("(top level): expected a mapping of sections") == true)
        #expect(failure("actions:\n  on_any_denial:\n    - 3\n")?.description.contains("actions.on_any_denial[0]: expected a command string") == true)
    }

    @Test("preprocessing: script inspection on by default, switchable, its byte limit bounded")
    func preprocessing() throws {
        #expect(try Rulebook.parse("signals: {}\n", origin: "rulebook.yml").preprocessing == PreprocessingOptions())
        let off = try Rulebook.parse("preprocessing:\n  script_inspection: false\n  max_script_bytes: 4096\n", origin: "rulebook.yml")
        #expect(off.preprocessing.scriptInspection == false)
        #expect(off.preprocessing.maxScriptBytes == 4096)
        #expect(failure("preprocessing:\n  script_inspecton: false\n")?.description
            == "rulebook.yml:2: preprocessing.script_inspecton: unknown key (expected script_inspection or max_script_bytes)")
        #expect(failure("preprocessing:\n  script_inspection: \"no\"\n")?.description
            == "rulebook.yml:2: preprocessing.script_inspection: expected true or false, got \"no\"")
        #expect(failure("preprocessing:\n  max_script_bytes: 0\n")?.description.contains("expected a whole number of bytes from 1 to 16777216") == true)
        #expect(failure("preprocessing: [x]\n")?.description.contains("preprocessing: expected a mapping") == true)
    }

    @Test("YAML errors pass through with their location")
    func yamlErrors() {
        guard case .yaml(let error) = failure("signals:\n\tx: 1\n") else {
            Issue.record("expected a YAML error")
            return
        }
        #expect(error.description == "rulebook.yml:2:1: tabs are not allowed for indentation")
    }
}
