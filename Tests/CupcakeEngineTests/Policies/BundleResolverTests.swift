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
                version) echo run >> "\(root)/versions"; echo "Version: 0.61.0"; echo "Build Commit: stand-in"; exit 0 ;;
                build)
                  shift
                  [ "$1 $2 $3 $4" = "-t wasm -O 2" ] || { echo "unexpected arguments: $*" >&2; exit 3; }
                  [ "\(opaBehaviour)" = "fail" ] && { echo "1 error occurred: a.rego:1: rego_parse_error" >&2; exit 1; }
                  out=""; inputs=""; entrypoints=""
                  shift 4
                  while [ $# -gt 0 ]; do
                    case "$1" in
                    -o) out="$2"; shift 2 ;;
                    -e) entrypoints="$entrypoints $2"; shift 2 ;;
                    *) inputs="$inputs $1"; shift ;;
                    esac
                  done
                  echo "$entrypoints" >> "\(root)/entrypoints"
                  case "$entrypoints" in " cupcake/system/evaluate"*) ;; *) echo "no aggregate entrypoint: $entrypoints" >&2; exit 5 ;; esac
                  if [ "\(opaBehaviour)" = "rejectPackages" ] && [ "$entrypoints" != " cupcake/system/evaluate" ]; then
                    echo "1 error occurred: entrypoint cupcake/policies/a: undefined" >&2; exit 1
                  fi
                  case "$inputs" in *"/policies/claude"*) ;; *) echo "missing inputs: $inputs" >&2; exit 4 ;; esac
                  echo "$inputs" >> "\(root)/inputs"
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

        var builds: Int { lines("builds").count }
        var versionRuns: Int { lines("versions").count }
        /// The `-e` arguments of each build, space-separated.
        var entrypointRuns: [String] { lines("entrypoints").map { $0.trimmingCharacters(in: .whitespaces) } }
        var inputRuns: [String] { lines("inputs") }

        func lines(_ name: String) -> [String] {
            ((try? String(contentsOfFile: root + "/" + name, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
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

    @Test("settled sources: the key is recorded under their identities and served from the record; any edit misses it")
    func sourceKeyRecord() throws {
        let sandbox = try Sandbox()
        let resolver = sandbox.resolver(opaPath: sandbox.opa)
        let records = sandbox.cache + "/bundles/keys"
        let policy = sandbox.policyDirectory + "/policies/claude/a.rego"
        try FileIdentity.$settleSeconds.withValue(0) {
            let computed = try resolver.sourceKey(opaVersion: "1.0")
            let names = try FileManager.default.contentsOfDirectory(atPath: records)
            #expect(names.count == 1)
            let recorded = try String(contentsOfFile: records + "/" + names[0], encoding: .utf8)
            #expect(recorded == computed)
            // The record is what answers now: a planted key comes back unread from the sources.
            let planted = String(repeating: "ab", count: 16)
            try planted.write(toFile: records + "/" + names[0], atomically: true, encoding: .utf8)
            #expect(try resolver.sourceKey(opaVersion: "1.0") == planted)
            // The same bytes written again are a new identity: the record is missed and the key
            // computed from the content (the original one), never the planted one.
            let text = try String(contentsOfFile: policy, encoding: .utf8)
            try text.write(toFile: policy, atomically: true, encoding: .utf8)
            #expect(try resolver.sourceKey(opaVersion: "1.0") == computed)
            // An edit is a new key, and so is a new file.
            try "package cupcake.policies.a\n# edited\n".write(toFile: policy, atomically: true, encoding: .utf8)
            let edited = try resolver.sourceKey(opaVersion: "1.0")
            #expect(edited != computed)
            try "package cupcake.policies.b\n".write(toFile: sandbox.policyDirectory + "/policies/claude/b.rego", atomically: true, encoding: .utf8)
            #expect(try resolver.sourceKey(opaVersion: "1.0") != edited)
            // A damaged record is ignored.
            for name in try FileManager.default.contentsOfDirectory(atPath: records) {
                try "not a key".write(toFile: records + "/" + name, atomically: true, encoding: .utf8)
            }
            #expect(try resolver.sourceKey(opaVersion: "1.0") != "not a key")
        }
        // Sources that changed within the settle time are read every time and recorded nowhere.
        try FileManager.default.removeItem(atPath: records)
        _ = try resolver.sourceKey(opaVersion: "1.0")
        #expect(!FileManager.default.fileExists(atPath: records))
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

    @Test("one entrypoint per policy package besides the aggregate, part of the cache key")
    func entrypointPerPackage() throws {
        let sandbox = try Sandbox()
        let resolver = sandbox.resolver(opaPath: sandbox.opa)
        let first = try resolver.resolve(packages: ["cupcake.policies.b", "cupcake.policies.a", "cupcake.policies.a"])
        #expect(first.source == .compiledNow)
        #expect(sandbox.entrypointRuns == ["cupcake/system/evaluate cupcake/policies/a cupcake/policies/b"])
        // Another set of packages is another bundle; the same set is the cached one.
        #expect(try resolver.resolve(packages: ["cupcake.policies.a", "cupcake.policies.b"]) == (first.path, .compiledCached))
        let other = try resolver.resolve(packages: ["cupcake.policies.a"])
        #expect(other.path != first.path)
        #expect(sandbox.builds == 2)
    }

    @Test("opa refusing the package entrypoints still gives a bundle, built with the aggregate alone")
    func refusedPackageEntrypointsFallBack() throws {
        let sandbox = try Sandbox(opaBehaviour: "rejectPackages")
        let resolved = try sandbox.resolver(opaPath: sandbox.opa).resolve(packages: ["cupcake.policies.a"])
        #expect(resolved.source == .compiledNow)
        #expect(sandbox.entrypointRuns == ["cupcake/system/evaluate cupcake/policies/a", "cupcake/system/evaluate"])
        #expect(sandbox.builds == 1)
        // Cached under the key asked for: the next load does not compile twice again.
        #expect(try sandbox.resolver(opaPath: sandbox.opa).resolve(packages: ["cupcake.policies.a"]).source == .compiledCached)
    }

    @Test("`opa version` runs once per opa binary, again when the binary changes")
    func opaVersionIsRemembered() throws {
        let sandbox = try Sandbox()
        try FileIdentity.$settleSeconds.withValue(0) {
            _ = try sandbox.resolver(opaPath: sandbox.opa).resolve()
            _ = try sandbox.resolver(opaPath: sandbox.opa).resolve()
            #expect(sandbox.versionRuns == 1)
            // Rewritten (a new identity): asked again.
            let script = try String(contentsOfFile: sandbox.opa, encoding: .utf8)
            try FileManager.default.removeItem(atPath: sandbox.opa)
            try (script + "\n").write(toFile: sandbox.opa, atomically: true, encoding: .utf8)
            chmod(sandbox.opa, 0o755)
            _ = try sandbox.resolver(opaPath: sandbox.opa).resolve()
            #expect(sandbox.versionRuns == 2)
        }
        // A binary that changed within the settle time is asked every time.
        _ = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(sandbox.versionRuns == 3)
    }

    @Test("upstream's layout: the aggregator in policies/<harness>/system, no .cupcake/system to pass")
    func upstreamLayout() throws {
        let sandbox = try Sandbox()
        let files = FileManager.default
        try files.createDirectory(atPath: sandbox.policyDirectory + "/policies/claude/system", withIntermediateDirectories: true)
        try files.moveItem(atPath: sandbox.policyDirectory + "/system/evaluate.rego",
                           toPath: sandbox.policyDirectory + "/policies/claude/system/evaluate.rego")
        try files.removeItem(atPath: sandbox.policyDirectory + "/system")
        let resolved = try sandbox.resolver(opaPath: sandbox.opa).resolve()
        #expect(resolved.source == .compiledNow)
        #expect(sandbox.inputRuns.count == 1)
        #expect(sandbox.inputRuns.first?.contains("/.cupcake/system") == false)
    }
}
