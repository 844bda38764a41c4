import CupcakeEngine
import Testing

@testable import CupcakeTrace

/// Where an async span's body runs: where its caller runs, through suspensions, so a hook process
/// that evaluates on its main thread with tracing on never moves to the global executor (whose
/// first use starts several threads).
@Suite("Span isolation")
struct SpanIsolationTests {
    /// The isolation this runs with after a suspension (it runs on its caller's executor, as the
    /// engine's async functions do).
    nonisolated(nonsending) static func isolationAfterSuspension() async -> (any Actor)? {
        await Task.yield()
        return #isolation
    }

    actor Home {
        func evaluate(_ tracer: Tracer) async -> (any Actor)? {
            await tracer.withSpan("outer", category: .root) { _ in
                await tracer.withSpan("inner", category: .stage(.wasm)) { _ in
                    await SpanIsolationTests.isolationAfterSuspension()
                }
            }
        }
    }

    @Test("recording async spans: the body, and what it awaits, keep the caller's actor", arguments: [true, false])
    func bodyKeepsCallerIsolation(recording: Bool) async {
        let sink = InMemorySink()
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: recording ? .all : [], sink: sink))
        let home = Home()
        let isolation = await home.evaluate(tracer)
        #expect(isolation.map { $0 === home } == true)
        #expect(sink.lines.count == (recording ? 2 : 0))
    }
}
