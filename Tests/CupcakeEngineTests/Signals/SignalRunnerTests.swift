import Foundation
import Testing
@testable import CupcakeEngine

@Suite("SignalRunner")
struct SignalRunnerTests {
    let runner = SignalRunner()
    let event = Array(#"{"hook_event_name":"PreToolUse","tool_name":"Bash"}"#.utf8)

    private func value(of command: String, timeout: Double = 5) async -> SignalResult {
        let results = await runner.gather([SignalDefinition(name: "probe", command: command, timeoutSeconds: timeout)], eventJSON: event)
        return results.first ?? SignalResult(name: "missing", value: .null, exitCode: nil, timedOut: false, durationNanoseconds: 0)
    }

    @Test func jsonStdoutIsParsed() async {
        let result = await value(of: #"echo '{"branch": "main", "dirty": true, "count": 3, "files": ["a", "b"]}'"#)
        #expect(result.name == "probe")
        #expect(result.value == ["branch": "main", "dirty": true, "count": 3, "files": ["a", "b"]])
        #expect(result.exitCode == 0)
        #expect(!result.timedOut)
    }

    @Test func nonJSONStdoutIsAString() async {
        #expect(await value(of: "echo hello world").value == "hello world")
        #expect(await value(of: "echo '{not json'").value == "{not json")
    }

    @Test func whitespaceIsTrimmedBeforeParsing() async {
        #expect(await value(of: #"printf '  \n\t 42 \n\n'"#).value == 42)
        #expect(await value(of: #"printf '\n  hi there \t\n'"#).value == "hi there")
        #expect(await value(of: #"printf '"quoted"\n'"#).value == "quoted")
        #expect(await value(of: "true").value == "")
    }

    @Test func invalidUTF8IsReplacedNotLost() async {
        #expect(await value(of: #"printf 'a\377b'"#).value == "a\u{FFFD}b")
    }

    @Test func nonZeroExitIsAFailureObject() async {
        let result = await value(of: "echo ' out '; echo ' err ' >&2; exit 3")
        #expect(result.value == ["exit_code": 3, "output": "out", "error": "err", "success": false])
        #expect(result.exitCode == 3)
        #expect(!result.timedOut)
    }

    @Test func killedBySignalReportsExitCodeMinusOne() async {
        let result = await value(of: "kill -KILL $$")
        #expect(result.value == ["exit_code": -1, "output": "", "error": "", "success": false])
        #expect(result.exitCode == nil)
    }

    @Test func timeoutIsAFailureObjectWithPartialOutput() async throws {
        let results = await runner.gather(
            [SignalDefinition(name: "slow", command: "echo partial; sleep 30", timeoutSeconds: 0.3)], eventJSON: event)
        let result = try #require(results.first)
        #expect(result.value == [
            "timed_out": true, "exit_code": nil, "output": "partial",
            "error": "signal slow timed out after 0.3 s", "success": false,
        ])
        #expect(result.timedOut)
        #expect(result.exitCode == nil)
    }

    @Test func spawnFailureIsAnErrorObject() async {
        let broken = SignalRunner(workingDirectory: "/no/such/dir")
        let results = await broken.gather([SignalDefinition(name: "x", command: "echo hi", timeoutSeconds: 5)], eventJSON: event)
        #expect(results.count == 1)
        #expect(results.first?.value["success"] == false)
        #expect(results.first?.value["error"]?.stringValue?.contains("/no/such/dir") == true)
        #expect(results.first?.exitCode == nil)
    }

    @Test func eventArrivesOnStdinOnly() async {
        #expect(await value(of: "cat").value == ["hook_event_name": "PreToolUse", "tool_name": "Bash"])
    }

