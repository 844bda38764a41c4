import CupcakeTestSupport
import Foundation
import Testing

/// Rebuilds the committed WebAssembly fixtures and the projects' bundles into a temporary directory and compares
/// bytes, so an edited source without a rebuild (or a hand-edited binary) fails here, naming the stale file.
@Suite("Committed fixtures match their sources")
struct FixturesAreFreshTests {
    @Test(
        "every Fixtures/policies/*.wasm and every project's harness bundles equal a fresh build",
        .enabled(
            if: FixtureToolchain.matchesRecorded(),
            "needs the clang (targeting wasm32) and zlib recorded in Fixtures/policies/TOOLCHAIN, wasm-ld, python3 and libwasmtime: see `bash Scripts/build-fixtures.sh --check`"
        )
    )
    func committedFixturesMatchRebuild() throws {
        let root = FixtureToolchain.packageRoot
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("cupcake-fixtures-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let build = try FixtureToolchain.run(["bash", "Scripts/build-fixtures.sh", scratch.path])
        try #require(build.status == 0, "Scripts/build-fixtures.sh failed (exit \(build.status)):\n\(build.output)")

        let committed = try FixtureToolchain.artifacts(under: root.appendingPathComponent("Fixtures"))
        let rebuilt = try FixtureToolchain.artifacts(under: scratch)
        #expect(!committed.isEmpty, "no committed .wasm fixtures or bundle found under Fixtures/")
        #expect(
            committed.sorted() == rebuilt.sorted(),
            "committed and rebuilt artifacts differ in name: committed \(committed.sorted()), rebuilt \(rebuilt.sorted())"
        )
        for path in committed where rebuilt.contains(path) {
            let old = try Data(contentsOf: root.appendingPathComponent("Fixtures").appendingPathComponent(path))
            let new = try Data(contentsOf: scratch.appendingPathComponent(path))
            #expect(old == new, "Fixtures/\(path) differs from a fresh build: run `make fixtures` and commit it")
        }
    }
}

extension FixturesAreFreshTests {
    @Test("the large project's sources (policies/src/large.c, large/.cupcake/policies) equal its generator's output")
    func largeSourcesMatchGenerator() throws {
        let root = FixtureToolchain.packageRoot
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("policies/src"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try FixtureToolchain.run(["python3", "Fixtures/tools/make_large.py", scratch.path])
        try #require(run.status == 0, "make_large.py failed: \(run.output)")
        let generated = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("large/.cupcake/policies/claude").path)
        let committed = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Fixtures/large/.cupcake/policies/claude").path)
        #expect(generated.sorted() == committed.sorted())
        for path in ["policies/src/large.c"] + generated.map({ "large/.cupcake/policies/claude/" + $0 }) {
            let old = try Data(contentsOf: root.appendingPathComponent("Fixtures/" + path))
            let new = try Data(contentsOf: scratch.appendingPathComponent(path))
            #expect(old == new, "Fixtures/\(path) differs from make_large.py's output: run `python3 Fixtures/tools/make_large.py Fixtures`")
        }
    }
}

/// Finds the package, runs the fixture build script, and lists the artifacts it produces.
enum FixtureToolchain {
    /// The package root: this file is Tests/CupcakeEngineTests/Fixtures/FixturesAreFreshTests.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Fixtures
        .deletingLastPathComponent()  // CupcakeEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// Whether `build-fixtures.sh --check` succeeds with the clang and zlib that built the committed files:
    /// another compiler or zlib emits other (equally valid) bytes, so comparing would only report noise.
    static func matchesRecorded() -> Bool {
        guard let check = try? run(["bash", "Scripts/build-fixtures.sh", "--check"]), check.status == 0,
            let recorded = try? String(
                contentsOf: packageRoot.appendingPathComponent("Fixtures/policies/TOOLCHAIN"), encoding: .utf8)
        else { return false }
        return check.output.trimmingCharacters(in: .whitespacesAndNewlines)
            == recorded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The fixture projects with bundles (Fixtures/<project>/.cupcake): the demo, the adversarial
    /// one and the large one (claude only).
    static let projects = ["project", "adversarial", "large"]

    /// Paths, relative to `directory`, of the build's artifacts: policies/*.wasm and every project's
    /// bundle for every harness. A missing bundle is left out here, so a build that stops writing
    /// one fails the name comparison instead of crashing the byte comparison.
    static func artifacts(under directory: URL) throws -> [String] {
        let policies = directory.appendingPathComponent("policies")
        let wasm = try FileManager.default.contentsOfDirectory(atPath: policies.path)
            .filter { $0.hasSuffix(".wasm") }
            .map { "policies/\($0)" }
        let bundles = projects.flatMap { project in
            ["claude", "cursor", "factory", "opencode"].map { "\(project)/.cupcake/bundles/\($0).tar.gz" }
        }
        .filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return wasm + bundles
    }

    /// Runs a command in the package root with this process's environment (the build needs clang
    /// and python3 from PATH); stdout then stderr, so a failure shows everything.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: ProcessInfo.processInfo.environment,
            currentDirectory: packageRoot.path)
        return (result.status, result.stdout + result.stderr)
    }
}
