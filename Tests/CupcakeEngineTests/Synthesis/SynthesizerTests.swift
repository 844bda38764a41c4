import Testing
@testable import CupcakeEngine

@Suite("Synthesizer")
struct SynthesizerTests {
    private func d(_ rule: String, _ reason: String, _ severity: Severity = .medium,
                   priority: Int? = nil, input: JSONValue? = nil, question: String? = nil) -> Decision {
        Decision(ruleID: rule, reason: reason, severity: severity, priority: priority, updatedInput: input, question: question)
    }

    private let halt = Decision(ruleID: "H-1", reason: "halt!", severity: .critical)
    private let deny = Decision(ruleID: "D-1", reason: "denied", severity: .high)
    private let block = Decision(ruleID: "B-1", reason: "blocked", severity: .high)
    private let ask = Decision(ruleID: "A-1", reason: "sure?", severity: .medium)
    private let modify = Decision(ruleID: "M-1", reason: "changed", severity: .low, priority: 1, updatedInput: ["a": 1])

    @Test("a global halt, denial or block decides alone; a global ask, modification or allow lets the project layer run")
    func globalPrecedence() {
        #expect(Synthesizer.globalDecides(DecisionSet(halts: [halt])))
        #expect(Synthesizer.globalDecides(DecisionSet(denials: [deny])))
        #expect(Synthesizer.globalDecides(DecisionSet(blocks: [block])))
        #expect(!Synthesizer.globalDecides(DecisionSet(asks: [ask])))
        #expect(!Synthesizer.globalDecides(DecisionSet(modifications: [modify], addContext: ["ctx"])))
        #expect(!Synthesizer.globalDecides(DecisionSet()))
    }

    @Test("each tier beats every tier below it")
    func tierOrder() {
        let full = DecisionSet(halts: [halt], denials: [deny], blocks: [block], asks: [ask],
                               modifications: [modify], addContext: ["ctx"])
        var set = full
        #expect(Synthesizer.synthesize(set).name == "halt")
        set.halts = []
        #expect(Synthesizer.synthesize(set).name == "deny")
        set.denials = []
        #expect(Synthesizer.synthesize(set).name == "block")
        set.blocks = []
        #expect(Synthesizer.synthesize(set).name == "ask")
        set.asks = []
        #expect(Synthesizer.synthesize(set).name == "modify")
        set.modifications = []
        #expect(Synthesizer.synthesize(set) == .allow(context: ["ctx"]))
        #expect(Synthesizer.synthesize([]) == .allow(context: []))
        #expect(Synthesizer.synthesize(.empty) == .allow(context: []))
    }

    @Test("names and priorities run 1 (halt) to 6 (allow)")
    func namesAndPriorities() {
        let verdict = Verdict(reason: "r", ruleIDs: ["X"], decisions: [])
        let all: [FinalDecision] = [.halt(verdict), .deny(verdict), .block(verdict), .ask(verdict),
                                    .modify(verdict, updatedInput: [:]), .allow(context: [])]
        #expect(all.map(\.name) == ["halt", "deny", "block", "ask", "modify", "allow"])
        #expect(all.map(\.priority) == [1, 2, 3, 4, 5, 6])
        #expect(all.map(\.reason) == ["r", "r", "r", "r", "r", nil])
    }

    @Test("a single decision's verdict is its own reason; halt, deny and block carry no context")
    func singleDecisionVerdict() {
        let result = Synthesizer.synthesize(DecisionSet(denials: [deny], addContext: ["ctx"]))
        #expect(result == .deny(Verdict(reason: "denied", ruleIDs: ["D-1"], decisions: [deny], context: [])))
        let halted = Synthesizer.synthesize(DecisionSet(halts: [halt], addContext: ["ctx"]))
        #expect(halted.context.isEmpty)
    }