    @Test func hostileEventValuesAreNeverExecuted() async throws {
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let marker = directory + "/pwned"
        let victim = directory + "/victim"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        let hostile: JSONValue = [
            "tool_input": ["command": .string("$(touch \(marker)); rm -rf \(victim); `touch \(marker)`")],
            "file": .string("'; touch \(marker); echo '"),
        ]
        let results = await runner.gather(
            [SignalDefinition(name: "echo", command: "cat; echo", timeoutSeconds: 5),
             SignalDefinition(name: "git", command: "read line; printf '%s' \"$line\" | wc -c", timeoutSeconds: 5)],
            eventJSON: hostile.serialized())
        #expect(results.first?.value == hostile)
        #expect(results.last?.value.intValue == Int64(hostile.serialized().count))
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(FileManager.default.fileExists(atPath: victim))
    }

    @Test func signalNameAndExtraEnvironmentReachTheCommand() async {
        let results = await runner.gather(
            [SignalDefinition(name: "named", command: #"printf '%s|%s' "$CUPCAKE_SIGNAL_NAME" "$TRACEPARENT""#, timeoutSeconds: 5)],
            eventJSON: event, environment: ["TRACEPARENT": "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01"])
        #expect(results.first?.value == "named|00-0123456789abcdef0123456789abcdef-0123456789abcdef-01")
    }

    @Test func signalsRunConcurrentlyAndKeepInputOrder() async throws {
        // A barrier instead of a stopwatch: each signal marks that it started, then waits (up to
        // 8 s) until all five have. Run one after another, the first would see only itself.
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let signals = (0..<5).map { index in
            SignalDefinition(
                name: "s\(index)",
                command: "touch '\(directory)/\(index)'; i=0; "
                    + "while [ $(ls '\(directory)' | wc -l) -lt 5 ] && [ $i -lt 160 ]; do sleep 0.05; i=$((i+1)); done; "
                    + "echo \(index) $(ls '\(directory)' | wc -l)",
                timeoutSeconds: 20)
        }
        let results = await runner.gather(signals, eventJSON: event)
        #expect(results.map(\.name) == ["s0", "s1", "s2", "s3", "s4"])
        #expect(results.map(\.value) == ["0 5", "1 5", "2 5", "3 5", "4 5"])
    }

    @Test func boundedConcurrencyStillReturnsEveryResultInOrder() async {
        let serial = SignalRunner(maxConcurrency: 1)
        let signals = (0..<4).map { SignalDefinition(name: "s\($0)", command: "echo \($0 * 10)", timeoutSeconds: 5) }
        let results = await serial.gather(signals, eventJSON: event)
        #expect(results.map(\.value) == [0, 10, 20, 30])
    }

    @Test func eachSignalHasItsOwnTimeout() async throws {
        let results = await runner.gather(
            [SignalDefinition(name: "slow", command: "sleep 30 & echo $!; wait", timeoutSeconds: 0.2),
             SignalDefinition(name: "fast", command: "sleep 0.4; echo ok", timeoutSeconds: 5)],
            eventJSON: event)
        #expect(results.first?.timedOut == true)
        #expect(results.last?.value == "ok")
        #expect(results.last?.timedOut == false)
        let output = results.first?.value["output"]?.stringValue ?? ""
        let pids = ProcessTestSupport.pids(in: Array(output.utf8))
        #expect(pids.count == 1)
        #expect(!ProcessTestSupport.anyAlive(pids))
    }

    @Test func outputIsCapped() async {
        let small = SignalRunner(outputLimit: 8)
        let results = await small.gather([SignalDefinition(name: "big", command: "head -c 5000000 /dev/zero | tr '\\0' x", timeoutSeconds: 10)], eventJSON: event)
        #expect(results.first?.value == "xxxxxxxx")
        #expect(results.first?.exitCode == 0)
    }

    @Test func noSignalsGiveNoResults() async {
        #expect(await runner.gather([], eventJSON: event).isEmpty)
    }

    @Test func secondsAreFormattedPlainly() {
        #expect(SignalValue.secondsText(5) == "5")
        #expect(SignalValue.secondsText(0.25) == "0.25")
        #expect(SignalValue.secondsText(.infinity) == "inf")
    }
}
