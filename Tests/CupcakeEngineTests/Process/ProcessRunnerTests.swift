import Foundation
import Testing
@testable import CupcakeEngine

@Suite("ProcessRunner")
struct ProcessRunnerTests {
    let runner = ProcessRunner()

    @Test(arguments: watchers)
    func capturesStdoutStderrAndExitCode(pidfd: Bool) async throws {
        let outcome = try await runner(pidfd: pidfd).run(command: "sleep 0.05; printf out; printf err >&2; exit 7", timeoutSeconds: 5)
        #expect(outcome.stdout == Array("out".utf8))
        #expect(outcome.stderr == Array("err".utf8))
        #expect(outcome.exitCode == 7)
    }

    @Test func capturesStdoutStderrAndExitCodeImmediately() async throws {
        let outcome = try await runner.run(command: "printf out; printf err >&2; exit 7", timeoutSeconds: 5)
        #expect(outcome.stdout == Array("out".utf8))
        #expect(outcome.stderr == Array("err".utf8))
        #expect(outcome.exitCode == 7)
        #expect(outcome.terminatingSignal == nil)
        #expect(!outcome.timedOut)
        #expect(!outcome.stdoutTruncated)
    }

    @Test func reportsTheSignalThatKilledTheShell() async throws {
        let outcome = try await runner.run(command: "kill -TERM $$", timeoutSeconds: 5)
        #expect(outcome.exitCode == nil)
        #expect(outcome.terminatingSignal == SIGTERM)
        #expect(!outcome.timedOut)
    }

    @Test func deliversStdin() async throws {
        let input = Array("{\"tool\":\"Bash\"}\nsecond line".utf8)
        let outcome = try await runner.run(command: "cat", stdin: input, timeoutSeconds: 5)
        #expect(outcome.stdout == input)
        #expect(outcome.exitCode == 0)
    }

    @Test func echoesTwoMegabytesOfStdinWithoutDeadlock() async throws {
        let input = Array("BEGIN".utf8) + [UInt8](repeating: 0x5A, count: 2 << 20) + Array("END".utf8)
        let outcome = try await runner.run(command: "cat", stdin: input, timeoutSeconds: 10, outputLimit: 4 << 20)
        #expect(outcome.stdout == input)
        #expect(!outcome.timedOut)
    }

    @Test(arguments: ["exit 3", "sleep 0.1; exit 3", "exec 0<&-; sleep 0.1; exit 3"])
    func childThatNeverReadsTwoMegabytesOfStdin(command: String) async throws {
        let input = [UInt8](repeating: 0x41, count: 2 << 20)
        let outcome = try await runner.run(command: command, stdin: input, timeoutSeconds: 10)
        #expect(outcome.exitCode == 3)
        #expect(!outcome.timedOut)
    }

    @Test func capsOutputAndKeepsReadingSoTheChildFinishes() async throws {
        let outcome = try await runner.run(command: "head -c 5000000 /dev/zero; echo done >&2", timeoutSeconds: 10)
        #expect(outcome.stdout.count == ProcessRequest.defaultOutputLimit)
        #expect(outcome.stdoutTruncated)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == Array("done\n".utf8))
        #expect(!outcome.stderrTruncated)
        #expect(!outcome.timedOut)
    }

    @Test func capsStderrWithASmallLimit() async throws {
        let outcome = try await runner.run(command: "printf 0123456789abcdef >&2; printf 12345", timeoutSeconds: 5, outputLimit: 10)
        #expect(outcome.stderr == Array("0123456789".utf8))
        #expect(outcome.stderrTruncated)
        #expect(outcome.stdout == Array("12345".utf8))
        #expect(!outcome.stdoutTruncated)
    }

    /// The runner as shipped, and one watching the exit by polling, as where pidfd_open is missing.
    static let watchers: [Bool] = [true, false]

    private func runner(pidfd: Bool) -> ProcessRunner {
        var runner = ProcessRunner()
        runner.watchesExitWithPidfd = pidfd
        return runner
    }

