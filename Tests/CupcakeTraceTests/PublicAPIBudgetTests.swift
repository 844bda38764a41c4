import CupcakeTestSupport
import Foundation
import Testing

/// The tracing library's public surface stays small enough to hold in one's head (swift-log
/// exports about 11 types, swift-distributed-tracing about 15). The compiler's symbol graph of
/// the built module lists what a user of the library sees; a new public type must either replace
/// one or be argued for by raising the budget here and in the README.
@Suite("CupcakeTrace's public API")
struct PublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let publicTypeBudget = 16

    @Test("the public types stay within the budget")
    func publicTypesWithinBudget() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeTrace")
        // The user-facing core must be there: a budget met by exporting nothing proves nothing.
        for core in ["Tracer", "Span", "TraceValue", "TraceCategory", "TraceConfiguration", "Sink", "InMemorySink"] {
            #expect(types.contains(core), "\(core) is not public")
        }
        #expect(
            types.count <= Self.publicTypeBudget,
            "\(types.count) public types, budget \(Self.publicTypeBudget): \(types.sorted().joined(separator: ", "))")
    }

    @Test("internals stay out of the public surface")
    func internalsArePackageLevel() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeTrace")
        for name in ["Sampler", "FieldKeys", "WallClock", "ProcessEnvironment", "OTLPEncoder", "OTLPSpan", "TeeSink",
                     "DiagnosticLog", "BackgroundFileDescriptorSink"] {
            #expect(!types.contains(name), "\(name) is public")
        }
    }
}
