/// Gathers signals: runs each signal's command concurrently (bounded), with the event JSON on stdin,
/// and turns each outcome into the value policies read as `input.signals.<name>`.
package struct SignalRunner: Sendable {
    /// Most signal commands running at once (at least 1).
    package var maxConcurrency: Int
    /// Bytes kept of each command's stdout and stderr.
    package var outputLimit: Int
    /// Directory the commands start in; nil keeps the current directory.
    package var workingDirectory: String?
    /// Spawns the commands.
    package var processRunner: ProcessRunner

    /// Creates a runner.
    package init(maxConcurrency: Int = 8, outputLimit: Int = 1 << 20, workingDirectory: String? = nil) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.outputLimit = outputLimit
        self.workingDirectory = workingDirectory
        self.processRunner = ProcessRunner()
    }

    /// Runs the signals concurrently (bounded), each with the event JSON on stdin, and returns one result per signal in the input order.
    ///
    /// Each command gets `environment` plus `CUPCAKE_SIGNAL_NAME`; each is killed by its own timeout,
    /// so the wall time is about the slowest signal's, not the sum.
    package func gather(_ signals: [SignalDefinition], eventJSON: [UInt8], environment: [String: String] = [:]) async -> [SignalResult] {
        guard !signals.isEmpty else { return [] }
        var results: [SignalResult?] = Array(repeating: nil, count: signals.count)
        await withTaskGroup(of: (Int, SignalResult).self) { group in
            var next = 0
            func addNext() {
                guard next < signals.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await run(signals[index], eventJSON: eventJSON, environment: environment)) }
            }
            for _ in 0..<min(maxConcurrency, signals.count) { addNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                addNext()
            }
        }
        return zip(signals, results).map { signal, result in
            result ?? SignalResult(
                name: signal.name, value: SignalValue.failure(.threadUnavailable(reason: "the signal task did not finish")),
                exitCode: nil, timedOut: false, durationNanoseconds: 0)
        }
    }

    /// Runs one signal.
    package func run(_ signal: SignalDefinition, eventJSON: [UInt8], environment: [String: String] = [:]) async -> SignalResult {
        var variables = environment
        variables["CUPCAKE_SIGNAL_NAME"] = signal.name
        let request = ProcessRequest(
            command: signal.command, stdin: eventJSON, environment: variables,
            workingDirectory: workingDirectory, timeoutSeconds: signal.timeoutSeconds, outputLimit: outputLimit)
        do {
            let outcome = try await processRunner.run(request)
            return SignalResult(
                name: signal.name,
                value: SignalValue.value(name: signal.name, timeoutSeconds: signal.timeoutSeconds, outcome: outcome),
                exitCode: outcome.exitCode, timedOut: outcome.timedOut, durationNanoseconds: outcome.durationNanoseconds)
        } catch {
            return SignalResult(
                name: signal.name, value: SignalValue.failure(error), exitCode: nil, timedOut: false, durationNanoseconds: 0)
        }
    }
}
