extension TraceConfiguration {
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
