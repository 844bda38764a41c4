import CupcakeTestSupport
import CupcakeTrace
import Foundation
import Testing

@testable import CupcakeEngine

/// An unchanged bundle's module comes from the cache without reading the bundle; a changed one
/// never does.
@Suite("The cache's bundle index")
struct BundleIndexTests {
    typealias Project = EngineTests.Project

    /// The spans one engine load writes (wasm category) and the decision on `event`.
    /// Files count as settled at once here (`FileIdentity.settleSeconds` 0), so a test need not wait.
    static func load(_ project: Project, event: String = "pretooluse-bash-rm-rf", settle: Int64 = 0) async throws
        -> (spans: [TraceLine], decision: FinalDecision)
    {
        let sink = InMemorySink()
        let engine = try FileIdentity.$settleSeconds.withValue(settle) { try project.engine(categories: .wasm, sink: sink) }
        let decision = try await engine.evaluate(eventJSON: try EngineTests.event(event)).decision
        return (try EngineTests.lines(sink), decision)
    }

    @Test("a bundle changed moments ago is not indexed: it may change again within one timestamp")
    func unsettled() async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project, settle: 3_600)
        #expect(Self.indexHit(try await Self.load(project, settle: 3_600).spans) == false)
        #expect(!FileManager.default.fileExists(atPath: project.cache + "/wasm/bundles"))
    }

    static func indexHit(_ spans: [TraceLine]) -> Bool? { spans.first { $0.span == "bundle_index" }?["hit"] as? Bool }
    static var bundle: (Project) -> String { { $0.policyDirectory + "/bundles/claude.tar.gz" } }

    @Test("the second load of an unchanged bundle skips reading it, with the same verdict")
    func hit() async throws {
        let project = try Project(rulebook: "")
        let first = try await Self.load(project)
        #expect(Self.indexHit(first.spans) == false)
        #expect(first.spans.contains { $0.span == "read_bundle" })
        let second = try await Self.load(project)
        #expect(Self.indexHit(second.spans) == true)
        #expect(!second.spans.contains { $0.span == "read_bundle" })
        #expect(!second.spans.contains { $0.span == "wasm_load" })
        #expect(second.decision == first.decision)
        #expect(second.decision.name == "deny")
    }

    @Test("a bundle replaced by another is read again, and its own policies decide")
    func replaced() async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project)
        // The large project's bundle knows nothing of rm -rf: a stale module would still deny.
        let large = EngineTests.root.appendingPathComponent("Fixtures/large/.cupcake/bundles/claude.tar.gz").path
        try FileManager.default.removeItem(atPath: Self.bundle(project))
        try FileManager.default.copyItem(atPath: large, toPath: Self.bundle(project))
        let after = try await Self.load(project)
        #expect(Self.indexHit(after.spans) == false)
        #expect(after.decision == .allow(context: []), "\(after.decision)")
    }

    @Test("a bundle rewritten in place, same size and content, is read again (its ctime changed)")
    func rewrittenInPlace() async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.bundle(project)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: Self.bundle(project)))
        try handle.write(contentsOf: bytes)
        try handle.close()
        let second = try await Self.load(project)
        #expect(Self.indexHit(second.spans) == false)
        let third = try await Self.load(project)
        #expect(Self.indexHit(third.spans) == true, "\(second.spans.map(\.raw))\n\(third.spans.map(\.raw))")
    }

    @Test("a damaged index or a missing cache entry is a miss, never an error", arguments: ["garbage", "entry gone", "entry elsewhere"])
    func damaged(damage: String) async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project)
        let indexDirectory = project.cache + "/wasm/bundles"
        let indexFile = try #require(try FileManager.default.contentsOfDirectory(atPath: indexDirectory).first)
        let indexPath = indexDirectory + "/" + indexFile
        switch damage {
        case "garbage":
            try Data("{\"version\":1,".utf8).write(to: URL(fileURLWithPath: indexPath))
        case "entry gone":
            for file in try FileManager.default.contentsOfDirectory(atPath: project.cache + "/wasm") where file.hasSuffix(".cwasm") {
                try FileManager.default.removeItem(atPath: project.cache + "/wasm/" + file)
            }
        default:
            var text = try String(contentsOfFile: indexPath, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"entry\":\"", with: "\"entry\":\"../../")
            try text.write(toFile: indexPath, atomically: true, encoding: .utf8)
        }
        let after = try await Self.load(project)
        #expect(Self.indexHit(after.spans) == false)
        #expect(after.decision.name == "deny")
    }
}