    @Test(arguments: watchers)
    func timeoutKillsTheWholeProcessGroup(pidfd: Bool) async throws {
        let runner = runner(pidfd: pidfd)
        let command = "echo $$; sleep 30 & echo $!; (sleep 30; echo never) & echo $!; sh -c 'sleep 30' & echo $!; wait"
        let outcome = try await runner.run(command: command, timeoutSeconds: 0.3)
        #expect(outcome.timedOut)
        #expect(outcome.terminatingSignal == SIGKILL)
        #expect(outcome.exitCode == nil)
        let pids = ProcessTestSupport.pids(in: outcome.stdout)
        #expect(pids.count == 4)
        #expect(!ProcessTestSupport.anyAlive(pids), "survivors: \(pids.filter(ProcessTestSupport.isAlive))")
        #expect(!outcome.stdout.contains(Array("never".utf8)))
    }

    @Test(arguments: watchers)
    func leftoversAreKilledWhenTheShellExitsNormally(pidfd: Bool) async throws {
        let runner = runner(pidfd: pidfd)
        // The background sleep keeps stdout open; the run must not wait for EOF until the deadline.
        let outcome = try await runner.run(command: "sleep 30 & echo $!; echo bye", timeoutSeconds: 20)
        #expect(!outcome.timedOut)
        #expect(outcome.exitCode == 0)
        #expect(outcome.durationNanoseconds < 10_000_000_000)
        let pids = ProcessTestSupport.pids(in: outcome.stdout)
        #expect(pids.count == 1)
        #expect(!ProcessTestSupport.anyAlive(pids))
        #expect(String(decoding: outcome.stdout, as: UTF8.self).hasSuffix("bye\n"))
    }

    @Test func zeroOrInvalidTimeoutStillEnds() async throws {
        for timeout in [0, -1, Double.nan] {
            let outcome = try await runner.run(command: "sleep 30", timeoutSeconds: timeout)
            #expect(outcome.timedOut)
        }
    }

