import Testing

@testable import CupcakeEngine

/// Which aggregator sources count as the standard aggregator, and what they map.
@Suite struct AggregatorRecognizerTests {
    static let sixVerbs: [StandardAggregator.Entry] = [
        .init(key: "halts", verb: "halt"), .init(key: "denials", verb: "deny"), .init(key: "blocks", verb: "block"),
        .init(key: "asks", verb: "ask"), .init(key: "allow_overrides", verb: "allow_override"),
        .init(key: "add_context", verb: "add_context"),
    ]

    static func recognize(_ text: String) -> Result<StandardAggregator, AggregatorRecognizer.NotStandard> {
        AggregatorRecognizer.recognize([(path: "system/evaluate.rego", text: text)])
    }

    /// The form upstream's examples and tests use: `evaluate := decision_set if {…}` and the
    /// two-comprehension collect_verbs.
    static let upstreamExample = """
        package cupcake.system

        import rego.v1

        # METADATA
        # scope: document
        # custom:
        #   entrypoint: true
        evaluate := decision_set if {
            decision_set := {
                "halts": collect_verbs("halt"),
                "denials": collect_verbs("deny"),
                "blocks": collect_verbs("block"),
                "asks": collect_verbs("ask"),
                "allow_overrides": collect_verbs("allow_override"),
                "add_context": collect_verbs("add_context")
            }
        }

        collect_verbs(verb_name) := result if {
            verb_sets := [value |
                walk(data.cupcake.policies, [path, value])
                path[count(path) - 1] == verb_name
            ]

            all_decisions := [decision |
                some verb_set in verb_sets
                some decision in verb_set
            ]

            result := all_decisions
        }

        default collect_verbs(_) := []
        """

    @Test func upstreamsExampleForm() throws {
        let aggregator = try Self.recognize(Self.upstreamExample).get()
        #expect(aggregator.packageName == "cupcake.system")
        #expect(aggregator.root == ["cupcake", "policies"])
        #expect(aggregator.entries == Self.sixVerbs)
        #expect(aggregator.entrypoint == "cupcake/system/evaluate")
    }

