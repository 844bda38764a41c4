import Foundation
import Testing
@testable import CupcakeEngine

@Suite("ActionRunner")
struct ActionRunnerTests {
    let runner = ActionRunner()
    let decision = Array(#"{"decision":"deny","rule_id":"NO-RM","reason":"$(touch /tmp/x); rm -rf /"}"#.utf8)

    @Test func actionsAreStartedAndWaitedFor() async throws {
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let running = runner.start(
            [(ruleID: "NO-RM", action: ActionDefinition(command: "cat > \(directory)/decision.json", timeoutSeconds: 5)),
             (ruleID: nil, action: ActionDefinition(command: "echo any > \(directory)/any.txt; exit 4", timeoutSeconds: 5))],
            decisionJSON: decision)
        #expect(running.count == 2)
        let results = await running.wait()
        #expect(results.map(\.ruleID) == ["NO-RM", nil])
        #expect(results.map(\.exitCode) == [0, 4])
        #expect(results.allSatisfy { !$0.timedOut && $0.error == nil })
        #expect(results.first?.command == "cat > \(directory)/decision.json")
        let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/decision.json"))
        #expect(Array(written) == decision)
        #expect(FileManager.default.fileExists(atPath: directory + "/any.txt"))
    }

    @Test func startReturnsBeforeTheActionsFinish() async throws {
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let marker = directory + "/done"
        let running = runner.start(
            [(ruleID: "R", action: ActionDefinition(command: "sleep 0.5; touch \(marker)", timeoutSeconds: 5))],
            decisionJSON: decision)
        #expect(!FileManager.default.fileExists(atPath: marker))
        let results = await running.wait()
        #expect(results.first?.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func actionPastItsTimeoutIsKilledWithItsChildren() async throws {
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let running = runner.start(
            [(ruleID: "R", action: ActionDefinition(
                command: "sleep 30 & echo $! > \(directory)/pid; echo $$ >> \(directory)/pid; wait", timeoutSeconds: 0.3))],
            decisionJSON: decision)
        let results = await running.wait()
        #expect(results.first?.timedOut == true)
        #expect(results.first?.exitCode == nil)
        let pids = ProcessTestSupport.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/pid"))))
        #expect(pids.count == 2)
        #expect(!ProcessTestSupport.anyAlive(pids))
    }

    @Test func actionThatCannotStartReportsWhy() async {
        let broken = ActionRunner(workingDirectory: "/no/such/dir")
        let results = await broken.start(
            [(ruleID: "R", action: ActionDefinition(command: "true", timeoutSeconds: 5))], decisionJSON: decision).wait()
        #expect(results.count == 1)
        #expect(results.first?.exitCode == nil)
        #expect(results.first?.error?.contains("/no/such/dir") == true)
    }

    @Test func noActionsWaitForNothing() async {
        let running = runner.start([], decisionJSON: decision)
        #expect(running.count == 0)
        #expect(await running.wait().isEmpty)
    }
}
