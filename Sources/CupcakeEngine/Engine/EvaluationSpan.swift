import CupcakeTrace

extension Tracer {
    /// The root span of one evaluation: `evaluate` (root category) with the harness as its field.
    /// Every entry point (`Engine.evaluate`, `Engine.decide`, a hook call) opens it here, so their
    /// traces have one shape. `body` keeps its caller's isolation.
    func withEvaluationSpan<T, Failure: Error>(
        harness: Harness, isolation: isolated (any Actor)? = #isolation,
        _ body: (Span) async throws(Failure) -> T
    ) async throws(Failure) -> T {
        try await withSpan("evaluate", category: .root, fields: ["harness": .string(harness.rawValue)], isolation: isolation, body)
    }
}
