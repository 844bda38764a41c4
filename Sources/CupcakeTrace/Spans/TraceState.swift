import Synchronization

/// What all spans of one trace share: its id, the tracer that owns it, and, when sampling is on,
/// the lines and exported spans held back until the root span decides whether the trace is kept.
@usableFromInline
final class TraceState: Sendable {
    let tracer: Tracer
    let traceID: TraceID
    let traceIDText: TraceIDText
    let limits: LineLimits
    /// True when lines are held in `held` until the root ends (sampling below 1).
    private let holdsLines: Bool
    private let held = Mutex<[UInt8]>([])
    private let heldSpans = Mutex<[FinishedSpan]>([])
    private let recordedError = Atomic<Bool>(false)

    init(tracer: Tracer, traceID: TraceID) {
        self.tracer = tracer
        self.traceID = traceID
        self.traceIDText = TraceIDText(traceID)
        self.limits = tracer.lineLimits
        self.holdsLines = tracer.configuration.sampleRate < 1
    }

    func noteError() { recordedError.store(true, ordering: .relaxed) }

    /// Writes complete lines with one write, or holds them while the trace's fate is undecided.
    func emit(lines: UnsafeRawBufferPointer) {
        if holdsLines {
            held.withLock { $0.append(contentsOf: lines) }
        } else {
            tracer.write(lines)
        }
    }

    /// Hands a finished span to the tracer's exporters, or holds it while the trace's fate is
    /// undecided.
    func export(_ span: FinishedSpan) {
        if holdsLines {
            heldSpans.withLock { $0.append(span) }
        } else {
            tracer.export(span)
        }
    }

    /// Called when the root span has ended (`rootField` looks up its fields): writes the held
    /// lines together and exports the held spans, or drops them.
    func finish(rootField: (String) -> TraceValue?) {
        guard holdsLines else { return }
        let lines = held.withLock { buffer in
            let taken = buffer
            buffer = []
            return taken
        }
        let spans = heldSpans.withLock { spans in
            let taken = spans
            spans = []
            return taken
        }
        let keep =
            recordedError.load(ordering: .relaxed)
            || tracer.configuration.keepsTrace(rootField)
            || Sampler.isSampled(traceID, rate: tracer.configuration.sampleRate)
        guard keep else { return }
        if !lines.isEmpty { lines.withUnsafeBytes { tracer.write($0) } }
        for span in spans { tracer.export(span) }
    }
}

/// Deterministic trace sampling: the same trace id is always kept or always dropped at a given
/// rate, so every process that sees a trace decides alike.
package enum Sampler {
    /// Whether `traceID` falls in the kept fraction `rate` (0...1). Uses the id's random low bits.
    package static func isSampled(_ traceID: TraceID, rate: Double) -> Bool {
        if rate >= 1 { return true }
        if rate <= 0 { return false }
        let bits = traceID.low & 0x3FFF_FFFF_FFFF_FFFF  // the 62 random bits of a UUIDv7 tail
        let fraction = Double(bits) / Double(UInt64(1) << 62)
        return fraction < rate
    }
}
