import CupcakeEngine
import CupcakeTrace

/// `cupcake eval`: one event on stdin, the harness's answer on stdout.
enum EvalCommand {
    static let help = """
        usage: cupcake eval --harness claude|cursor|factory|opencode [options] < event.json

        Evaluates one hook event against the policies and prints the harness's response.

        options:
          --harness H        which agent sent the event (required)
          --policy-dir D     the project's policy directory (default .cupcake)
          --global-dir D     the machine-wide policy directory, evaluated first (default
                             $CUPCAKE_GLOBAL_DIR, else $XDG_CONFIG_HOME/cupcake or
                             ~/.config/cupcake when it exists; none: no global layer;
                             --global-config, upstream's name, is the same flag)
          --opa-path P       opa binary used to compile a missing bundle (default: opa on PATH)
          --cache-dir D      compiled bundles and modules (default $XDG_CACHE_HOME/cupcake)
          --evaluation M     which policies the module evaluates: automatic (the routed ones
                             when cupcake compiled the bundle, else all), aggregate (all, through
                             cupcake/system/evaluate) or routed (the routed ones whenever the
                             bundle exports each package and the aggregator is the standard one)
          --trace C          trace categories, as CUPCAKE_TRACE (eval, routing, signals, wasm,
                             synthesis, actions, builtins, all, payload)
          --trace-otlp D     also export spans as OpenTelemetry (OTLP/JSON): file:<path> or
                             http://host:port (as CUPCAKE_TRACE_OTLP); http batches are spooled
                             (CUPCAKE_OTLP_SPOOL, default $XDG_STATE_HOME/cupcake/otlp-spool or
                             ~/.local/state/cupcake/otlp-spool) and sent by a background
                             `cupcake otlp-deliver`, so the hook never waits on the collector
          --wasm-max-memory S
                             the most memory one evaluation may use (default 1GiB; e.g. 256MiB):
                             10 MiB plus 16 bytes per byte of its input, up to this; an event
                             that still needs more is refused (a denial)
          --strict           fail closed: an evaluation error blocks (exit 2) instead of allowing
          --debug-files      write this hook's whole trace (every category, the event's payload)
                             as one record in <policy-dir>/debug/ (--debug-dir D elsewhere); the
                             newest 100 are kept (--debug-routing: the same)
          --log-level L      diagnostics on stderr: error, warn (default), info, debug, trace
                             (as CUPCAKE_LOG); --debug is accepted and ignored, as upstream's
          --help             this text

        A memory or deadline limit reached on an event is a denial naming the limit (exit 0),
        whatever fail_mode says; an event over 16 MiB is refused (exit 2).

        exit codes: 0 answered (an evaluation error fails open with {}), 2 failed closed,
        64 bad command line, 65 bad or unreadable event on stdin (2 with --strict or
        fail_mode: closed; 2 always over 16 MiB), 66 policy directory missing, 78 policies
        could not be loaded.
        """

    static let maxEventBytes = 16 << 20