    @Test("the global form: intermediate rules, data.cupcake.global.policies")
    func upstreamsGlobalForm() throws {
        let text = """
            package cupcake.global.system
            import rego.v1

            halts := collect_verbs("halt")
            denials := collect_verbs("deny")
            modifications := collect_verbs("modify")

            evaluate := {
                "halts": halts,
                "denials": denials,
                "modifications": modifications,
            }

            default collect_verbs(_) := []

            collect_verbs(verb_name) := result if {
                verb_sets := [value |
                    walk(data.cupcake.global.policies, [path, value])
                    path[count(path) - 1] == verb_name
                ]
                all_decisions := [decision |
                    some verb_set in verb_sets
                    some decision in verb_set
                ]
                result := all_decisions
            }
            """
        let aggregator = try Self.recognize(text).get()
        #expect(aggregator.packageName == "cupcake.global.system")
        #expect(aggregator.root == ["cupcake", "global", "policies"])
        #expect(aggregator.entries == [.init(key: "halts", verb: "halt"), .init(key: "denials", verb: "deny"),
                                       .init(key: "modifications", verb: "modify")])
        #expect(aggregator.entrypoint == "cupcake/global/system/evaluate")
        #expect(aggregator.relativePath(ofPackage: "cupcake.global.policies.a.b") == ["a", "b"])
        #expect(aggregator.relativePath(ofPackage: "cupcake.policies.a") == nil)
    }

    @Test("one comprehension, semicolons, `=` heads, `x := s[_]`, v0 bodies without `if`")
    func compactForms() throws {
        let text = """
            package cupcake.system
            evaluate = {"denials": collect_verbs("deny"), "asks": collect_verbs("ask")}
            collect_verbs(v) = [d | walk(data.cupcake.policies, [p, s]); v == p[count(p) - 1]; d := s[_]]
            """
        let aggregator = try Self.recognize(text).get()
        #expect(aggregator.entries == [.init(key: "denials", verb: "deny"), .init(key: "asks", verb: "ask")])
        let v0 = """
            package cupcake.system
            evaluate = x { x := {"denials": collect_verbs("deny")} }
            collect_verbs(v) = r { sets := [s | walk(data.cupcake.policies, [p, s]); p[count(p) - 1] == v]; r := [d | some s in sets; some d in s] }
            """
        #expect(try Self.recognize(v0).get().entries == [.init(key: "denials", verb: "deny")])
    }

    @Test("the fixture projects' aggregators", arguments: ["project", "large"])
    func fixtureAggregators(project: String) throws {
        let directory = EngineTests.root.appendingPathComponent("Fixtures/\(project)/.cupcake").path
        let sources = PolicyLayer.aggregatorSources(directory: directory, harness: "claude")
        #expect(sources.count == 1)
        let aggregator = try AggregatorRecognizer.recognize(sources).get()
        #expect(aggregator.entries.map(\.key) == ["halts", "denials", "blocks", "asks", "modifications", "add_context"])
    }

    @Test("anything else is not standard, with a reason", arguments: [
        // Another rule in the package.
        (Self.upstreamExample + "\nextra := 1\n", "extra"),
        // A different test on the path.
        (Self.upstreamExample.replacingOccurrences(of: "path[count(path) - 1] == verb_name", with: "path[0] == verb_name"), "count"),
        // One more condition in the walk.
        (Self.upstreamExample.replacingOccurrences(of: "path[count(path) - 1] == verb_name",
                                                   with: "path[count(path) - 1] == verb_name\n input.x == 1"), "input"),
        // A walk over something other than data.
        (Self.upstreamExample.replacingOccurrences(of: "walk(data.cupcake.policies", with: "walk(input.policies"), "input"),
        // evaluate names a rule that is not collect_verbs.
        (Self.upstreamExample.replacingOccurrences(of: "\"halts\": collect_verbs(\"halt\")", with: "\"halts\": other"), "other"),
        // Another package.
        (Self.upstreamExample.replacingOccurrences(of: "package cupcake.system", with: "package cupcake.mine"), "cupcake.mine"),
        // A default for evaluate.
        (Self.upstreamExample + "\ndefault evaluate := {}\n", "collect_verbs"),
        // Another import.
        (Self.upstreamExample.replacingOccurrences(of: "import rego.v1", with: "import rego.v1\nimport data.lib"), "data.lib"),
    ])
    func notStandard(text: String, mentioned: String) {
        switch Self.recognize(text) {
        case .success(let aggregator):
            Issue.record("recognised \(aggregator) in:\n\(text)")
        case .failure(let notStandard):
            #expect(notStandard.reason.contains(mentioned), "\(notStandard.reason)")
        }
    }

    @Test func theAdversarialProjectsComprehensionIsNotStandard() {
        let directory = EngineTests.root.appendingPathComponent("Fixtures/adversarial/.cupcake").path
        let sources = PolicyLayer.aggregatorSources(directory: directory, harness: "claude")
        #expect(throws: AggregatorRecognizer.NotStandard.self) { try AggregatorRecognizer.recognize(sources).get() }
    }

    @Test func rulesSplitAcrossFilesAreOneAggregatorAndAConflictIsNot() throws {
        let evaluate = """
            package cupcake.system
            evaluate := {"denials": collect_verbs("deny")}
            """
        let collect = """
            package cupcake.system
            collect_verbs(v) := [d | walk(data.cupcake.policies, [p, s]); p[count(p) - 1] == v; some d in s]
            """
        let split = AggregatorRecognizer.recognize([("a.rego", evaluate), ("b.rego", collect)])
        #expect(try split.get().entries == [.init(key: "denials", verb: "deny")])
        let twice = AggregatorRecognizer.recognize([("a.rego", evaluate), ("b.rego", collect), ("c.rego", evaluate)])
        #expect(throws: AggregatorRecognizer.NotStandard.self) { try twice.get() }
        #expect(throws: AggregatorRecognizer.NotStandard.self) { try AggregatorRecognizer.recognize([]).get() }
        #expect(throws: AggregatorRecognizer.NotStandard.self) { try AggregatorRecognizer.recognize([("a.rego", evaluate)]).get() }
    }
}
