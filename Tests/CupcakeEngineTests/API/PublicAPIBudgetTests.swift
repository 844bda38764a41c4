import CupcakeTestSupport
import Testing

/// CupcakeEngine's public surface is what a library user needs: the engine and its
/// configuration, the event, the decision and the harness's answer, and the errors (with the
/// errors they carry). Everything else is package-level, shared with the CLI and the benchmarks.
@Suite("CupcakeEngine's public API")
struct EnginePublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let publicTypeBudget = 30

    @Test("the public types stay within the budget, and the user's types are among them")
    func publicTypesWithinBudget() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeEngine")
        for core in ["Engine", "EngineConfiguration", "EngineError", "EvaluationResult", "FinalDecision", "HookEvent",
                     "Harness", "HarnessResponse"] {
            #expect(types.contains(core), "\(core) is not public")
        }
        #expect(
            types.count <= Self.publicTypeBudget,
            "\(types.count) public types, budget \(Self.publicTypeBudget): \(types.sorted().joined(separator: ", "))")
    }

    @Test("the pipeline's internals are not public")
    func internalsArePackageLevel() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeEngine")
        for name in ["WasmEngine", "WasmModule", "WasmStore", "Rulebook", "RoutingIndex", "Preprocessor", "ProcessRunner",
                     "BundleResolver", "YAML", "Inflate", "DecisionSet", "ResponseBuilder", "HookCallOutcome"] {
            #expect(!types.contains(name), "\(name) is public")
        }
    }
}
