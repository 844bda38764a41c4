import CupcakeTestSupport
import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// Routed-only evaluation against the module's own aggregate: identical decisions on every
/// fixture event, the plan chosen for the right reasons, and the trace saying which.
@Suite struct RoutedEvaluationTests {
    /// A copy of a fixture project (actions then write nowhere shared), with its cache.
    struct Copy {
        let directory: String
        var policyDirectory: String { directory + "/.cupcake" }
        var cache: String { directory + "/cache" }

        init(_ project: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-routed-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: EngineTests.root.appendingPathComponent("Fixtures/\(project)/.cupcake").path, toPath: policyDirectory)
            // No actions: only decisions are compared.
            let rulebook = policyDirectory + "/rulebook.yml"
            let text = (try? String(contentsOfFile: rulebook, encoding: .utf8)) ?? ""
            try text.replacingOccurrences(of: "echo denied >> /tmp/cupcake-demo-actions.log", with: "true")
                .write(toFile: rulebook, atomically: true, encoding: .utf8)
        }

        func engine(_ harness: Harness, _ mode: PolicyEvaluationMode, sink: InMemorySink? = nil) throws -> Engine {
            let configuration = EngineConfiguration(
                policyDirectory: policyDirectory, harness: harness, cacheDirectory: cache, policyEvaluation: mode)
            let tracer = sink.map { Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: $0)) } ?? .disabled
            return try Engine(configuration: configuration, tracer: tracer)
        }
    }

    static func isRouted(_ engine: Engine) -> Bool {
        if case .routed = engine.project.plan { return true }
        return false
    }

    /// Both engines' decisions on `events`; returns how many were not Allow (so a comparison
    /// of nothing but Allows cannot pass unnoticed).
    static func compare(_ events: [(name: String, bytes: [UInt8])], routed: Engine, aggregate: Engine) async throws -> Int {
        #expect(isRouted(routed), "routed plan: \(routed.project.planReason)")
        #expect(!isRouted(aggregate))
        var decided = 0
        for event in events {
            let viaAggregate = try await aggregate.evaluate(eventJSON: event.bytes)
            let viaRoutes = try await routed.evaluate(eventJSON: event.bytes)
            #expect(viaRoutes.decision == viaAggregate.decision, "\(event.name)")
            if case .allow = viaAggregate.decision {} else { decided += 1 }
        }
        return decided
    }

    @Test("the demo project: every fixture event of every harness, both ways", arguments: Harness.allCases)
    func demoProject(harness: Harness) async throws {
        let copy = try Copy("project")
        let events = try HarnessEventFixtures.names(harness).map { ($0, try HarnessEventFixtures.bytes(harness, $0)) }
        #expect(!events.isEmpty)
        let decided = try await Self.compare(events, routed: try copy.engine(harness, .routed), aggregate: try copy.engine(harness, .aggregate))
        #expect(decided >= 3, "too few events decide anything to compare")
    }

    @Test("the large project: fixture events and one event per policy needle, both ways")
    func largeProject() async throws {
        let copy = try Copy("large")
        var events = try HarnessEventFixtures.names(.claude).map { ($0, try HarnessEventFixtures.bytes(.claude, $0)) }
        // Every needle of every policy (Fixtures/tools/make_large.py: policy i's verb is
        // VERBS[(i / 8) % 4], its needles "<verb>-pNNN-00" …) in every field, on each kind of
        // tool: decisions of many packages and verbs at once.
        let verbs = ["deny", "halt", "ask", "block"]
        let soup = (0..<96).flatMap { policy in
            (0..<17).map { verbs[(policy / 8) % 4] + String(format: "-p%03d-%02d", policy, $0) }
        }.joined(separator: " ")
        for tool in ["Bash", "Write", "Edit", "Read", "Grep", "Glob", "WebFetch", "Task", "MultiEdit", "NotebookEdit"] {
            let event: JSONValue = [
                "hook_event_name": "PreToolUse", "session_id": "s", "transcript_path": "/tmp/t", "cwd": "/tmp",
                "tool_name": .string(tool),
                "tool_input": ["command": .string(soup), "file_path": .string("/tmp/" + soup), "pattern": .string(soup),
                               "url": .string(soup), "prompt": .string(soup)],
            ]
            events.append(("needles-\(tool)", event.serialized()))
        }
        let decided = try await Self.compare(events, routed: try copy.engine(.claude, .routed), aggregate: try copy.engine(.claude, .aggregate))
        #expect(decided >= 4)
    }

    @Test("the adversarial project with a standard aggregator: every fixture event and attacks, both ways")
    func adversarialProject() async throws {
        let copy = try Copy("adversarial")
        try FileManager.default.copyItem(atPath: EngineTests.root.appendingPathComponent("Fixtures/project/.cupcake/system/evaluate.rego").path,
                                         toPath: copy.policyDirectory + "/system/standard.rego")
        try FileManager.default.removeItem(atPath: copy.policyDirectory + "/system/evaluate.rego")
        var events = try HarnessEventFixtures.names(.claude).map { ($0, try HarnessEventFixtures.bytes(.claude, $0)) }
        let attacks: [JSONValue] = [
            ["hook_event_name": "PreToolUse", "tool_name": "Bash", "cwd": "/tmp", "session_id": "s", "transcript_path": "/t",
             "tool_input": ["command": "rm  -rf   /important"]],
            ["hook_event_name": "PreToolUse", "tool_name": "Bash", "cwd": "/tmp", "session_id": "s", "transcript_path": "/t",
             "tool_input": ["command": "echo x > /etc/passwd && rm -rf .cupcake"]],
            ["hook_event_name": "PreToolUse", "tool_name": "Write", "cwd": "/tmp", "session_id": "s", "transcript_path": "/t",
             "tool_input": ["file_path": "/etc/../etc/hosts", "content": "x"]],
        ]
        events += attacks.enumerated().map { ("attack-\($0.offset)", $0.element.serialized()) }
        let decided = try await Self.compare(events, routed: try copy.engine(.claude, .routed), aggregate: try copy.engine(.claude, .aggregate))
        #expect(decided >= 2)
    }

    @Test("automatic: a prebuilt bundle keeps the aggregate; a non-standard aggregator too, with the reason traced")
    func planReasons() throws {
        let copy = try Copy("project")
        let automatic = try copy.engine(.claude, .automatic)
        #expect(!Self.isRouted(automatic))
        #expect(automatic.project.planReason == "prebuilt bundle")
        let adversarial = try Copy("adversarial")
        let sink = InMemorySink()
        let forced = try adversarial.engine(.claude, .routed, sink: sink)
        #expect(!Self.isRouted(forced))
        let plan = try sink.lines.map(TraceLine.init).first { $0.span == "plan_evaluation" }
        #expect(plan?["plan"] as? String == "aggregate")
        #expect((plan?["reason"] as? String)?.hasPrefix("aggregator not standard") == true)
    }

    @Test("routed: only the matched packages' entrypoints are evaluated, named in the wasm_eval span")
    func tracedEntrypoints() async throws {
        let copy = try Copy("project")
        let sink = InMemorySink()
        let engine = try copy.engine(.claude, .routed, sink: sink)
        let result = try await engine.evaluate(eventJSON: try HarnessEventFixtures.bytes(.claude, "pretooluse-bash-rm-rf"))
        guard case .deny = result.decision else {
            Issue.record("expected deny, got \(result.decision)")
            return
        }
        let spans = try sink.lines.map(TraceLine.init)
        let wasm = try #require(spans.first { $0.span == "wasm_eval" })
        #expect(wasm["mode"] as? String == "routed")
        let entrypoints = wasm["entrypoints"] as? [String] ?? []
        #expect(entrypoints.contains("cupcake/policies/bash_guard"))
        #expect(!entrypoints.contains("cupcake/policies/env_files"))
        #expect(!entrypoints.contains("cupcake/system/evaluate"))
        #expect(wasm["decision_count"] as? Int == 1)  // BASH-001's denial alone
    }

    @Test("a bundle without an entrypoint for a routed package falls back to the aggregate")
    func missingEntrypointFallsBack() throws {
        let copy = try Copy("project")
        try """
            package cupcake.policies.unexported
            # METADATA
            # scope: package
            # custom:
            #   routing:
            #     required_events: ["PreToolUse"]
            """.write(toFile: copy.policyDirectory + "/policies/claude/unexported.rego", atomically: true, encoding: .utf8)
        let engine = try copy.engine(.claude, .routed)
        #expect(!Self.isRouted(engine))
        #expect(engine.project.planReason.contains("cupcake/policies/unexported"))
    }
}
