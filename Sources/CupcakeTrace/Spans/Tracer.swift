import Synchronization

/// Creates spans and hands them to their outputs (lines to a sink, values to exporters). One per
/// process is typical, configured from the environment with the program's own vocabulary
/// (``fromEnvironment(_:base:categoriesOverride:otlpOverride:sink:)``); tests make their own.
///
/// With a span's category off, `withSpan` costs one load and one branch: no clock read, no
/// allocation, no task-local push, and its fields are never evaluated. Built with
/// `-DCUPCAKE_TRACING_COMPILED_OUT`, span sites compile to their bodies alone (the baseline
/// `cupcake-bench engine` compares against).
public final class Tracer: Sendable {
    public let configuration: TraceConfiguration
    /// The enabled categories' bits, read on every span site.
    @usableFromInline let enabledMask: UInt32
    /// The configured sink, kept apart so a write does not copy the whole configuration.
    private let sink: any Sink
    /// False when the sink discards everything (export only): spans are then not encoded as lines.
    let writesLines: Bool
    /// Where finished spans go as values (OpenTelemetry export).
    private let exporters: [any SpanExporter]
    let hasExporters: Bool
    /// The configured limits, copied into each trace: read for every line.
    let lineLimits: LineLimits
    /// Diagnostic (non-span) lines, filtered by the configured log level.
    package let log: DiagnosticLog
    private let dropped = Atomic<Int>(0)
    /// Wall-clock time minus monotonic time, read once: a span's timestamp is its monotonic start
    /// plus this, which saves a clock read per span and keeps timestamps and durations consistent.
    private let wallOffset: UInt64

    public init(configuration: TraceConfiguration) {
        self.configuration = configuration
        self.enabledMask = configuration.categories.rawValue
        self.sink = configuration.sink
        self.writesLines = !(configuration.sink is DiscardingSink)
        self.exporters = configuration.exporters
        self.hasExporters = !configuration.exporters.isEmpty
        self.lineLimits = LineLimits(
            fieldBytes: configuration.maxFieldBytes, payloadBytes: configuration.maxPayloadBytes,
            payloadEnabled: configuration.categories.contains(.payload), payload: configuration.payloadKeySet.table)
        self.log = DiagnosticLog(threshold: configuration.logLevel, sink: configuration.sink, payload: configuration.payloadKeySet)
        self.wallOffset = WallClock.nowNanoseconds() &- WallClock.monotonicNanoseconds()
    }

    func wallNanoseconds(monotonic: UInt64) -> UInt64 { monotonic &+ wallOffset }

    /// A tracer configured from `environment`; warnings about values it did not understand are
    /// written once, as WARN lines. Lines go to standard error from a background thread (call
    /// ``flush(timeout:)`` before exiting) unless another `sink` is given.
    public static func fromEnvironment(
        _ environment: [String: String], base: TraceConfiguration = TraceConfiguration(),
        categoriesOverride: String? = nil, otlpOverride: String? = nil, sink: (any Sink)? = nil
    ) -> Tracer {
        let (configuration, warnings) = TraceConfiguration.fromEnvironment(
            environment, base: base, categoriesOverride: categoriesOverride, otlpOverride: otlpOverride, sink: sink)
        let tracer = Tracer(configuration: configuration)
        for warning in warnings { tracer.log.warn(warning) }
        return tracer
    }

    /// A tracer that never emits a span.
    public static let disabled = Tracer(configuration: .off)

    /// Whether spans of `category` are emitted.
    @inlinable public func isEnabled(_ category: TraceCategory) -> Bool {
        enabledMask & category.rawValue != 0
    }

    /// Hands on what the sink holds back (lines queued for a background writer, OTLP batches),
    /// waiting at most `timeout` seconds; true when everything was handed on. Call it before the
    /// process exits.
    @discardableResult
    public func flush(timeout: Double = 1) -> Bool {
        let sink = sink
        return MonotonicDeadline.flushEach(
            within: timeout, [{ sink.flush(timeout: $0) }] + exporters.map { exporter in { exporter.flush(timeout: $0) } })
    }

    /// Whether anything at all is traced.
    @inlinable public var isTracing: Bool { enabledMask != 0 }

    /// How many lines could not be written (closed stderr, EPIPE, full disk, a stalled reader)
    /// and were dropped.
    public var droppedLineCount: Int {
        let unwritten = (sink as? BackgroundFileDescriptorSink)?.unwrittenLineCount ?? 0
        return dropped.load(ordering: .relaxed) + log.droppedLineCount + unwritten
    }

    /// The span the current task is running in, or an empty span.
    public static var currentSpan: Span {
        CurrentSpan.box.map(Span.init) ?? Span()
    }

    // MARK: Spans

