import CupcakeEngine
import CupcakeTrace
import Glibc

/// Figures for the WebAssembly runtime, measured on Fixtures/policies/aggregate.wasm:
/// warm evaluation latency (p50/p99 over many evaluations of a ~1 KB PreToolUse event whose JSON
/// bytes are prepared in advance), and medians of module compilation, disk-cache load and
/// instantiation. `CUPCAKE_BENCH_SCALE` (see `Measure.scale`) scales the iteration counts.
func runWasmBenchmark() async throws -> [(String, Double)] {
    func scaled(_ count: Int, minimum: Int) -> Int { max(minimum, Int(Double(count) * Measure.scale)) }
    let wasm = try WasmBenchmarkSupport.readFixture("Fixtures/policies/aggregate.wasm")
    let input = WasmBenchmarkSupport.preToolUseEvent()
    let entrypoint = "cupcake/system/evaluate"

    // Compilation, each time with a fresh engine so that nothing is reused.
    var compileMilliseconds: [Double] = []
    for _ in 0..<scaled(5, minimum: 3) {
        let engine = try WasmEngine()
        let start = WasmBenchmarkSupport.now()
        _ = try WasmModule.compile(wasm, engine: engine)
        compileMilliseconds.append(WasmBenchmarkSupport.milliseconds(since: start))
    }

    // Disk-cache loads: hash, read, verify and deserialize, with a fresh engine each time.
    let directory = try WasmBenchmarkSupport.temporaryDirectory()
    defer { WasmBenchmarkSupport.removeTree(directory) }
    let cache = WasmModuleCache(directory: directory)
    _ = try cache.module(for: wasm, engine: try WasmEngine())
    var cacheLoadMilliseconds: [Double] = []
    for _ in 0..<scaled(20, minimum: 3) {
        let engine = try WasmEngine()
        let start = WasmBenchmarkSupport.now()
        let (_, stats) = try cache.module(for: wasm, engine: engine)
        cacheLoadMilliseconds.append(WasmBenchmarkSupport.milliseconds(since: start))
        guard stats.source == .disk else { throw WasmBenchmarkError.cacheNotUsed(stats.cacheNote ?? "unknown reason") }
    }

    // Instantiation (store, memory, imports, data document) on the shared engine.
    let runtime = try WasmPolicyRuntime(wasm: wasm, dataJSON: nil, origin: "Fixtures/policies/aggregate.wasm",
                                        configuration: WasmPolicyConfiguration(maxInstances: 1), cache: .memoryOnly)
    var instantiateMicroseconds: [Double] = []
    for _ in 0..<scaled(200, minimum: 10) {
        instantiateMicroseconds.append(try runtime.instantiate().microseconds)
    }

    // Warm evaluations.
    for _ in 0..<scaled(2_000, minimum: 20) {
        _ = try runtime.evaluateBlocking(entrypoint: entrypoint, input: input)
    }
    let iterations = scaled(20_000, minimum: 200)
    var evaluationMicroseconds: [Double] = []
    evaluationMicroseconds.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = WasmBenchmarkSupport.now()
        let evaluation = try runtime.evaluateBlocking(entrypoint: entrypoint, input: input)
        evaluationMicroseconds.append(WasmBenchmarkSupport.milliseconds(since: start) * 1_000)
        guard evaluation.stats.decisionCount == 1 else { throw WasmBenchmarkError.unexpectedResult(evaluation.stats.decisionCount) }
    }

    return [
        ("wasm_eval_p50_us", Measure.percentile(evaluationMicroseconds, 0.50)),
        ("wasm_eval_p99_us", Measure.percentile(evaluationMicroseconds, 0.99)),
        ("module_compile_ms", Measure.percentile(compileMilliseconds, 0.50)),
        ("module_cache_load_ms", Measure.percentile(cacheLoadMilliseconds, 0.50)),
        ("instantiate_us", Measure.percentile(instantiateMicroseconds, 0.50)),
    ]
}

/// Why the WebAssembly benchmark could not produce its figures.
enum WasmBenchmarkError: Error, CustomStringConvertible {
    case fixtureMissing(String)
    case cacheNotUsed(String)
    case unexpectedResult(Int)
    case temporaryDirectory

    var description: String {
        switch self {
        case .fixtureMissing(let path): return "wasm benchmark: cannot read \(path) (run from the package root)"
        case .cacheNotUsed(let note): return "wasm benchmark: the module cache was not used: \(note)"
        case .unexpectedResult(let count): return "wasm benchmark: expected 1 decision, got \(count)"
        case .temporaryDirectory: return "wasm benchmark: cannot create a temporary directory"
        }
    }
}

/// Small helpers of the WebAssembly benchmark.
enum WasmBenchmarkSupport {
    static func now() -> UInt64 { WallClock.monotonicNanoseconds() }

    static func milliseconds(since start: UInt64) -> Double {
        Double(now() - start) / 1_000_000
    }

    /// A file relative to the working directory, else to this package's root.
    static func readFixture(_ relativePath: String) throws -> [UInt8] {
        var root = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        root.removeLast(3) // Sources/cupcake-bench/<file>
        for path in [relativePath, root.joined(separator: "/") + "/" + relativePath] {
            if let bytes = readFile(path) { return bytes }
        }
        throw WasmBenchmarkError.fixtureMissing(relativePath)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// A Claude Code PreToolUse event of about 1 KB that the demo policies deny (BASH-001).
    static func preToolUseEvent() -> [UInt8] {
        let description = String(repeating: "Remove the build output and caches before a clean rebuild. ", count: 8)
        let event = """
        {"session_id":"9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a93",\
        "transcript_path":"/home/dev/.claude/projects/-home-dev-demo/9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a93.jsonl",\
        "cwd":"/home/dev/demo","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash",\
        "tool_input":{"command":"rm -rf / --no-preserve-root","description":"\(description)"},\
        "tool_use_id":"toolu_01AbCdEf0001","signals":{"git_branch":"feature/cleanup"},"builtin_config":{}}
        """
        return Array(event.utf8)
    }

    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/cupcake-wasm-bench-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw WasmBenchmarkError.temporaryDirectory }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func removeTree(_ path: String) {
        guard let entries = opendir(path) else { return }
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink("\(path)/\(name)") }
        }
        closedir(entries)
        rmdir(path)
    }
}
