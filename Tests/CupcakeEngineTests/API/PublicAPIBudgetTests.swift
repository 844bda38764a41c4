import CupcakeTestSupport
import Testing

/// CupcakeEngine's public surface is what a library user needs: the engine and its
/// configuration, the event, the decision and the harness's answer, and the errors (with the
/// errors they carry). Everything else is package-level, shared with the CLI and the benchmarks.
/// The codecs' value and error types count too: CupcakeEngine re-exports CupcakeCodecs.
@Suite("CupcakeEngine's public API")
struct EnginePublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let budget = PublicAPIBudget(
        modules: ["CupcakeEngine", "CupcakeCodecs"], budget: 30,
        required: ["Engine", "EngineConfiguration", "EngineError", "EvaluationResult", "FinalDecision", "HookEvent",
                   "Harness", "HarnessResponse", "JSONValue"],
        internals: ["WasmEngine", "WasmModule", "WasmStore", "Rulebook", "RoutingIndex", "Preprocessor", "ProcessRunner",
                    "BundleResolver", "YAML", "Inflate", "JSONParser", "JSONWriter", "OrderedJSON", "SHA256Digest",
                    "DecisionSet", "ResponseBuilder", "HookCallOutcome"])

    @Test("the public types (with the re-exported codecs') stay within the budget, the user's types among them and no internal")
    func withinBudget() throws {
        let violations = try Self.budget.violations()
        #expect(violations.isEmpty, "\(violations.joined(separator: "; "))")
    }
}
