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
        didSet { payloadKeySet = PayloadKeys(payloadKeys) }
    }
    /// Decides, when sampling drops traces, which must stay anyway, from the root span's fields
    /// (looked up by name) when the root ends: for example the traces whose decision is not Allow.
    public var keepsTrace: @Sendable (_ rootField: (String) -> TraceValue?) -> Bool
    /// ``payloadKeys`` arranged for lookups.
    package private(set) var payloadKeySet: PayloadKeys

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
        self.payloadKeySet = PayloadKeys(payloadKeys)
        self.keepsTrace = keepsTrace
    }

    /// Tracing off, warnings to standard error.
    public static var off: TraceConfiguration { TraceConfiguration() }
}
