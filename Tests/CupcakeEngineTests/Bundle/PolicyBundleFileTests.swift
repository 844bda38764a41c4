import CupcakeTestSupport
import Testing

@testable import CupcakeEngine

@Suite("PolicyBundle from bare modules and directories")
struct PolicyBundleFileTests {
    private typealias Kit = BundleTestKit

    @Test("a bare .wasm file with data.json beside it")
    func bareWasmWithData() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/policy.wasm")
            try ArchiveTestKit.write(Array(#"{"x":1}"#.utf8), to: dir + "/data.json")
            let bundle = try PolicyBundle.load(path: dir + "/policy.wasm")
            #expect(bundle.wasm == Kit.wasmModule)
            #expect(bundle.dataJSON == Array(#"{"x":1}"#.utf8))
            #expect(bundle.entrypoints.isEmpty)
            #expect(bundle.regoSources.isEmpty)
            #expect(bundle.origin == dir + "/policy.wasm")
        }
    }

    @Test("a bare module without data.json, whatever its name")
    func bareWasmAlone() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/compiled.module")
            let bundle = try PolicyBundle.load(path: dir + "/compiled.module")
            #expect(bundle.wasm == Kit.wasmModule)
            #expect(bundle.dataJSON == nil)
        }
    }

    @Test("a bare module's invalid data.json is named by its path")
    func bareWasmBadData() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/policy.wasm")
            try ArchiveTestKit.write(Array("{oops".utf8), to: dir + "/data.json")
            #expect {
                try PolicyBundle.load(path: dir + "/policy.wasm")
            } throws: { error in
                guard case .badDataJSON(path: dir + "/policy.wasm", member: dir + "/data.json", let reason)?
                        = error as? BundleError
                else { return false }
                return reason.contains("line 1")
            }
        }
    }

    @Test("a .wasm file that is not WebAssembly; another file that is neither gzip nor wasm")
    func bareNotWasm() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Array("text".utf8), to: dir + "/policy.wasm")
            #expect(throws: BundleError.notWasm(path: dir + "/policy.wasm", member: "policy.wasm")) {
                try PolicyBundle.load(path: dir + "/policy.wasm")
            }
            try ArchiveTestKit.write(Array("text".utf8), to: dir + "/bundle.tar.gz")
            #expect(throws: BundleError.notGzip(path: dir + "/bundle.tar.gz")) {
                try PolicyBundle.load(path: dir + "/bundle.tar.gz")
            }
            try ArchiveTestKit.write([], to: dir + "/empty.tar.gz")
            #expect(throws: BundleError.notGzip(path: dir + "/empty.tar.gz")) {
                try PolicyBundle.load(path: dir + "/empty.tar.gz")
            }
        }
    }

    @Test("an unpacked bundle directory")
    func directory() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            let root = dir + "/bundle"
            for (name, data) in Kit.opaMembers() { try ArchiveTestKit.write(data, to: root + name) }
            try ArchiveTestKit.write(Array("package deep".utf8), to: root + "/a/b/c/deep.rego")
            try ArchiveTestKit.write(Array("not rego".utf8), to: root + "/notes.txt")
            try ArchiveTestKit.write(Array("package outside".utf8), to: dir + "/outside.rego")
            try ArchiveTestKit.shell("ln -s ../outside.rego bundle/linked.rego && ln -s .. bundle/up", in: dir)
            for path in [root, root + "/"] {
                let bundle = try PolicyBundle.load(path: path)
                #expect(bundle.wasm == Kit.wasmModule)
                #expect(bundle.entrypoints == ["cupcake/system/evaluate"])
                #expect(bundle.dataJSON == Array(#"{"config":{"fail_mode":"closed"}}"#.utf8))
                #expect(bundle.regoSources == ["policies/claude/bash_guard.rego": Kit.regoSource,
                                               "a/b/c/deep.rego": "package deep"])
            }
        }
    }

    @Test("directory errors: no policy.wasm, bad manifest, limits")
    func directoryErrors() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Array("package p".utf8), to: dir + "/b/p.rego")
            #expect(throws: BundleError.noPolicyWasm(path: dir + "/b", member: "policy.wasm")) {
                try PolicyBundle.load(path: dir + "/b")
            }
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/b/policy.wasm")
            try ArchiveTestKit.write(Array("[1]".utf8), to: dir + "/b/.manifest")
            #expect(throws: BundleError.badManifest(path: dir + "/b", reason: "must be a JSON object")) {
                try PolicyBundle.load(path: dir + "/b")
            }
            try ArchiveTestKit.write(Array("{}".utf8), to: dir + "/b/.manifest")
            #expect(try PolicyBundle.load(path: dir + "/b").regoSources == ["p.rego": "package p"])

            var few = BundleLimits()
            few.maxMembers = 2
            #expect(throws: BundleError.tooManyMembers(path: dir + "/b", limit: 2)) {
                try PolicyBundle.load(path: dir + "/b", limits: few)
            }
            var small = BundleLimits()
            small.maxUncompressedBytes = 10
            #expect(throws: BundleError.tooLarge(path: dir + "/b", what: "total size of the files read", limit: 10)) {
                try PolicyBundle.load(path: dir + "/b", limits: small)
            }
        }
    }

    @Test("directory nesting is bounded")
    func deepNesting() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/b/policy.wasm")
            let deep = (0..<70).map { "d\($0)" }.joined(separator: "/")
            try ArchiveTestKit.write(Array("package deep".utf8), to: dir + "/b/" + deep + "/x.rego")
            #expect {
                try PolicyBundle.load(path: dir + "/b")
            } throws: { error in
                guard case .unreadable(_, let reason)? = error as? BundleError else { return false }
                return reason.contains("nested deeper than 64")
            }
        }
    }

    @Test("paths that do not exist or are not files")
    func pathErrors() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            #expect(throws: BundleError.notFound(path: dir + "/missing.tar.gz")) {
                try PolicyBundle.load(path: dir + "/missing.tar.gz")
            }
            #expect(BundleError.notFound(path: "a.tar.gz").description == "policy bundle a.tar.gz: does not exist")
            try ArchiveTestKit.shell("mkfifo fifo", in: dir)
            #expect(throws: BundleError.unreadable(path: dir + "/fifo", reason: "not a regular file or directory")) {
                try PolicyBundle.load(path: dir + "/fifo")
            }
        }
    }

    @Test("a file over the size limits")
    func fileTooLarge() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Kit.wasmModule + [UInt8](repeating: 0, count: 5000), to: dir + "/policy.wasm")
            var limits = BundleLimits()
            limits.maxCompressedBytes = 1000
            limits.maxUncompressedBytes = 1000
            #expect(throws: BundleError.tooLarge(path: dir + "/policy.wasm", what: "file size", limit: 1000)) {
                try PolicyBundle.load(path: dir + "/policy.wasm", limits: limits)
            }
        }
    }
}
