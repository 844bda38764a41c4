import CupcakeTrace

/// The pipeline's trace categories. Stage spans (`route`, `gather_signals`, `wasm_eval`, ...) are
/// visible under `eval` and under their own stage's category, so a finer span always has its
/// parent on the same trace; the root `evaluate` span is visible under every category.
extension TraceCategory {
    /// The root `evaluate` span and one span per pipeline stage.
    @inlinable public static var eval: TraceCategory { TraceCategory(rawValue: 1 << 0) }
    /// Per-policy routing detail.
    @inlinable public static var routing: TraceCategory { TraceCategory(rawValue: 1 << 1) }
    /// One span per signal.
    @inlinable public static var signals: TraceCategory { TraceCategory(rawValue: 1 << 2) }
    /// Module load, instantiation and evaluation detail.
    @inlinable public static var wasm: TraceCategory { TraceCategory(rawValue: 1 << 3) }
    /// Per-decision synthesis detail.
    @inlinable public static var synthesis: TraceCategory { TraceCategory(rawValue: 1 << 4) }
    /// One span per action.
    @inlinable public static var actions: TraceCategory { TraceCategory(rawValue: 1 << 5) }
    /// One span per rulebook builtin that looked at the event.
    @inlinable public static var builtins: TraceCategory { TraceCategory(rawValue: 1 << 7) }

    /// Every pipeline category (not `payload`); what `all` turns on.
    @inlinable public static var all: TraceCategory { [.eval, .routing, .signals, .wasm, .synthesis, .actions, .builtins] }
    /// For the root span site: visible whenever anything is traced.
    @inlinable public static var root: TraceCategory { [.all, .payload] }

    /// For a stage span site: visible under `eval` or under the stage's own category.
    @inlinable public static func stage(_ category: TraceCategory) -> TraceCategory {
        TraceCategory(rawValue: TraceCategory.eval.rawValue | category.rawValue)
    }
}

extension TraceConfiguration {
    /// The pipeline's vocabulary, for a tracer of evaluations: its category names (`eval`,
    /// `routing`, `signals`, `wasm`, `synthesis`, `actions`, `builtins`), the fields that carry
    /// raw event content, traces kept whatever the sampling when their decision is not Allow, and
    /// `eval` as what OpenTelemetry export alone turns on (`fromEnvironment` replaces the categories
    /// with those the environment names). Pass it as the `base` of `Tracer.fromEnvironment`;
    /// ``Tracer/pipeline`` is such a tracer. Built once (its payload key table with it).
    public static let pipeline = TraceConfiguration(
        categories: .eval,
        categoryNames: [
            ("eval", .eval), ("routing", .routing), ("signals", .signals), ("wasm", .wasm),
            ("synthesis", .synthesis), ("actions", .actions), ("builtins", .builtins),
        ],
        payloadKeys: [
            "tool_input", "tool_response", "prompt", "content", "output", "stdout", "stderr",
            "updated_input", "transcript", "signal_output", "event_json", "input_json", "result_json",
        ],
        keepsTrace: { field in
            // The traces people debug: anything but Allow.
            guard case .string(let decision)? = field("final_decision") else { return false }
            return decision.lowercased() != "allow"
        })
}

extension TraceConfiguration {
    /// The pipeline's vocabulary with `categories` on, writing lines to `sink`.
    public static func pipeline(categories: TraceCategory, sink: any Sink = FileDescriptorSink.standardError) -> TraceConfiguration {
        var configuration = pipeline
        configuration.categories = categories
        configuration.sink = sink
        return configuration
    }
}

extension Tracer {
    /// The process-wide tracer of evaluations: configured from the process environment
    /// (`CUPCAKE_TRACE`, `CUPCAKE_TRACE_SAMPLE`, `CUPCAKE_TRACE_OTLP`, `TRACEPARENT`, ...) with the
    /// pipeline's vocabulary on first use; lines go to standard error. What an ``Engine`` uses
    /// unless given another.
    public static let pipeline: Tracer = fromEnvironment(ProcessEnvironment.snapshot, base: .pipeline)
}
