import Foundation
import Testing

@testable import CupcakeEngine

/// Finding or compiling a harness's bundle, with a stand-in `opa` that checks its arguments.
@Suite struct BundleResolverTests {
    static let fixtureBundle: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/") + "/Fixtures/project/.cupcake/bundles/claude.tar.gz"
    }()

    /// A policy directory without bundles/, a cache directory and a stand-in opa.
    struct Sandbox {
        let root: String
        var policyDirectory: String { root + "/.cupcake" }
        var cache: String { root + "/cache" }
        var opa: String { root + "/bin/opa" }
        var counter: String { root + "/builds" }

        init(opaBehaviour: String = "ok") throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-resolver-\(UUID().uuidString)").path
            let files = FileManager.default
            try files.createDirectory(atPath: root + "/.cupcake/policies/claude", withIntermediateDirectories: true)
            try files.createDirectory(atPath: root + "/.cupcake/system", withIntermediateDirectories: true)
            try files.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
            try "package cupcake.policies.a\n".write(toFile: root + "/.cupcake/policies/claude/a.rego", atomically: true, encoding: .utf8)
            try "package cupcake.system\n".write(toFile: root + "/.cupcake/system/evaluate.rego", atomically: true, encoding: .utf8)
            let script = """
                #!/bin/sh
                case "$1" in
                version) echo "Version: 0.61.0"; echo "Build Commit: stand-in"; exit 0 ;;
                build)
                  shift
                  [ "$1 $2 $3 $4 $5 $6" = "-t wasm -O 2 -e cupcake/system/evaluate" ] || { echo "unexpected arguments: $*" >&2; exit 3; }
                  [ "\(opaBehaviour)" = "fail" ] && { echo "1 error occurred: a.rego:1: rego_parse_error" >&2; exit 1; }
                  out=""; inputs=""
                  shift 6
                  while [ $# -gt 0 ]; do
                    if [ "$1" = "-o" ]; then out="$2"; shift 2; else inputs="$inputs $1"; shift; fi
                  done
                  case "$inputs" in *"/policies/claude"*"/system"*) ;; *) echo "missing inputs: $inputs" >&2; exit 4 ;; esac
                  cp "\(BundleResolverTests.fixtureBundle)" "$out" && echo built >> "\(root)/builds" ;;
                *) exit 2 ;;
                esac
                """
            try script.write(toFile: root + "/bin/opa", atomically: true, encoding: .utf8)
            chmod(root + "/bin/opa", 0o755)
        }

        func resolver(opaPath: String?, path: String = "/usr/bin:/bin") -> BundleResolver {
            BundleResolver(policyDirectory: policyDirectory, harness: "claude", opaPath: opaPath, cacheDirectory: cache, environment: ["PATH": path])
        }

        var builds: Int {
            ((try? String(contentsOfFile: counter, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
    }

    @Test func prebuiltBundleWins() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.policyDirectory + "/bundles", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtureBundle, toPath: sandbox.policyDirectory + "/bundles/claude.tar.gz")
        let resolved = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(resolved.source == .prebuilt)
        #expect(sandbox.builds == 0)
    }

    @Test func compilesOnceThenUsesTheCache() throws {
        let sandbox = try Sandbox()
        let first = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(first.source == .compiledNow)
        #expect(first.path.hasPrefix(sandbox.cache + "/bundles/claude-"))
        let bundle = try PolicyBundle.load(path: first.path)
        #expect(bundle.entrypoints == ["cupcake/system/evaluate"])
        // Found on PATH too, and not compiled again.
        let second = try sandbox.resolver(opaPath: nil, path: sandbox.root + "/bin:/usr/bin:/bin").resolve()
        #expect(second == (first.path, .compiledCached))
        #expect(sandbox.builds == 1)
        // A changed source is a new key.
        try "package cupcake.policies.a\n# changed\n".write(
            toFile: sandbox.policyDirectory + "/policies/claude/a.rego", atomically: true, encoding: .utf8)
        let third = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(third.source == .compiledNow)
        #expect(third.path != first.path)
        #expect(sandbox.builds == 2)
    }

    @Test("a harness directory that is a link is compiled, and editing a policy behind it is a new key")
    func linkedHarnessDirectory() throws {
        let sandbox = try Sandbox()
        let files = FileManager.default
        let harness = sandbox.policyDirectory + "/policies/claude"
        let real = sandbox.root + "/dotfiles/policies/claude"
        try files.createDirectory(atPath: sandbox.root + "/dotfiles/policies", withIntermediateDirectories: true)
        try files.moveItem(atPath: harness, toPath: real)
        try files.createSymbolicLink(atPath: harness, withDestinationPath: real)
        let first = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(first.source == .compiledNow)
        try "package cupcake.policies.a\n# edited behind the link\n".write(toFile: real + "/a.rego", atomically: true, encoding: .utf8)
        let second = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(second.source == .compiledNow)
        #expect(second.path != first.path)
        #expect(sandbox.builds == 2)
    }

    @Test func noBundleAndNoOPASaysHowToFixIt() throws {
        let sandbox = try Sandbox()
        #expect {
            _ = try sandbox.resolver(opaPath: nil).resolve()
        } throws: { error in
            let text = "\(error)"
            return text.contains("no opa binary was found") && text.contains("--opa-path")
                && text.contains("opa build -t wasm -O 2 -e cupcake/system/evaluate")
        }
        #expect(throws: BundleResolveError.self) { _ = try sandbox.resolver(opaPath: sandbox.root + "/bin/missing").resolve() }
    }

    @Test func opaFailureCarriesItsOutput() throws {
        let sandbox = try Sandbox(opaBehaviour: "fail")
        #expect {
            _ = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        } throws: { error in
            "\(error)".contains("rego_parse_error") && "\(error)".contains("exit status 1")
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.cache + "/bundles")) ?? []
        #expect(leftovers.isEmpty)
    }

    @Test func noPoliciesAtAll() throws {
        let sandbox = try Sandbox()
        let resolver = BundleResolver(
            policyDirectory: sandbox.policyDirectory, harness: "cursor", opaPath: sandbox.opa, cacheDirectory: sandbox.cache)
        #expect(throws: BundleResolveError.noPolicies(
            harness: "cursor", bundle: sandbox.policyDirectory + "/bundles/cursor.tar.gz",
            policies: sandbox.policyDirectory + "/policies/cursor")) { _ = try resolver.resolve() }
    }
}