    static func run(_ words: [String]) async -> ExitCode {
        // One event, evaluated on this thread, then exit: the deadline needs no thread of its own.
        WasmEngine.preferSignalTicking()
        let arguments: Arguments
        var configuration: EngineConfiguration
        switch CommandSetup.parse(
            "eval", words,
            valueFlags: CommandSetup.engineFlags.union(["--trace", "--trace-otlp", "--wasm-max-memory", "--debug-dir", "--log-level"]),
            switchFlags: ["--strict", "--debug-files", "--debug-routing", "--debug"], help: help)
        {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        switch CommandSetup.configuration("eval", arguments) {
        case .success(let made): configuration = made
        // An unusable global directory fails closed under --strict, as any load error does.
        case .failure(let code): return code == .configuration && arguments.switches.contains("--strict") ? .blocked : code
        }
        if let text = arguments.values["--wasm-max-memory"] {
            let allowed = WasmPolicyConfiguration.allowedMemoryLimitBytes
            guard let bytes = ByteSize.parse(text), allowed.contains(bytes) else {
                Output.stderr("cupcake eval: --wasm-max-memory must be a size from 1MiB to 4GiB (such as 256MiB), got \(text)")
                return .usage
            }
            configuration.wasm.maxMemoryLimitBytes = bytes
            configuration.wasm.memoryLimitBytes = min(configuration.wasm.memoryLimitBytes, bytes)
        }
        let harness = configuration.harness
        var environment = ProcessEnvironment.snapshot
        // Upstream's --log-level, as CUPCAKE_LOG.
        if let level = arguments.values["--log-level"] { environment["CUPCAKE_LOG"] = level }
        // Upstream's --debug-files (and --debug-routing, whose routing detail the record holds too).
        let debugRecord = arguments.switches.contains("--debug-files") || arguments.switches.contains("--debug-routing")
        // The rulebook's telemetry: section records every hook too (JSON lines or text).
        let telemetry = Rulebook.telemetrySettings(policyDirectory: configuration.policyDirectory)
        let tracer: Tracer
        var capture: InMemorySink?
        if debugRecord || telemetry.enabled {
            (tracer, capture) = DebugFiles.tracer(environment: environment, categoriesOverride: arguments.values["--trace"],
                                                  otlpOverride: arguments.values["--trace-otlp"])
        } else {
            tracer = Tracer.fromEnvironment(environment, base: .pipeline, categoriesOverride: arguments.values["--trace"],
                                            otlpOverride: arguments.values["--trace-otlp"])
        }
        var received: [UInt8] = []
        defer {
            if let capture {
                let lines = capture.lines
                if debugRecord {
                    DebugFiles.write(lines, event: received,
                                     to: arguments.values["--debug-dir"] ?? configuration.policyDirectory + "/debug")
                }
                if telemetry.enabled {
                    DebugFiles.writeTelemetry(lines, event: received, settings: telemetry,
                                              to: telemetry.directory(policyDirectory: configuration.policyDirectory))
                }
            }
        }
        var strict = arguments.switches.contains("--strict")

        let input: [UInt8]
        switch Output.readStandardInput(limit: maxEventBytes) {
        case .success(let bytes):
            input = bytes
            received = bytes
        case .failure(.tooLarge(let limit)):
            // A limit reached on what the agent sent is a refusal, never a pass: failing open here
            // would let any action with a large enough payload past every policy.
            Output.stderr("Cupcake refused this action: the hook event is larger than \(limit >> 20) MiB, "
                          + "too large to evaluate")
            return .blocked
        case .failure(let problem):
            Output.stderr("cupcake eval: \(problem)")
            return strict ? .blocked : .badInput
        }
        // Loading and evaluation share one trace: `load_policies` is a child of the `evaluate` root.
        let outcome = await Engine.evaluateOnce(configuration: configuration, tracer: tracer, eventJSON: input, keepingEngine: true) { result in
            // Answer first; the decision's actions run after.
            Output.stdout(result.response.stdout + [0x0A])
            if let message = result.response.stderr { Output.stderr(message) }
        }
        switch outcome {
        case .answered(let result):
            return ExitCode(rawValue: result.response.exitCode) ?? .success
        case .loadFailed(let error):
            Output.stderr("cupcake eval: \(error)")
            if case .policyDirectoryMissing = error { return .noPolicyDirectory }
            return strict ? failClosed(error, harness: harness) : .configuration
        case .evaluationFailed(let error, let failMode):
            strict = strict || failMode == .closed
            if case .event = error {
                Output.stderr("cupcake eval: \(error)")
                // Failing closed covers an event that cannot be read: with --strict the agent's
                // action is blocked, not left to the harness's handling of a failed hook.
                return strict ? failClosed(error, harness: harness) : .badInput
            }
            Output.stderr("cupcake eval: evaluation failed: \(error)")
            if strict { return failClosed(error, harness: harness) }
            Output.stdout("{}\n")
            return .success
        }
    }

    /// Fail closed: the harness's fail-closed answer (exit 2, the reason on stderr).
    static func failClosed(_ error: EngineError, harness: Harness) -> ExitCode {
        let response = HarnessResponse.failClosed(error)
        if let message = response.stderr { Output.stderr(message) }
        return ExitCode(rawValue: response.exitCode) ?? .blocked
    }
}