    /// Runs `body` inside a span named `name`, visible when any of `category` is enabled. The span
    /// ends when `body` returns or throws; a thrown error is recorded on the line and rethrown with
    /// its own type (`{ span throws(MyError) in ... }`), so callers need not box results.
    @inlinable
    public func withSpan<T, Failure: Error>(
        _ name: String, category: TraceCategory,
        fields: @autoclosure () -> KeyValuePairs<String, TraceValue> = [:],
        _ body: (Span) throws(Failure) -> T
    ) throws(Failure) -> T {
        #if CUPCAKE_TRACING_COMPILED_OUT
        return try body(Span())
        #else
        if _fastPath(enabledMask & category.rawValue == 0) {
            return try body(Span())
        }
        return try runRecording(startSpan(name, fields: fields()), body)
        #endif
    }

    /// The `async` form of synchronous ``withSpan(_:category:fields:_:)``: child tasks started
    /// in `body` see this span as their parent, and `body` keeps its caller's isolation.
    @inlinable
    public func withSpan<T, Failure: Error>(
        _ name: String, category: TraceCategory,
        fields: @autoclosure () -> KeyValuePairs<String, TraceValue> = [:],
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Span) async throws(Failure) -> T
    ) async throws(Failure) -> T {
        #if CUPCAKE_TRACING_COMPILED_OUT
        return try await body(Span())
        #else
        if _fastPath(enabledMask & category.rawValue == 0) {
            return try await body(Span())
        }
        return try await runRecording(startSpan(name, fields: fields()), isolation: isolation, body)
        #endif
    }

    /// The async `withSpan` for work that belongs to a trace whose root has already ended (an
    /// evaluation's actions, run after its answer was given): outside any span, the span joins
    /// `context`'s trace as a child of the span it names. With sampling, it is kept or dropped by
    /// its own trace id's sampling, like every span of that trace.
    package func withSpan<T, Failure: Error>(
        _ name: String, category: TraceCategory, continuing context: TraceParent?,
        fields: @autoclosure () -> KeyValuePairs<String, TraceValue> = [:],
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Span) async throws(Failure) -> T
    ) async throws(Failure) -> T {
        #if CUPCAKE_TRACING_COMPILED_OUT
        return try await body(Span())
        #else
        if enabledMask & category.rawValue == 0 { return try await body(Span()) }
        return try await runRecording(startSpan(name, fields: fields(), continuing: context), isolation: isolation, body)
        #endif
    }

    // The recording paths stay out of line: only the disabled check is inlined into call sites.
    // The synchronous one is inlined, so it is specialized for each body's result and error type
    // (a generic typed-throws call costs more than the span); what it calls is not generic.
    @inlinable
    func runRecording<T, Failure: Error>(
        _ box: SpanBox, _ body: (Span) throws(Failure) -> T
    ) throws(Failure) -> T {
        let outer = CurrentSpan.enterSynchronous(box)
        do {
            let result = try body(Span(box))
            CurrentSpan.leaveSynchronous(restoring: outer)
            box.end(error: nil)
            return result
        } catch {
            CurrentSpan.leaveSynchronous(restoring: outer)
            box.end(error: error)
            throw error
        }
    }

    @usableFromInline
    func runRecording<T, Failure: Error>(
        _ box: SpanBox, isolation: isolated (any Actor)?, _ body: (Span) async throws(Failure) -> T
    ) async throws(Failure) -> T {
        do {
            let result = try await CurrentSpan.withAsynchronous(box, isolation: isolation) { () async throws(Failure) in
                try await body(Span(box))
            }
            box.end(error: nil)
            return result
        } catch {
            box.end(error: error)
            throw error
        }
    }

    /// Creates the state of a recording span: a child of the current task's span, or a new trace's
    /// root (continuing `TRACEPARENT` when one was given).
    @usableFromInline
    func startSpan(_ name: String, fields: KeyValuePairs<String, TraceValue>) -> SpanBox {
        startSpan(name, fields: fields, continuing: nil)
    }

    /// `startSpan`, a new trace's root continuing `continuing` (else `TRACEPARENT`) when there is
    /// no current span.
    func startSpan(_ name: String, fields: KeyValuePairs<String, TraceValue>, continuing: TraceParent?) -> SpanBox {
        let start = WallClock.monotonicNanoseconds()
        if let parent = CurrentSpan.box {
            return SpanBox(
                name: name, trace: parent.trace, parentID: parent.spanID, isRoot: false, fields: fields, start: start)
        }
        let parentContext = continuing ?? configuration.traceParent
        // The new trace id's time comes from the span's own clock read.
        let traceID = parentContext?.traceID ?? TraceID.generate(unixMilliseconds: wallNanoseconds(monotonic: start) / 1_000_000)
        let trace = TraceState(tracer: self, traceID: traceID)
        return SpanBox(
            name: name, trace: trace, parentID: parentContext?.parentSpanID, isRoot: true, fields: fields, start: start)
    }

    // MARK: Output

    /// Hands a finished span to every exporter.
    func export(_ span: FinishedSpan) {
        for exporter in exporters { exporter.export(span) }
    }

    /// Hands finished lines to the sink; a failed write is counted, never retried or thrown.
    func write(_ lines: UnsafeRawBufferPointer) {
        if !sink.write(lines) {
            dropped.add(countLines(in: lines), ordering: .relaxed)
        }
    }
}