    @Test func passesTheEnvironmentAndInheritsOurs() async throws {
        let outcome = try await runner.run(
            command: "printf '%s|%s' \"$CUPCAKE_TEST_VALUE\" \"${PATH:+has-path}\"",
            environment: ["CUPCAKE_TEST_VALUE": "a b $(not run) ;"], timeoutSeconds: 5)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "a b $(not run) ;|has-path")
    }

    @Test func extraEnvironmentReplacesInheritedValues() async throws {
        let outcome = try await runner.run(command: "printf %s \"$HOME\"", environment: ["HOME": "/nowhere"], timeoutSeconds: 5)
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "/nowhere")
    }

    @Test func runsInTheWorkingDirectory() async throws {
        let directory = try ProcessTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try await runner.run(command: "pwd -P", workingDirectory: directory, timeoutSeconds: 5)
        let expected = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == expected + "\n")
    }

    @Test func missingWorkingDirectoryIsATypedError() async throws {
        let error = await #expect(throws: ProcessRunError.self) {
            try await runner.run(command: "true", workingDirectory: "/no/such/dir", timeoutSeconds: 5)
        }
        guard case .workingDirectoryUnavailable(let path, _) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(path == "/no/such/dir")
        #expect(error?.description.contains("/no/such/dir") == true)
    }

    @Test func fileAsWorkingDirectoryIsATypedError() async throws {
        await #expect(throws: ProcessRunError.workingDirectoryUnavailable(path: "/etc/hostname", reason: "not a directory")) {
            try await runner.run(command: "true", workingDirectory: "/etc/hostname", timeoutSeconds: 5)
        }
    }

    @Test func missingShellIsATypedError() async throws {
        let missing = ProcessRunner(shellPath: "/no/such/sh")
        let error = await #expect(throws: ProcessRunError.self) {
            try await missing.run(command: "true", timeoutSeconds: 5)
        }
        guard case .spawnFailed(let shell, _) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(shell == "/no/such/sh")
        #expect(error?.description.hasPrefix("cannot start /no/such/sh:") == true)
    }

    @Test func nulInCommandIsATypedError() async throws {
        await #expect(throws: ProcessRunError.invalidCommand("echo a\u{0}b")) {
            try await runner.run(command: "echo a\u{0}b", timeoutSeconds: 5)
        }
    }

    @Test(arguments: ["", "A=B", "A\u{0}"])
    func badEnvironmentNameIsATypedError(name: String) async throws {
        await #expect(throws: ProcessRunError.invalidEnvironment(name: name)) {
            try await runner.run(command: "true", environment: [name: "x"], timeoutSeconds: 5)
        }
    }

    @Test func nulInEnvironmentValueIsATypedError() async throws {
        await #expect(throws: ProcessRunError.invalidEnvironment(name: "X")) {
            try await runner.run(command: "true", environment: ["X": "a\u{0}b"], timeoutSeconds: 5)
        }
    }

    @Test func childGetsOnlyItsThreeStandardDescriptors() async throws {
        // Our pipe ends are close-on-exec and everything else from 3 up is closed in the child, so it
        // sees 0, 1, 2 (and ls's own directory descriptor, 3).
        let outcome = try await runner.run(command: "ls /proc/self/fd", timeoutSeconds: 5)
        let fds = Set(String(decoding: outcome.stdout, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init))
        #expect(fds.isSuperset(of: ["0", "1", "2"]))
        #expect(fds.isSubset(of: ["0", "1", "2", "3"]), "child descriptors: \(fds.sorted())")
    }

    @Test func fiveHundredRunsLeakNoDescriptors() async throws {
        // Counting this process's descriptors before and after cannot tell a leak from files that
        // suites running in parallel open meanwhile. So each run names its own pipes instead: the
        // child prints what its 0, 1 and 2 are, the same pipes as our ends ("pipe:[inode]"; pipe
        // inodes come from a counter, so none is reused meanwhile), and afterwards no descriptor
        // of ours may name one of them. The pidfd a run watches its child with has no such name,
        // but the runner closes it before reaping the child, so a pidfd of a reaped process is a
        // leak whoever opened it, and there must be none.
        try Self.reapedPidfdScanWorks()
        var pipes: Set<String> = []
        for _ in 0..<50 {
            let outputs = await withTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        let outcome = try? await runner.run(
                            command: "readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2", stdin: [1, 2, 3], timeoutSeconds: 30)
                        return String(decoding: outcome?.stdout ?? [], as: UTF8.self)
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            for output in outputs {
                let names = Set(output.split(separator: "\n").map(String.init))
                #expect(names.count == 3 && names.allSatisfy { $0.hasPrefix("pipe:[") }, "a run's pipes: \(output)")
                pipes.formUnion(names)
            }
        }
        #expect(pipes.count == 1_500)
        let leaked = ProcessTestSupport.openDescriptors().filter { pipes.contains($0.value) }
        #expect(leaked.isEmpty, "\(leaked.count) descriptors still open on the runs' pipes, e.g. \(Array(leaked.prefix(3)))")
        let reaped = ProcessTestSupport.pidfdsOfReapedProcesses()
        #expect(reaped.isEmpty, "\(reaped.count) pidfds of reaped processes still open, e.g. \(reaped.prefix(3))")
    }

    /// The pidfd check above finds a pidfd left open after its process was reaped (as long as
    /// pidfds exist here; without them the runner has none to leak).
    static func reapedPidfdScanWorks() throws {
        guard let pidfdOpen = POSIXSupport.gnu.pidfdOpen else { return }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        let pidfd = pidfdOpen(child.processIdentifier, 0)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()  // Foundation reaps it
        guard pidfd >= 0 else { return }
        defer { close(pidfd) }
        #expect(ProcessTestSupport.pidfdsOfReapedProcesses().contains(pidfd))
    }

    @Test func handleCanBeAwaitedTwice() async throws {
        let handle = runner.launch(ProcessRequest(command: "echo once", timeoutSeconds: 5))
        let first = try await handle.outcome()
        let second = try await handle.outcome()
        #expect(first == second)
        #expect(first.stdout == Array("once\n".utf8))
    }
}
