import CupcakeEngine
import CupcakeTrace
import Foundation

/// The hook's cold path on one project and event: whole `cupcake eval` processes against
/// `cupcake help` (the process floor, interleaved in the same run), where their time goes
/// (policy loading, the first evaluation), and warm in-process figures for comparison.
enum ColdPathBenchmark {
    struct Target {
        var policyDirectory: String
        var event: [UInt8]
        var harness: Harness
    }

    /// `prefix` names the figures (e.g. "large_").
    static func run(_ target: Target, prefix: String = "") async throws -> [(String, Double)] {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bench-cold-\(getpid())").path
        try? FileManager.default.removeItem(atPath: cache)
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let cli = try cliPath()
        let arguments = ["eval", "--harness", target.harness.rawValue, "--policy-dir", target.policyDirectory,
                         "--cache-dir", cache, "--global-dir", "none"]
        // Fill the caches, then wait until the project's files have settled (files changed in
        // the last 2 s are read every time, as FileIdentity explains) and fill them again.
        let (eval, floor) = try await settledProcesses(cli, arguments, event: target.event, rounds: 2)
        let hung = try hungCollectorMilliseconds(cli, arguments, event: target.event)
        // Where a process's time goes, from its own trace.
        var loads: [Double] = [], firstEvaluations: [Double] = []
        for _ in 0..<max(3, Int(10 * Measure.scale)) {
            let run = try runProcess(cli, arguments + ["--trace", "wasm"], stdin: target.event)
            let spans = run.stderr.split(separator: "\n").compactMap { line -> (String, Double)? in
                guard let value = try? JSONValue.parse(Array(line.utf8)), let name = value["span"]?.stringValue,
                      let duration = value["duration_ms"]?.doubleValue else { return nil }
                return (name, duration)
            }
            guard let load = spans.first(where: { $0.0 == "load_policies" })?.1,
                  let root = spans.first(where: { $0.0 == "evaluate" })?.1 else {
                throw BenchmarkError.setup("cupcake eval --trace wasm wrote no load_policies or evaluate span")
            }
            loads.append(load)
            firstEvaluations.append((root - load) * 1000)
        }

        let engine = try Engine(
            configuration: EngineConfiguration(policyDirectory: target.policyDirectory, harness: target.harness, cacheDirectory: cache),
            tracer: .disabled)
        let warm = try await EngineBenchmark.samples(engine, event: target.event, count: max(200, Int(2000 * Measure.scale)))
        let wasm = try await wasmEvalMicroseconds(target, cache: cache)
        // The same event through every policy (the module's aggregate) and through the routed
        // packages only, whatever the bundle's origin.
        let aggregate = try await wasmEvalMicroseconds(target, cache: cache, mode: .aggregate)
        let routed = try await wasmEvalMicroseconds(target, cache: cache, mode: .routed)
        return [
            (prefix + "cli_eval_ms", eval), (prefix + "cli_eval_otlp_hung_ms", hung), (prefix + "cli_floor_ms", floor), (prefix + "cli_eval_ratio", eval / floor),
            (prefix + "load_ms", Measure.median(loads)), (prefix + "first_eval_us", Measure.median(firstEvaluations)),
            (prefix + "evaluate_p50_us", Measure.median(warm)), (prefix + "evaluate_p99_us", Measure.percentile(warm, 0.99)),
            (prefix + "wasm_eval_p50_us", wasm),
            (prefix + "aggregate_eval_us", aggregate), (prefix + "routed_eval_us", routed),
            (prefix + "routed_speedup", aggregate / routed),
        ]
    }

