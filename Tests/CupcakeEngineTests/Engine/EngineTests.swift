import CupcakeTestSupport
import CupcakeTrace
import Foundation
import Synchronization
import Testing

@testable import CupcakeEngine

/// The pipeline through `Engine`: which signals run, actions after which decisions, the global
/// layer, the answer before the actions, concurrency, all checked with the trace it leaves.
@Suite struct EngineTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the demo project with its own rulebook.yml, in a fresh directory.
    struct Project {
        let directory: String
        var policyDirectory: String { directory + "/.cupcake" }
        var cache: String { directory + "/cache" }

        init(rulebook: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-engine-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: EngineTests.root.appendingPathComponent("Fixtures/project/.cupcake").path, toPath: policyDirectory)
            try rulebook.write(toFile: policyDirectory + "/rulebook.yml", atomically: true, encoding: .utf8)
        }

        func engine(categories: TraceCategory = [], sink: InMemorySink = InMemorySink(), global: String? = nil) throws -> Engine {
            let configuration = EngineConfiguration(
                policyDirectory: policyDirectory, harness: .claude, globalDirectory: global, cacheDirectory: cache)
            return try Engine(configuration: configuration, tracer: Tracer(configuration: TraceConfiguration.pipeline(categories: categories, sink: sink)))
        }
    }

    static func event(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("Fixtures/events/claude/\(name).json")))
    }

    static func lines(_ sink: InMemorySink) throws -> [TraceLine] { try sink.lines.map(TraceLine.init) }

    @Test func signalsRunOnlyForPoliciesThatNeedThem() async throws {
        let project = try Project(rulebook: "signals:\n  git_branch:\n    command: echo main\n    timeout_seconds: 5\n")
        let sink = InMemorySink()
        let engine = try project.engine(categories: .signals, sink: sink)
        let commit = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-git-commit"))
        guard case .ask(let verdict) = commit.decision else {
            Issue.record("expected ask, got \(commit.decision)")
            return
        }
        #expect(verdict.ruleIDs == ["GIT-002"])
        let signals = try Self.lines(sink).filter { $0.span == "signal" }
        #expect(signals.count == 1)
        #expect(signals.first?["signal_name"] as? String == "git_branch")
        #expect(signals.first?["exit_code"] as? Int == 0)
        sink.removeAll()
        // A Write event routes no policy that needs a signal: nothing runs.
        _ = try await engine.evaluate(eventJSON: try Self.event("pretooluse-write-etc"))
        #expect(try Self.lines(sink).filter { $0.span == "signal" }.isEmpty)
    }

    @Test func aSignalPastItsTimeoutIsKilledWithItsChildren() async throws {
        let project = try Project(rulebook: "placeholder: true\n")
        let pidFile = project.directory + "/pid"
        try """
            signals:
              git_branch:
                command: "sleep 30 & echo $! > '\(pidFile)'; wait"
                timeout_seconds: 0.3
            """.write(toFile: project.policyDirectory + "/rulebook.yml", atomically: true, encoding: .utf8)
        let sink = InMemorySink()
        let engine = try project.engine(categories: .signals, sink: sink)
        let result = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-git-commit"))
        #expect(result.decision == .allow(context: []))
        let lines = try Self.lines(sink)
        #expect(lines.contains { $0.event == "signal timed out" })
        #expect(lines.first(where: { $0.isSpanLine && $0.span == "signal" })?["timed_out"] as? Bool == true)
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(Int32(pidText))
        // SIGKILL takes effect when the target is next scheduled: allow a loaded machine 2 s.
        var dead = Self.isDead(pid)
        for _ in 0..<40 where !dead {
            try await Task.sleep(for: .milliseconds(50))
            dead = Self.isDead(pid)
        }
        #expect(dead, "background child \(pid) outlived the signal's timeout")
    }

    /// Whether `pid` has exited: gone, or a zombie waiting for init to reap it (SIGKILL is
    /// delivered at once, but reaping by the new parent takes a moment).
    static func isDead(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state == "Z" || state == "X"
    }

    @Test func actionsRunAfterADenialAndNotAfterAnAllow() async throws {
        let project = try Project(rulebook: "placeholder: true\n")
        let record = project.directory + "/denied.json"
        try """
            actions:
              on_any_denial:
                - command: "cat > '\(record)'"
                  timeout_seconds: 5
            """.write(toFile: project.policyDirectory + "/rulebook.yml", atomically: true, encoding: .utf8)
        let sink = InMemorySink()
        let engine = try project.engine(categories: .actions, sink: sink)
        let allowed = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-ls"))
        #expect(allowed.actions.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: record))
        let denied = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-rm-rf"))
        #expect(denied.actions.count == 1)
        #expect(denied.actions.first?.exitCode == 0)
        let decision = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: record))))
        #expect(decision["decision"] == "deny")
        #expect(decision["rule_ids"] == ["BASH-001"])
        let actionSpans = try Self.lines(sink).filter { $0.span == "action" }
        #expect(actionSpans.count == 1)
        #expect(actionSpans.first?["action_type"] as? String == "on_any_denial")
        #expect(actionSpans.first?["exit_code"] as? Int == 0)
    }

    @Test("decide answers with no action run; runActions then runs them, a slow one stopped at its timeout; both in one trace")
    func theAnswerComesBeforeTheActionsAndSlowActionsAreStopped() async throws {
        let project = try Project(rulebook: "placeholder: true\n")
        let marker = project.directory + "/done"
        try """
            actions:
              by_rule_id:
                SYS-001:
                  - command: "sleep 0.3; touch '\(marker)'"
                    timeout_seconds: 5
                  - command: "sleep 30"
                    timeout_seconds: 0.3
            """.write(toFile: project.policyDirectory + "/rulebook.yml", atomically: true, encoding: .utf8)
        let sink = InMemorySink()
        let engine = try project.engine(categories: .all, sink: sink)
        let decided = try await engine.decide(eventJSON: try Self.event("pretooluse-bash-forkbomb"))
        #expect(decided.decision.name == "halt")  // the demo policy's fork bomb rule halts
        #expect(decided.actions.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: marker))  // answered before any action ran
        let actions = await engine.runActions(for: decided)
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(actions.count == 2)
        #expect(actions.filter(\.timedOut).count == 1)
        // The actions' span, started after the root ended, continues the evaluation's trace.
        let lines = try Self.lines(sink)
        let root = try #require(lines.first { $0.span == "evaluate" })
        let stage = try #require(lines.first { $0.span == "execute_actions" })
        #expect(stage.traceID == root.traceID)
        #expect(stage["parent_span_id"] as? String == root.spanID)
        #expect(lines.filter { $0.span == "action" }.allSatisfy { $0.traceID == root.traceID })
    }

    @Test func aGlobalDenialAnswersAtOnce() async throws {
        let project = try Project(rulebook: "placeholder: true\n")
        let global = try Project(rulebook: "placeholder: true\n")
        let sink = InMemorySink()
        let engine = try project.engine(categories: .routing, sink: sink, global: global.policyDirectory)
        let denied = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-rm-rf"))
        #expect(denied.decision.name == "deny")
        #expect(try Self.lines(sink).filter { $0.span == "route" }.compactMap { $0["layer"] as? String } == ["global"])
        sink.removeAll()
        _ = try await engine.evaluate(eventJSON: try Self.event("pretooluse-bash-ls"))
        #expect(try Self.lines(sink).filter { $0.span == "route" }.compactMap { $0["layer"] as? String } == ["global", "project"])
    }

    @Test func concurrentEvaluationsEachGetAWholeTrace() async throws {
        let project = try Project(rulebook: "placeholder: true\n")
        let sink = InMemorySink()
        let engine = try project.engine(categories: .eval, sink: sink)
        let names = ["pretooluse-bash-rm-rf", "pretooluse-bash-ls", "userpromptsubmit", "pretooluse-write-etc", "sessionstart"]
        let events = try names.map(Self.event)
        let decisions = await withTaskGroup(of: String.self) { group in
            for index in 0..<50 {
                group.addTask { (try? await engine.evaluate(eventJSON: events[index % events.count]).decision.name) ?? "error" }
            }
            var all: [String] = []
            for await name in group { all.append(name) }
            return all
        }
        #expect(decisions.filter { $0 == "deny" }.count == 20)
        #expect(!decisions.contains("error"))
        let lines = try Self.lines(sink)
        let roots = lines.filter { $0.span == "evaluate" }
        #expect(roots.count == 50)
        #expect(Set(roots.compactMap(\.traceID)).count == 50)
        let byTrace = Dictionary(grouping: lines, by: { $0.traceID ?? "" })
        for (_, members) in byTrace {
            let ids = Set(members.compactMap(\.spanID))
            #expect(members.allSatisfy { $0.parentSpanID.map(ids.contains) ?? true })
        }
    }
}
