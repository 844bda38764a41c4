/// Everything that decides what a ``Tracer`` emits and where. Build one in code (embedders) or from
/// the environment (`CUPCAKE_TRACE`, `CUPCAKE_TRACE_SAMPLE`, `CUPCAKE_LOG`/`RUST_LOG`,
/// `TRACEPARENT`). Tracing only adds output: nothing here changes a decision, a limit or a path.
public struct TraceConfiguration: Sendable {
    /// The categories whose spans are emitted; empty means tracing is off.
    public var categories: TraceCategory
    /// Fraction of traces kept, 0...1, chosen deterministically from the trace id. Traces that
    /// recorded an error, or that ``keepsTrace`` says must stay, are always kept.
    public var sampleRate: Double
    /// Longest string field value, in UTF-8 bytes, before it is truncated with a marker.
    public var maxFieldBytes: Int
    /// Longest payload value (only with the `payload` category), in UTF-8 bytes.
    public var maxPayloadBytes: Int
    /// Threshold for diagnostic (non-span) lines.
    public var logLevel: LogLevel
    /// A caller's trace to continue, if any.
    package var traceParent: TraceParent?

    /// The W3C `traceparent` (`00-<trace id>-<parent span id>-<flags>`) of a caller's trace to
    /// continue: new traces take its trace id and name its span as their root's parent. A value
    /// that is not a valid `traceparent` is ignored (reads back nil), and traces start afresh.
    public var traceparent: String? {
        get { traceParent?.description }
        set { traceParent = newValue.flatMap(TraceParent.init) }
    }
    /// Where lines go; standard error by default.
    public var sink: any Sink
    /// Where finished spans go as values, besides the lines (OpenTelemetry export).
    public var exporters: [any SpanExporter]

    /// The instrumented program's categories by the names `CUPCAKE_TRACE` and `--trace` use
    /// (lowercase). `all`, `payload` and `off` are understood besides.
    public var categoryNames: [(name: String, category: TraceCategory)]
    /// Field names that carry raw content (commands, prompts, output): left out of lines and
    /// exports unless ``TraceCategory/payload`` is on, whichever API recorded them.
    public var payloadKeys: [String] {
        didSet { payloadTable = PayloadKeys(payloadKeys) }
    }
    /// Decides, when sampling drops traces, which must stay anyway, from the root span's fields
    /// (looked up by name) when the root ends: for example the traces whose decision is not Allow.
    public var keepsTrace: @Sendable (_ rootField: (String) -> TraceValue?) -> Bool
    /// ``payloadKeys`` arranged for lookups.
    package private(set) var payloadTable: PayloadKeys

    /// Default string field limit: long enough for any session id, tool name or reason.
    public static let defaultMaxFieldBytes = 1024
    /// Default payload limit: enough to recognise a command or prompt, bounded so a 1 MB tool input
    /// cannot make a 1 MB trace line.
    public static let defaultMaxPayloadBytes = 1024

    public init(
        categories: TraceCategory = [],
        sampleRate: Double = 1,
        maxFieldBytes: Int = TraceConfiguration.defaultMaxFieldBytes,
        maxPayloadBytes: Int = TraceConfiguration.defaultMaxPayloadBytes,
        logLevel: LogLevel = .warn,
        traceparent: String? = nil,
        sink: any Sink = FileDescriptorSink.standardError,
        exporters: [any SpanExporter] = [],
        categoryNames: [(name: String, category: TraceCategory)] = [],
        payloadKeys: [String] = [],
        keepsTrace: @escaping @Sendable (_ rootField: (String) -> TraceValue?) -> Bool = { _ in false }
    ) {
        self.categories = categories
        self.sampleRate = sampleRate.isNaN ? 1 : min(1, max(0, sampleRate))
        self.maxFieldBytes = max(16, maxFieldBytes)
        self.maxPayloadBytes = max(16, maxPayloadBytes)
        self.logLevel = logLevel
        self.traceParent = traceparent.flatMap(TraceParent.init)
        self.sink = sink
        self.exporters = exporters
        self.categoryNames = categoryNames
        self.payloadKeys = payloadKeys
        self.payloadTable = PayloadKeys(payloadKeys)
        self.keepsTrace = keepsTrace
    }