    /// The cold path of a project without a prebuilt bundle, which cupcake compiles itself (and
    /// so evaluates routed): `target`'s policies copied without `bundles/`, and on PATH a stand-in
    /// `opa` whose build hands over `target`'s bundle (built with the per-package entrypoints
    /// cupcake asks for; no opa is installed here). Once compiled, a hook finds the bundle in the
    /// cache by its source key, so opa never runs in the measured processes. `cupcake help`
    /// interleaved as the floor.
    static func compiledRun(_ target: Target, prefix: String) async throws -> [(String, Double)] {
        let files = FileManager.default
        let root = files.temporaryDirectory.appendingPathComponent("cupcake-bench-compiled-\(getpid())").path
        try? files.removeItem(atPath: root)
        defer { try? files.removeItem(atPath: root) }
        let project = root + "/.cupcake", bin = root + "/bin", cache = root + "/cache"
        try files.createDirectory(atPath: root, withIntermediateDirectories: true)
        try files.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try files.copyItem(atPath: target.policyDirectory, toPath: project)
        let bundle = root + "/fixture-bundle.tar.gz"
        try files.moveItem(atPath: project + "/bundles/\(target.harness.rawValue).tar.gz", toPath: bundle)
        try files.removeItem(atPath: project + "/bundles")
        let opa = """
            #!/bin/sh
            case "$1" in
            version) echo "Version: 1.9.0 (cupcake-bench stand-in)"; exit 0 ;;
            build) while [ $# -gt 0 ]; do [ "$1" = "-o" ] && { cp '\(bundle)' "$2" || exit 1; }; shift; done; exit 0 ;;
            esac
            exit 1
            """
        try opa.write(toFile: bin + "/opa", atomically: true, encoding: .utf8)
        guard chmod(bin + "/opa", 0o755) == 0 else { throw BenchmarkError.setup("cannot make \(bin)/opa executable") }
        let environment = ["PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let cli = try cliPath()
        let arguments = ["eval", "--harness", target.harness.rawValue, "--policy-dir", project,
                         "--cache-dir", cache, "--global-dir", "none"]
        // Three rounds: the compiled bundle settles before the module cache indexes it, and the
        // image written then settles before it is mapped unread (the state every later hook of a
        // working session finds).
        let (eval, floor) = try await settledProcesses(cli, arguments, event: target.event, environment: environment, rounds: 3)
        return [(prefix + "cli_eval_ms", eval), (prefix + "cli_floor_ms", floor), (prefix + "cli_eval_ratio", eval / floor)]
    }

    /// Median wall times of `cupcake eval` processes and of `cupcake help` processes, interleaved,
    /// after `rounds` rounds of two warm-up processes, each round a settle time after the last
    /// (files changed in the last 2 s are read every time, as FileIdentity explains).
    static func settledProcesses(_ cli: URL, _ arguments: [String], event: [UInt8], environment: [String: String] = [:],
                                 rounds: Int) async throws -> (eval: Double, floor: Double) {
        for round in 0..<rounds {
            if round > 0 { try await Task.sleep(nanoseconds: 2_100_000_000) }
            for _ in 0..<2 { _ = try runProcess(cli, arguments, stdin: event, environment: environment) }
        }
        var evals: [Double] = [], floors: [Double] = []
        for _ in 0..<max(5, Int(30 * Measure.scale)) {
            evals.append(try runProcess(cli, arguments, stdin: event, environment: environment).milliseconds)
            floors.append(try runProcess(cli, ["help"], stdin: [], environment: environment).milliseconds)
        }
        return (Measure.median(evals), Measure.median(floors))
    }

    /// Median `wasm_eval` span of warm in-process evaluations (NaN when the event routes to no policy).
    static func wasmEvalMicroseconds(_ target: Target, cache: String, mode: PolicyEvaluationMode = .automatic) async throws -> Double {
        let sink = InMemorySink()
        let engine = try Engine(
            configuration: EngineConfiguration(policyDirectory: target.policyDirectory, harness: target.harness, cacheDirectory: cache,
                                               policyEvaluation: mode),
            tracer: Tracer(configuration: TraceConfiguration.pipeline(categories: .wasm, sink: sink)))
        for _ in 0..<max(50, Int(500 * Measure.scale)) { _ = try await engine.evaluate(eventJSON: target.event) }
        let values = sink.lines.compactMap { line -> Double? in
            guard let value = try? JSONValue.parse(Array(line.utf8)), value["span"]?.stringValue == "wasm_eval" else { return nil }
            return value["duration_ms"]?.doubleValue.map { $0 * 1000 }
        }
        return values.isEmpty ? .nan : Measure.median(Array(values.dropFirst(values.count / 10)))
    }

    /// Median `cupcake eval` exporting to a collector that accepts and never answers: the hook
    /// spools and leaves, so this should stay near cli_eval_ms (it was over 2000 ms).
    static func hungCollectorMilliseconds(_ cli: URL, _ arguments: [String], event: [UInt8]) throws -> Double {
        let collector = try HungCollector()
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bench-spool-\(getpid())").path
        // An empty spool lets the delivery process go idle and exit within seconds.
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let environment = ["CUPCAKE_TRACE_OTLP": "http://127.0.0.1:\(collector.port)", "CUPCAKE_OTLP_SPOOL": spool]
        var samples: [Double] = []
        for _ in 0..<max(5, Int(10 * Measure.scale)) {
            samples.append(try runProcess(cli, arguments, stdin: event, environment: environment).milliseconds)
        }
        return Measure.median(samples)
    }

    static func cliPath() throws -> URL {
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cupcake")
        guard FileManager.default.isExecutableFile(atPath: cli.path) else {
            throw BenchmarkError.setup("\(cli.path) is missing; build the cupcake product first")
        }
        return cli
    }

    /// One process: its wall time from start to exit, and its stderr.
    static func runProcess(
        _ executable: URL, _ arguments: [String], stdin: [UInt8], environment: [String: String] = [:]
    ) throws -> (milliseconds: Double, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let start = WallClock.monotonicNanoseconds()
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(stdin))
        try input.fileHandleForWriting.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = Double(WallClock.monotonicNanoseconds() - start) / 1_000_000
        guard process.terminationStatus == 0 else {
            throw BenchmarkError.setup("cupcake \(arguments.first ?? "") exited \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self).prefix(300))")
        }
        return (elapsed, String(decoding: stderr, as: UTF8.self))
    }
}
