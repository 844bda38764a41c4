import CupcakeTestSupport
import Testing

/// CupcakeEngine's public surface is what a library user needs: the engine and its
/// configuration, the event, the decision and the harness's answer, and the errors (with the
/// errors they carry). Everything else is package-level, shared with the CLI and the benchmarks.
/// The codecs' value and error types count too: CupcakeEngine re-exports CupcakeCodecs.
@Suite("CupcakeEngine's public API")
struct EnginePublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let publicTypeBudget = 30

    @Test("the public types stay within the budget, and the user's types are among them")
    func publicTypesWithinBudget() throws {
        let types = try Self.visibleTypes()
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
        let types = try Self.visibleTypes()
        for name in ["WasmEngine", "WasmModule", "WasmStore", "Rulebook", "RoutingIndex", "Preprocessor", "ProcessRunner",
                     "BundleResolver", "YAML", "Inflate", "JSONParser", "JSONWriter", "SHA256Digest", "DecisionSet",
                     "ResponseBuilder", "HookCallOutcome"] {
            #expect(!types.contains(name), "\(name) is public")
        }
    }

    /// What `import CupcakeEngine` shows: its own public types and the re-exported codecs' ones.
    static func visibleTypes() throws -> Set<String> {
        let codecs = try PublicSymbols.types(ofModule: "CupcakeCodecs")
        #expect(codecs.contains("JSONValue"), "the codecs' JSONValue is not public: \(codecs.sorted())")
        return try PublicSymbols.types(ofModule: "CupcakeEngine").union(codecs)
    }
}
