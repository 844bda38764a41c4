// A traced stand-in for one evaluation, run as a child process by the CupcakeTrace integration
// tests: it drives every span of the trace-line contract with the shape the engine produces,
// configured from the environment exactly as `cupcake` is.
//
// Usage: cupcake-trace-probe [--evaluations N] [--decision allow|deny|ask] [--hostile]
//                            [--fail] [--signal-timeout] [--trace C] [--trace-file PATH]
import CupcakeEngine
import CupcakeTrace

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var evaluations = 1
    var decision = "deny"
    var hostile = false
    var fail = false
    var signalTimeout = false
    var trace: String? = nil
    var traceFile: String? = nil
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--evaluations": options.evaluations = arguments.next().flatMap { Int($0) } ?? 1
        case "--decision": options.decision = arguments.next() ?? "deny"
        case "--hostile": options.hostile = true
        case "--fail": options.fail = true
        case "--signal-timeout": options.signalTimeout = true
        case "--trace": options.trace = arguments.next()
        case "--trace-file": options.traceFile = arguments.next()
        default:
            printError("cupcake-trace-probe: unknown argument \(argument)")
            exit(64)
        }
    }
    return options
}

func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { FileDescriptorSink.standardError.write($0) }
}

struct ProbeFailure: Error, CustomStringConvertible {
    var description: String { "policy evaluation failed: deliberate probe failure" }
}

/// Strings that try to break a line: newline, quote, NUL, control characters, invalid UTF-8
/// (repaired to U+FFFD on decoding, as every event string is), a fake JSON tail, and 1 MB.
func hostileStrings() -> (tool: String, session: String, payload: String) {
    let invalidUTF8 = String(decoding: [0x66, 0xFF, 0xFE, 0x6F, 0xC3] as [UInt8], as: UTF8.self)
    let tool = "Bash\n{\"span\":\"forged\",\"trace_id\":\"0\"}\u{0}\"\\\u{1B}[31m\u{2028}" + invalidUTF8
    let session = String(repeating: "s", count: 1 << 20)
    let payload = "rm -rf /\n\"}" + String(repeating: "x", count: 1 << 20)
    return (tool, session, payload)
}

func evaluate(_ tracer: Tracer, index: Int, options: Options) async throws -> String {
    let hostile = options.hostile ? hostileStrings() : nil
    let toolName = hostile?.tool ?? "Bash"
    let session = hostile?.session ?? "session-\(index)"
    return try await tracer.withSpan(
        "evaluate", category: .root,
        fields: ["event_name": "PreToolUse", "tool_name": .string(toolName), "session_id": .string(session)]
    ) { root in
        root.recordPayload("tool_input", hostile?.payload ?? "{\"command\":\"rm -rf /\"}")
        let policies = ["cupcake.policies.bash_guard", "cupcake.policies.secrets"]
        tracer.withSpan(
            "route", category: .stage(.routing),
            fields: ["routing_key": "PreToolUse:Bash", "matched_policy_count": .int(policies.count),
                     "policies": .strings(policies)]
        ) { _ in
            for policy in policies {
                tracer.withSpan("route_policy", category: .routing, fields: ["policy": .string(policy)]) { _ in }
            }
        }
        root.record("matched_policy_count", .int(policies.count))
        await tracer.withSpan("gather_signals", category: .stage(.signals), fields: ["signal_count": 2]) { _ in
            await withTaskGroup(of: Void.self) { group in
                for name in ["git_branch", "test_status"] {
                    group.addTask {
                        tracer.withSpan("signal", category: .signals, fields: ["signal_name": .string(name)]) { span in
                            let timedOut = options.signalTimeout && name == "test_status"
                            if timedOut { span.event("signal timed out", level: .warn, fields: ["timeout_ms": 5000]) }
                            span.record("exit_code", timedOut ? .null : 0)
                            span.record("execution_time_ms", 1.25)
                            span.record("timed_out", .bool(timedOut))
                            span.recordPayload("output", "main")
                        }
                    }
                }
            }
        }
        try tracer.withSpan("wasm_eval", category: .stage(.wasm), fields: ["input_size_bytes": 1024]) { span in
            tracer.withSpan("wasm_instantiate", category: .wasm, fields: ["cache_hit": true]) { _ in }
            if options.fail { throw ProbeFailure() }
            span.record("output_size_bytes", 180)
            span.record("evaluation_time_ms", 0.012)
            span.record("memory_bytes", 1_179_648)
            span.record("decision_count", 1)
        }
        let decision = options.decision
        tracer.withSpan("synthesize", category: .stage(.synthesis), fields: ["decision_count": 1]) { span in
            tracer.withSpan("synthesize_decision", category: .synthesis, fields: ["rule_id": "BASH-001"]) { _ in }
            span.record("decision_type", .string(decision))
            span.record("priority", 1)
        }
        tracer.withSpan("execute_actions", category: .stage(.actions), fields: ["action_count": 1]) { _ in
            tracer.withSpan("action", category: .actions, fields: ["rule_id": "BASH-001", "action_type": "on_any_denial"]) {
                span in
                span.record("execution_time_ms", 2.5)
                span.record("exit_code", 0)
            }
        }
        root.record("final_decision", .string(decision))
        return decision
    }
}

let options = parseOptions()
var sink: any Sink = FileDescriptorSink.standardError
if let path = options.traceFile {
    do {
        sink = try FileSink(path: path)
    } catch {
        printError("cupcake-trace-probe: \(error)")
        exit(66)
    }
}
let tracer = Tracer.fromEnvironment(
    ProcessEnvironment.current(), base: .pipeline, categoriesOverride: options.trace, sink: sink)
var failures = 0
await withTaskGroup(of: Bool.self) { group in
    for index in 0..<options.evaluations {
        group.addTask {
            do {
                _ = try await evaluate(tracer, index: index, options: options)
                return true
            } catch {
                return false
            }
        }
    }
    for await succeeded in group where !succeeded { failures += 1 }
}
print("{\"evaluations\":\(options.evaluations),\"failures\":\(failures),\"dropped\":\(tracer.droppedLineCount)}")
