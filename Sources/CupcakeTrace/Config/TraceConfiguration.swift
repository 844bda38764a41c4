/// Everything that decides what a ``Tracer`` emits and where. Build one in code (embedders) or from
/// the environment (`CUPCAKE_TRACE`, `CUPCAKE_TRACE_SAMPLE`, `CUPCAKE_LOG`/`RUST_LOG`,
/// `TRACEPARENT`). Tracing only adds output: nothing here changes a decision, a limit or a path.
public struct TraceConfiguration: Sendable {
    /// The categories whose spans are emitted; empty means tracing is off.
    public var categories: TraceCategory
    /// Fraction of traces kept, 0...1, chosen deterministically from the trace id. Traces whose
    /// final decision is not Allow, or that recorded an error, are always kept.
    public var sampleRate: Double
    /// Longest string field value, in UTF-8 bytes, before it is truncated with a marker.
    public var maxFieldBytes: Int
    /// Longest payload value (only with the `payload` category), in UTF-8 bytes.
    public var maxPayloadBytes: Int
    /// Threshold for diagnostic (non-span) lines.
    public var logLevel: LogLevel
    /// A caller's trace to continue, if any.
    public var traceParent: TraceParent?
    /// Where lines go; standard error by default.
    public var sink: any Sink

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
        traceParent: TraceParent? = nil,
        sink: any Sink = FileDescriptorSink.standardError
    ) {
        self.categories = categories
        self.sampleRate = sampleRate.isNaN ? 1 : min(1, max(0, sampleRate))
        self.maxFieldBytes = max(16, maxFieldBytes)
        self.maxPayloadBytes = max(16, maxPayloadBytes)
        self.logLevel = logLevel
        self.traceParent = traceParent
        self.sink = sink
    }

    /// Tracing off, warnings to standard error.
    public static var off: TraceConfiguration { TraceConfiguration() }

    /// A configuration read from environment variables, plus the warnings about values that were
    /// set but not understood (each is ignored). `categoriesOverride` is the CLI's `--trace`,
    /// which wins over `CUPCAKE_TRACE`.
    ///
    /// `CUPCAKE_TRACE_OTLP` (or `otlpOverride`, the CLI's `--trace-otlp`), else OpenTelemetry's
    /// `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT` (see ``OTelEnvironment``), adds OpenTelemetry
    /// export: `file:<path>` or `http://host:port`. With CUPCAKE_TRACE also set, lines go to both
    /// places; alone, it turns on the `eval` spans and exports them without writing stderr lines.
    public static func fromEnvironment(
        _ environment: [String: String],
        categoriesOverride: String? = nil,
        otlpOverride: String? = nil,
        sink: (any Sink)? = nil
    ) -> (configuration: TraceConfiguration, warnings: [String]) {
        var warnings: [String] = []
        let parsed = TraceCategory.parse(categoriesOverride ?? environment["CUPCAKE_TRACE"])
        if !parsed.unknown.isEmpty {
            let source = categoriesOverride == nil ? "CUPCAKE_TRACE" : "--trace"
            let valid = TraceCategory.names.map(\.name).joined(separator: ", ")
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
        let sink = sink ?? BackgroundFileDescriptorSink.standardError
        var lineSink = sink
        if let otlp = otlpOverride ?? environment[OTLPExport.environmentVariable],
            !Substring(otlp).trimmingWhitespace().isEmpty
        {
            if categories.isEmpty {
                do {
                    lineSink = try OTLPExport.makeSink(for: OTLPDestination(otlp))
                    categories = .eval
                } catch {
                    let source = otlpOverride == nil ? OTLPExport.environmentVariable : "--trace-otlp"
                    warnings.append("\(source): \(error); OTLP export is off")
                }
            } else {
                let configured = OTLPExport.configure(primary: sink, environment: environment, override: otlpOverride)
                lineSink = configured.sink
                warnings += configured.warnings
            }
        } else if let destination = OTelEnvironment.destination(environment) {
            // OpenTelemetry's own variables, as the SDKs read them: the same as CUPCAKE_TRACE_OTLP.
            if categories.isEmpty {
                if let exporter = try? OTLPExport.makeSink(for: destination) {
                    lineSink = exporter
                    categories = .eval
                }
            } else {
                lineSink = OTLPExport.configure(primary: sink, environment: environment).sink
            }
        }
        let configuration = TraceConfiguration(
            categories: categories, sampleRate: sampleRate, logLevel: log.level,
            traceParent: traceParent, sink: lineSink)
        return (configuration, warnings)
    }
}