    @Test("context goes only to an allow, as upstream; an ask's question is exposed")
    func contextOnlyOnAllow() {
        let asking = Synthesizer.synthesize(DecisionSet(asks: [d("A", "why", question: "Push anyway?")], addContext: ["c"]))
        #expect(asking.context.isEmpty)
        #expect(asking.verdict?.question == "Push anyway?")
        let modifying = Synthesizer.synthesize(DecisionSet(modifications: [modify], addContext: ["c"]))
        #expect(modifying.context.isEmpty)
        #expect(Synthesizer.synthesize(DecisionSet(addContext: ["c", "d"])) == .allow(context: ["c", "d"]))
    }

    @Test("several decisions: upstream's aggregation by severity, in the policies' order")
    func aggregation() {
        let mixed = DecisionSet(denials: [
            d("Z-9", "low thing", .low), d("B-2", "medium thing", .medium), d("C-3", "critical thing", .critical),
            d("A-1", "high thing", .high), d("I-1", "fyi", .info),
        ])
        #expect(Synthesizer.synthesize(mixed).reason
            == "Multiple high-severity policy violations detected: [C-3] critical thing; [A-1] high thing")
        #expect(Synthesizer.synthesize(mixed).verdict?.ruleIDs == ["Z-9", "B-2", "C-3", "A-1", "I-1"])
        let oneHigh = DecisionSet(denials: [d("M", "medium", .medium), d("H", "the high one", .high)])
        #expect(Synthesizer.synthesize(oneHigh).reason == "the high one")
        let mediums = DecisionSet(blocks: [d("M1", "first", .medium), d("M2", "second", .medium), d("L", "low", .low)])
        #expect(Synthesizer.synthesize(mediums).reason == "Multiple policy violations detected: [M1] first; [M2] second")
        let lows = DecisionSet(asks: [d("L1", "tidy up", .low), d("I", "consider", .info)])
        #expect(Synthesizer.synthesize(lows).reason == "Policy guidelines: tidy up; consider")
        #expect(ReasonFormat.message(for: []) == "Policy evaluation completed")
    }

    @Test("the same rule id with two reasons keeps both in order and lists the id once")
    func sameRuleTwoReasons() {
        let set = DecisionSet(blocks: [d("R", "second"), d("R", "first")])
        guard case .block(let verdict) = Synthesizer.synthesize(set) else {
            Issue.record("expected block")
            return
        }
        #expect(verdict.reason == "Multiple policy violations detected: [R] second; [R] first")
        #expect(verdict.ruleIDs == ["R"])
    }

    @Test("layers keep their order: the global layer's decisions come first")
    func layerOrder() {
        let a = d("A", "a", .high), b = d("B", "b", .high), c = d("C", "c", .low)
        let result = Synthesizer.synthesize([DecisionSet(denials: [b]), DecisionSet(denials: [a, c])])
        #expect(result.reason == "Multiple high-severity policy violations detected: [B] b; [A] a")
    }

    @Test("exact duplicates across layers collapse; context repeats are dropped")
    func duplicates() {
        let global = DecisionSet(asks: [ask], addContext: ["x", "y"])
        let project = DecisionSet(asks: [ask], addContext: ["y", "z"])
        #expect(Synthesizer.synthesize([global, project]) == .ask(Verdict(reason: "sure?", ruleIDs: ["A-1"], decisions: [ask])))
        #expect(Synthesizer.synthesize([DecisionSet(addContext: ["x", "y"]), DecisionSet(addContext: ["y", "z"])])
            == .allow(context: ["x", "y", "z"]))
    }

    @Test("a global halt beats a project allow, and a project deny beats a global ask")
    func layers() {
        #expect(Synthesizer.synthesize([DecisionSet(halts: [halt]), DecisionSet(addContext: ["ok"])]).name == "halt")
        #expect(Synthesizer.synthesize([DecisionSet(asks: [ask]), DecisionSet(denials: [deny])]).name == "deny")
    }

    @Test("allow overrides yield a plain allow and never outrank an ask")
    func allowOverrides() {
        let override = d("O", "trusted")
        #expect(Synthesizer.synthesize(DecisionSet(allowOverrides: [override], addContext: ["c"])) == .allow(context: ["c"]))
        #expect(Synthesizer.synthesize(DecisionSet(asks: [ask], allowOverrides: [override])).name == "ask")
    }

    @Test("modifications deep-merge; higher priority wins conflicts")
    func modifyMerge() {
        let low = d("LOW", "low", priority: 10, input: ["command": "low", "options": ["a": 1, "b": 1], "only_low": true])
        let high = d("HIGH", "high", priority: 90, input: ["command": "high", "options": ["b": 2, "c": 2]])
        let result = Synthesizer.synthesize(DecisionSet(modifications: [low, high]))
        guard case .modify(let verdict, let input) = result else {
            Issue.record("expected modify")
            return
        }
        #expect(input == ["command": "high", "options": ["a": 1, "b": 2, "c": 2], "only_low": true])
        #expect(verdict.reason == "Multiple modifications applied: [HIGH] high; [LOW] low")
        // Reversed input order, same outcome.
        let reversed = Synthesizer.synthesize(DecisionSet(modifications: [high, low]))
        #expect(reversed == result)
    }

    @Test("equal priorities: the earlier modification (global layer first) wins")
    func modifyTie() {
        let first = d("G", "global", priority: 5, input: ["command": "global"])
        let second = d("P", "project", priority: 5, input: ["command": "project", "extra": 1])
        let result = Synthesizer.synthesize([DecisionSet(modifications: [first]), DecisionSet(modifications: [second])])
        guard case .modify(_, let input) = result else {
            Issue.record("expected modify")
            return
        }
        #expect(input == ["command": "global", "extra": 1])
    }

    @Test("missing priority counts as 50, as upstream")
    func modifyMissingPriority() {
        let unranked = d("U", "u", input: ["command": "unranked"])
        let ranked = d("R", "r", priority: 51, input: ["command": "ranked"])
        let below = d("B", "b", priority: 49, input: ["command": "below"])
        guard case .modify(_, let beaten) = Synthesizer.synthesize(DecisionSet(modifications: [unranked, below])) else {
            Issue.record("expected modify")
            return
        }
        #expect(beaten == ["command": "unranked"])
        guard case .modify(_, let input) = Synthesizer.synthesize(DecisionSet(modifications: [unranked, ranked])) else {
            Issue.record("expected modify")
            return
        }
        #expect(input == ["command": "ranked"])
    }

    @Test("a non-object value replaces nothing it conflicts with of lower priority, and wins when higher")
    func modifyNonObjects() {
        let objectLow = d("O", "o", priority: 1, input: ["nested": ["x": 1]])
        let scalarHigh = d("S", "s", priority: 2, input: ["nested": "flat"])
        guard case .modify(_, let input) = Synthesizer.synthesize(DecisionSet(modifications: [objectLow, scalarHigh])) else {
            Issue.record("expected modify")
            return
        }
        #expect(input == ["nested": "flat"])
    }

    @Test("modifications without updated_input give an empty object")
    func modifyWithoutInput() {
        let result = Synthesizer.synthesize(DecisionSet(modifications: [d("M", "note only")]))
        #expect(result == .modify(Verdict(reason: "note only", ruleIDs: ["M"], decisions: [d("M", "note only")]),
                                  updatedInput: .object([:])))
    }

    @Test("the demo npm modification comes through intact")
    func demoModification() throws {
        let set = try DecisionSet(json: try JSONValue.parse("""
            {"add_context":[],"asks":[],"blocks":[],"denials":[],"halts":[],"modifications":[{"priority":50,"reason":"npm install runs package scripts; adding --ignore-scripts","rule_id":"NPM-001","severity":"LOW","updated_input":{"command":"npm install left-pad --ignore-scripts","description":"Install left-pad","timeout":120000}}]}
            """))
        guard case .modify(let verdict, let input) = Synthesizer.synthesize(set) else {
            Issue.record("expected modify")
            return
        }
        #expect(verdict.reason == "npm install runs package scripts; adding --ignore-scripts")
        #expect(input["command"] == "npm install left-pad --ignore-scripts")
        #expect(input["timeout"] == 120000)
    }
}
