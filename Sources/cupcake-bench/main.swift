// cupcake-bench: the project's performance figures. Targets live here, never in timed tests.
//
//   swift run -c release cupcake-bench trace --json
//   swift run -c release cupcake-bench wasm --json
//   swift run -c release cupcake-bench all --json
import CupcakeEngine
import CupcakeTrace
import Foundation

#if canImport(Glibc)
import Glibc
#endif

let usage = """
    usage: cupcake-bench <trace|wasm|engine|preprocess|builtins|all> [--json]
      trace  span costs with tracing off and on, bytes per line, one evaluation's span shape
      wasm   policy module compile, cache load, instantiate, warm evaluation latency
      engine warm evaluate() with tracing off and on, tracing-off overhead (needs
             CUPCAKE_BENCH_BASELINE: a cupcake-bench built with -DCUPCAKE_TRACING_COMPILED_OUT;
             `make bench` builds it), and the cold path: `cupcake eval` processes against
             `cupcake help` (cli_eval_ms, cli_eval_otlp_hung_ms: the same with OTLP export to
             a collector that never answers, cli_floor_ms, load_ms, first_eval_us) on the demo
             project and (large_*) the large fixture project; large_compiled_*: the large
             project without its prebuilt bundle, compiled by cupcake (a stand-in opa hands
             over the fixture's bundle) and so evaluated routed
      engine --policy-dir D --event F [--harness H]
             the cold-path and warm figures for that project and event: cli_eval_ms,
             cli_eval_otlp_hung_ms, cli_floor_ms, cli_eval_ratio, load_ms, first_eval_us,
             evaluate_p50_us, evaluate_p99_us, wasm_eval_p50_us, and wasm_eval of the same event through the
             module's aggregate against the routed packages only (aggregate_eval_us,
             routed_eval_us, routed_speedup)
      preprocess  decoding and preprocessing a typical Write and Bash event, and evaluate() of a
             5 MB Bash event
      builtins  evaluate() of a typical Bash and Write event with all ten rulebook builtins
             enabled, less the same with none (builtins_us: the larger of the two)
      all    every group
      --json print one JSON object of named figures (default: one "name value" per line)
    """

func printFigures(_ figures: [(String, Double)], json: Bool) {
    if json {
        let body = figures.map { name, value in
            let number = value.isFinite ? formatNumber(value) : "null"
            return "\"\(name)\":\(number)"
        }.joined(separator: ",")
        print("{\(body)}")
    } else {
        for (name, value) in figures { print("\(name) \(formatNumber(value))") }
    }
}

func formatNumber(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
// Flags with a value: the project, event and harness of `engine`'s cold-path figures.
let valueFlags: Set<String> = ["--policy-dir", "--event", "--harness"]
var values: [String: String] = [:]
var groups: [String] = []
var position = 0
while position < arguments.count {
    let word = arguments[position]
    if valueFlags.contains(word), position + 1 < arguments.count {
        values[word] = arguments[position + 1]
        position += 2
        continue
    }
    if !word.hasPrefix("--") { groups.append(word) }
    position += 1
}
guard groups.count == 1, ["trace", "wasm", "engine", "engine-core", "preprocess", "builtins", "all"].contains(groups[0]),
      values.isEmpty || (groups[0] == "engine" && values["--policy-dir"] != nil && values["--event"] != nil) else {
    print(usage)
    exit(groups.isEmpty || arguments.contains("--help") ? 0 : 64)
}
/// Every figure of `group`, measured off the main actor: the engine's async methods run on their
/// caller's executor, and a library evaluates from tasks on the global one (as these figures
/// always have); on the main actor each traced evaluation would also pay executor hops.
@concurrent func measure(_ group: String, values: [String: String]) async throws -> [(String, Double)] {
    var figures: [(String, Double)] = []
    if group == "trace" || group == "all" { figures += try TraceBenchmark.run() }
    if group == "wasm" || group == "all" { figures += try await runWasmBenchmark() }
    if let directory = values["--policy-dir"], let eventPath = values["--event"] {
        guard let harness = Harness(rawValue: values["--harness"] ?? "claude") else { throw BenchmarkError.usage("--harness must be claude, cursor, factory or opencode") }
        guard let event = FileManager.default.contents(atPath: eventPath) else { throw BenchmarkError.usage("cannot read \(eventPath)") }
        figures += try await ColdPathBenchmark.run(.init(policyDirectory: directory, event: Array(event), harness: harness))
    } else if group == "engine" || group == "all" {
        figures += try await EngineBenchmark.run()
    }
    if group == "preprocess" || group == "all" { figures += try await PreprocessBenchmark.run() }
    if group == "builtins" || group == "all" { figures += try await BuiltinsBenchmark.run() }
    if group == "engine-core" { figures += try await EngineBenchmark.core() }
    return figures
}

do {
    printFigures(try await measure(groups[0], values: values), json: json)
} catch {
    let message = Array("cupcake-bench: \(error)\n".utf8)
    _ = message.withUnsafeBytes { FileDescriptorSink.standardError.write($0) }
    exit(1)
}