    /// Tracing off, warnings to standard error.
    public static var off: TraceConfiguration { TraceConfiguration() }

    /// `base` with the settings environment variables give, plus the warnings about values that
    /// were set but not understood (each is ignored). `base` supplies what the environment does not
    /// name: the category names `CUPCAKE_TRACE` is read with, payload keys, the keep rule, limits.
    /// `categoriesOverride` is the CLI's `--trace`, which wins over `CUPCAKE_TRACE`.
    ///
    /// `CUPCAKE_TRACE_OTLP` (or `otlpOverride`, the CLI's `--trace-otlp`), else OpenTelemetry's
    /// `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, adds an OpenTelemetry exporter: `file:<path>` or
    /// `http(s)://host:port`. With CUPCAKE_TRACE also set, spans are written as lines and
    /// exported; alone, it turns on `base.categories` (all named ones when that is empty) and
    /// exports them without writing lines.
    public static func fromEnvironment(
        _ environment: [String: String],
        base: TraceConfiguration = TraceConfiguration(),
        categoriesOverride: String? = nil,
        otlpOverride: String? = nil,
        sink: (any Sink)? = nil
    ) -> (configuration: TraceConfiguration, warnings: [String]) {
        var warnings: [String] = []
        let parsed = TraceCategory.parse(categoriesOverride ?? environment["CUPCAKE_TRACE"], names: base.categoryNames)
        if !parsed.unknown.isEmpty {
            let source = categoriesOverride == nil ? "CUPCAKE_TRACE" : "--trace"
            let valid = (base.categoryNames.map(\.name) + ["all", "payload"]).joined(separator: ", ")
            warnings.append(
                "\(source): unknown trace categor\(parsed.unknown.count == 1 ? "y" : "ies") "
                    + parsed.unknown.map { "'\($0)'" }.joined(separator: ", ")
                    + " ignored; valid names: \(valid), off")
        }
        var sampleRate = 1.0
        if let text = environment["CUPCAKE_TRACE_SAMPLE"], !text.isEmpty {
            if let value = Double(text.trimmingWhitespace()), value >= 0, value <= 1 {
                sampleRate = value
            } else {
                warnings.append("CUPCAKE_TRACE_SAMPLE=\(text): not a number from 0 to 1; keeping every trace")
            }
        }
        let log = LogLevel.fromEnvironment(environment)
        if let invalid = log.invalid {
            warnings.append("\(invalid): unknown log level; valid: error, warn, info, debug, trace; using warn")
        }
        var traceParent: TraceParent? = nil
        if let text = environment["TRACEPARENT"], !text.isEmpty {
            if let parsedParent = TraceParent(text.trimmingWhitespace().description) {
                traceParent = parsedParent
            } else {
                warnings.append(
                    "TRACEPARENT is not a valid W3C traceparent (expected 00-<32 hex>-<16 hex>-<2 hex>); starting a new trace")
            }
        }
        var categories = parsed.categories
        // Standard error from a background thread unless the caller chose a sink.
        var lineSink: any Sink = sink ?? BackgroundFileDescriptorSink.standardError
        let otlp = OTLPExport.configured(environment: environment, override: otlpOverride)
        warnings += otlp.warnings
        if otlp.exporter != nil, categories.isEmpty {
            // Export alone: base's categories (every named one if it has none), exported, and no
            // lines on stderr.
            categories = base.categories.isEmpty ? TraceCategory.parse("all", names: base.categoryNames).categories : base.categories
            lineSink = DiscardingSink()
        }
        var configuration = base
        configuration.categories = categories
        configuration.sampleRate = sampleRate
        configuration.logLevel = log.level
        configuration.sink = lineSink
        configuration.exporters = base.exporters + (otlp.exporter.map { [$0] } ?? [])
        configuration.traceParent = traceParent
        return (configuration, warnings)
    }
}
