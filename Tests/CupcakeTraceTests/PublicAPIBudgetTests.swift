import CupcakeTestSupport
import Testing

/// The tracing library's public surface stays small enough to hold in one's head (swift-log
/// exports about 11 types, swift-distributed-tracing about 15). The compiler's symbol graph of
/// the built module lists what a user of the library sees; a new public type must either replace
/// one or be argued for by raising the budget here and in the README.
@Suite("CupcakeTrace's public API")
struct PublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let budget = PublicAPIBudget(
        modules: ["CupcakeTrace"], budget: 16,
        required: ["Tracer", "Span", "TraceValue", "TraceCategory", "TraceConfiguration", "Sink", "InMemorySink"],
        internals: ["Sampler", "FieldKeys", "WallClock", "ProcessEnvironment", "OTLPEncoder", "OTLPSpan", "TeeSink",
                    "DiagnosticLog", "BackgroundFileDescriptorSink"])

    @Test("the public types stay within the budget, the user's types among them and no internal")
    func withinBudget() throws {
        let violations = try Self.budget.violations()
        #expect(violations.isEmpty, "\(violations.joined(separator: "; "))")
    }
}
