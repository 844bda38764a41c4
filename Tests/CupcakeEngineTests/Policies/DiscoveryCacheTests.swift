import Foundation
import Testing

@testable import CupcakeEngine

/// Discovery remembers each file's METADATA by the file's identity, and never serves a changed,
/// new or removed file from memory.
@Suite("Discovery cache")
struct DiscoveryCacheTests {
    final class Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-discovery-\(UUID().uuidString)").path
        var policies: String { root + "/.cupcake/policies/claude" }
        var cache: String { root + "/cache" }

        init() throws {
            try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ name: String, id: String, tools: String = "[\"Bash\"]") throws {
            let text = "# METADATA\n# custom:\n#   id: \(id)\n#   routing:\n#     required_events: [\"PreToolUse\"]\n#     required_tools: \(tools)\npackage cupcake.policies.\(name)\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(policies)/\(name).rego"))
        }

        /// Files count as settled at once (`settle` 0) unless a test says otherwise.
        func discover(settle: Int64 = 0) throws -> [PolicyInfo] {
            try FileIdentity.$settleSeconds.withValue(settle) {
                try PolicyDiscovery.discover(policyDirectory: root + "/.cupcake", harness: "claude", cacheDirectory: cache).policies
            }
        }

        var cacheFile: String? {
            (try? FileManager.default.contentsOfDirectory(atPath: cache + "/discovery"))?.first.map { cache + "/discovery/" + $0 }
        }
    }

    @Test("an unchanged file's outcome is taken from the cache")
    func reused() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        #expect(try tree.discover().map(\.id) == ["A-1"])
        // Rewrite the remembered outcome: only a cache hit can return it.
        let file = try #require(tree.cacheFile)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\t=A-1\t", with: "\t=FROM-CACHE\t")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try tree.discover().map(\.id) == ["FROM-CACHE"])
    }

    @Test("one cache serves the directory however it is named; paths and warnings name it as this call did")
    func namedAnyWay() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        try Data("package cupcake.policies.bare\n".utf8).write(to: URL(fileURLWithPath: tree.policies + "/bare.rego"))
        _ = try tree.discover()
        let file = try #require(tree.cacheFile)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\t=A-1\t", with: "\t=FROM-CACHE\t")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let link = tree.root + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: tree.root + "/.cupcake")
        for directory in [tree.root + "/.cupcake", link, tree.root + "/./.cupcake/"] {
            let result = try FileIdentity.$settleSeconds.withValue(0) {
                try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude", cacheDirectory: tree.cache)
            }
            #expect(result.policies.map(\.id) == ["FROM-CACHE"], "\(directory)")
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            #expect(result.policies.map(\.path) == [base + "/policies/claude/a.rego"])
            #expect(result.warnings == [base + "/policies/claude/bare.rego: no custom.routing in a # METADATA block; policy skipped"])
        }
    }

    @Test("a file changed moments ago is not remembered")
    func unsettled() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        #expect(try tree.discover(settle: 3_600).map(\.id) == ["A-1"])
        #expect(tree.cacheFile == nil)
    }

    @Test("edited, new and removed files are seen at once")
    func changes() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        try tree.write("b", id: "B-1")
        _ = try tree.discover()
        try tree.write("a", id: "A-2", tools: "[\"Write\"]")
        try tree.write("c", id: "C-1")
        try FileManager.default.removeItem(atPath: tree.policies + "/b.rego")
        let found = try tree.discover()
        #expect(found.map(\.id) == ["A-2", "C-1"])
        #expect(found.first?.routing?.requiredTools == ["Write"])
        let cached = try String(contentsOfFile: try #require(tree.cacheFile), encoding: .utf8)
        #expect(!cached.contains("b.rego"), "a removed file leaves the cache")
    }

    @Test("a file broken after it was cached is an error, and stays one")
    func broken() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        _ = try tree.discover()
        try Data("# METADATA\n# custom: [unclosed\npackage cupcake.policies.a\n".utf8).write(to: URL(fileURLWithPath: tree.policies + "/a.rego"))
        #expect(throws: PolicyError.self) { try tree.discover() }
        #expect(throws: PolicyError.self) { try tree.discover() }
    }

    @Test("a damaged cache file is ignored and rewritten")
    func damaged() throws {
        let tree = try Tree()
        try tree.write("a", id: "A-1")
        _ = try tree.discover()
        let file = try #require(tree.cacheFile)
        let intact = try Data(contentsOf: URL(fileURLWithPath: file))
        for damage in [Data("{not json".utf8), intact.prefix(intact.count / 2), intact + Data("x\ty\n".utf8), Data()] {
            try damage.write(to: URL(fileURLWithPath: file))
            #expect(try tree.discover().map(\.id) == ["A-1"])
            // Rewritten whole.
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == intact)
        }
    }

    @Test("skips and their warnings are remembered too")
    func warnings() throws {
        let tree = try Tree()
        try Data("package cupcake.policies.bare\n".utf8).write(to: URL(fileURLWithPath: tree.policies + "/bare.rego"))
        for _ in 0..<2 {
            let result = try FileIdentity.$settleSeconds.withValue(0) {
                try PolicyDiscovery.discover(policyDirectory: tree.root + "/.cupcake", harness: "claude", cacheDirectory: tree.cache)
            }
            #expect(result.policies.isEmpty)
            #expect(result.warnings.contains { $0.contains("bare.rego: no custom.routing") })
        }
    }

    @Test("every field survives the file format, whatever characters it holds")
    func roundTrip() {
        let awkward = "tab\there\nnew line\\back\u{1F}unit\rcr =-+ é"
        let outcomes: [String: DiscoveryCache.Outcome] = [
            "/p/a.rego": .init(identity: "1:2:3:4.5:6.7", policy: PolicyInfo(
                path: "/p/a.rego", packageName: "cupcake.policies.a", title: awkward, id: "", severity: nil, scope: "-",
                routing: PolicyRouting(requiredEvents: ["PreToolUse", awkward], requiredTools: [""], requiredSignals: [])),
                warnings: [awkward, ""]),
            "/p/\(awkward).rego": .init(identity: "x", policy: nil, warnings: []),
            "/p/bare.rego": .init(identity: "y", policy: PolicyInfo(path: "/p/bare.rego", packageName: "cupcake.policies.bare"), warnings: ["w"]),
        ]
        let bytes = DiscoveryCache.encode(outcomes, root: "/root\twith tab")
        #expect(DiscoveryCache.decode(bytes, root: "/root\twith tab") == outcomes)
        #expect(DiscoveryCache.decode(bytes, root: "/other") == nil)
    }
}
