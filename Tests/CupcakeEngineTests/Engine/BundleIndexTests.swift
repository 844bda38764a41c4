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

    static func indexSource(_ spans: [TraceLine]) -> String? { spans.first { $0.span == "bundle_index" }?["source"] as? String }

    @Test("the artifact image is written, checked once settled, then mapped unread; a changed image is never mapped")
    func mappedImage() async throws {
        let project = try Project(rulebook: "")
        let first = try await Self.load(project)
        #expect(Self.indexHit(first.spans) == false)
        var sources: [String?] = []
        for _ in 0..<3 { sources.append(Self.indexSource(try await Self.load(project).spans)) }
        // Written by the first hit, checked and trusted by the second, mapped by the third.
        #expect(sources == ["bundle_index", "bundle_index", "mapped_image"])
        let mapped = try await Self.load(project)
        #expect(Self.indexSource(mapped.spans) == "mapped_image")
        #expect(mapped.decision == first.decision)

        // Replace the image with other bytes: its identity changes, so it is not mapped; the
        // verified path finds it different and removes it, then writes and trusts it afresh.
        let wasm = project.cache + "/wasm"
        let image = try #require(try FileManager.default.contentsOfDirectory(atPath: wasm).first { $0.hasSuffix(".image") })
        let imagePath = wasm + "/" + image
        let original = try Data(contentsOf: URL(fileURLWithPath: imagePath))
        try FileManager.default.removeItem(atPath: imagePath)
        try Data(repeating: 0xCC, count: original.count).write(to: URL(fileURLWithPath: imagePath))
        let afterDamage = try await Self.load(project)
        #expect(Self.indexSource(afterDamage.spans) == "bundle_index")
        #expect(afterDamage.decision == first.decision)
        #expect(!FileManager.default.fileExists(atPath: imagePath), "a differing image is removed")
        sources = []
        for _ in 0..<3 { sources.append(Self.indexSource(try await Self.load(project).spans)) }
        #expect(sources == ["bundle_index", "bundle_index", "mapped_image"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: imagePath)) == original)
    }

    @Test("an image that has not settled is not trusted")
    func unsettledImage() async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project)
        // With an hour's settle time the image, just written, never counts as settled.
        var sources: [String?] = []
        for _ in 0..<3 { sources.append(Self.indexSource(try await Self.load(project, settle: 3_600).spans)) }
        #expect(sources == ["bundle_index", "bundle_index", "bundle_index"])
        for _ in 0..<2 { sources.append(Self.indexSource(try await Self.load(project).spans)) }
        #expect(sources.suffix(2) == ["bundle_index", "mapped_image"])
    }

    @Test("with the module's facts in the index, instantiation waits for an event that routes to a policy")
    func deferredInstance() async throws {
        let project = try Project(rulebook: "")
        _ = try await Self.load(project)
        let sink = InMemorySink()
        let engine = try FileIdentity.$settleSeconds.withValue(0) { try project.engine(categories: .wasm, sink: sink) }
        let instantiate = try EngineTests.lines(sink).first { $0.span == "wasm_instantiate" }
        #expect(instantiate?["deferred"] as? Bool == true)
        let runtime = try #require(engine.project.runtime)
        #expect(runtime.instanceCount == 0)
        #expect(runtime.entrypoints.contains("cupcake/system/evaluate"))
        // Routes to nothing: still no instance.
        let quiet = try await engine.evaluate(eventJSON: try EngineTests.event("sessionstart"))
        #expect(quiet.decision == .allow(context: []), "\(quiet.decision)")
        #expect(runtime.instanceCount == 0)
        // Routes: the instance is made, and decides as an eager one does.
        let denied = try await engine.evaluate(eventJSON: try EngineTests.event("pretooluse-bash-rm-rf"))
        #expect(denied.decision.name == "deny")
        #expect(runtime.instanceCount == 1)
    }
}
