import CupcakeEngine
import CupcakeTrace
import Foundation

/// Figures for the whole engine on the demo project: warm in-process `evaluate()` of a
/// PreToolUse Bash event with tracing off and with every category on (to /dev/null), the cost of
/// tracing-off span sites against a build with tracing compiled out, and one `cupcake eval`
/// process with a warm module cache.
enum EngineBenchmark {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo project without its signal-using policy, so the measured evaluation runs no
    /// signal process ("no signals", as the figure is defined).
    static func projectWithoutSignals() throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bench-\(getpid())/.cupcake")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Fixtures/project/.cupcake"), to: target)
        try FileManager.default.removeItem(at: target.appendingPathComponent("policies/claude/git_commit_main.rego"))
        return target.path
    }

    static func event() throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent("Fixtures/events/claude/pretooluse-bash-ls.json")))
    }

    /// Microseconds per evaluate() call, `count` calls after a warm-up (by default a tenth of
    /// `count`, at least 50).
    static func samples(_ engine: Engine, event: [UInt8], count: Int, warmUp: Int? = nil) async throws -> [Double] {
        for _ in 0..<(warmUp ?? max(50, count / 10)) { _ = try await engine.evaluate(eventJSON: event) }
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let start = WallClock.monotonicNanoseconds()
            _ = try await engine.evaluate(eventJSON: event)
            values.append(Double(WallClock.monotonicNanoseconds() - start) / 1000)
        }
        return values
    }

    /// Just the tracing-off evaluate() median, for comparing with a build whose tracing is
    /// compiled out (`cupcake-bench engine-core`).
    static func core() async throws -> [(String, Double)] {
        let project = try projectWithoutSignals()
        let cache = project + "/../cache"
        let engine = try Engine(
            configuration: EngineConfiguration(policyDirectory: project, harness: .claude, cacheDirectory: cache),
            tracer: .disabled)
        let values = try await samples(engine, event: try event(), count: max(200, Int(4000 * Measure.scale)))
        return [("evaluate_p50_us", Measure.median(values))]
    }

    static func run() async throws -> [(String, Double)] {
        let project = try projectWithoutSignals()
        let cache = project + "/../cache"
        let input = try event()
        let count = max(200, Int(4000 * Measure.scale))
        let configuration = EngineConfiguration(policyDirectory: project, harness: .claude, cacheDirectory: cache)
        let off = try Engine(configuration: configuration, tracer: .disabled)
        let devNull = open("/dev/null", O_WRONLY)
        guard devNull >= 0 else { throw BenchmarkError.setup("cannot open /dev/null") }
        defer {
            BackgroundFileDescriptorSink.flushAll()  // before the descriptor number can be reused
            close(devNull)
        }
        // The sink a tracer from the environment writes stderr with, pointed at /dev/null.
        let traced = Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: BackgroundFileDescriptorSink(fileDescriptor: devNull)))
        let on = try Engine(configuration: configuration, tracer: traced)

        // Short alternating rounds: this shared machine switches between a fast and a slow state
        // (everything ~1.8x slower) every few milliseconds, so rounds of hundreds of calls let
        // one side's median land in one state and the other's in the other. Rounds of 20 calls
        // give both the same mix.
        _ = try await samples(off, event: input, count: 0, warmUp: 200)
        _ = try await samples(on, event: input, count: 0, warmUp: 200)
        var offValues: [Double] = []
        var onValues: [Double] = []
        for _ in 0..<max(1, count / 20) {
            offValues += try await samples(off, event: input, count: 20, warmUp: 0)
            onValues += try await samples(on, event: input, count: 20, warmUp: 0)
        }
        var figures: [(String, Double)] = [
            ("evaluate_p50_us", Measure.median(offValues)),
            ("evaluate_p99_us", Measure.percentile(offValues, 0.99)),
            ("evaluate_traced_p50_us", Measure.median(onValues)),
        ]
        if let baseline = ProcessEnvironment.current()["CUPCAKE_BENCH_BASELINE"] {
            figures.append(("tracing_off_overhead_pct", try await overhead(baseline: baseline, engine: off, event: input, count: count)))
        }
        // The cold path: the demo project (its figures unprefixed, as before), then the large one.
        let cold = try await ColdPathBenchmark.run(.init(policyDirectory: project, event: input, harness: .claude))
        figures += cold.filter { $0.0.hasPrefix("cli_") || $0.0 == "load_ms" || $0.0 == "first_eval_us" }
        figures += try await ColdPathBenchmark.run(try largeTarget(), prefix: "large_")
        figures += try await ColdPathBenchmark.compiledRun(try largeTarget(), prefix: "large_compiled_")
        return figures
    }

    /// The large fixture project (96 policies, a ~370 KB module) and a Bash event two of its
    /// policies match (it routes to the 24 that watch Bash or every tool).
    static func largeTarget() throws -> ColdPathBenchmark.Target {
        let project = packageRoot.appendingPathComponent("Fixtures/large/.cupcake").path
        let event = #"{"hook_event_name":"PreToolUse","session_id":"bench","cwd":"/tmp","tool_name":"Bash","tool_input":{"command":"echo deny-p000-05 halt-p008-03"}}"#
        return ColdPathBenchmark.Target(policyDirectory: project, event: Array(event.utf8), harness: .claude)
    }

    /// Tracing-off evaluate() against the same code built with tracing compiled out, both
    /// measured, alternating eleven times so drift on a shared machine hits both alike; the median
    /// of the eleven differences, in percent. (The machine's switches between a fast and a slow
    /// state make single pairs swing by tens of percent either way; the median of many holds.)
    static func overhead(baseline: String, engine: Engine, event: [UInt8], count: Int) async throws -> Double {
        var ratios: [Double] = []
        for _ in 0..<11 {
            let ours = Measure.median(try await samples(engine, event: event, count: count))
            let theirs = try runBaselineCore(baseline)
            ratios.append((ours - theirs) / theirs * 100)
        }
        return Measure.median(ratios)
    }

    static func runBaselineCore(_ path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["engine-core", "--json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let value = (object["evaluate_p50_us"] as? NSNumber)?.doubleValue
        else { throw BenchmarkError.setup("baseline \(path) printed no evaluate_p50_us") }
        return value
    }
}
