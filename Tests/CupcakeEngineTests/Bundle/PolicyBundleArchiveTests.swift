import CupcakeTestSupport
import Testing

@testable import CupcakeEngine

@Suite("PolicyBundle from .tar.gz")
struct PolicyBundleArchiveTests {
    private typealias Kit = BundleTestKit

    /// Loads `members` packed as tar.gz, from memory.
    private func load(_ members: [(String, [UInt8])], limits: BundleLimits = BundleLimits()) throws -> PolicyBundle {
        try PolicyBundle.load(tarGz: try Kit.tarGz(members), origin: "test.tar.gz", limits: limits)
    }

    /// Expects loading `members` to fail with `expected`, and its message to name the origin.
    private func expectFailure(
        _ members: [(String, [UInt8])], _ expected: BundleError, limits: BundleLimits = BundleLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let gz = try Kit.tarGz(members)
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try PolicyBundle.load(tarGz: gz, origin: "test.tar.gz", limits: limits)
        }
        #expect(expected.description.hasPrefix("policy bundle test.tar.gz: "), sourceLocation: sourceLocation)
    }

    @Test("a bundle shaped exactly as opa build writes it, loaded from a file")
    func opaShapedBundle() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            let path = dir + "/claude.tar.gz"
            try ArchiveTestKit.write(try Kit.tarGz(Kit.opaMembers()), to: path)
            let bundle = try PolicyBundle.load(path: path)
            #expect(bundle.origin == path)
            #expect(bundle.wasm == Kit.wasmModule)
            #expect(bundle.dataJSON == Array(#"{"config":{"fail_mode":"closed"}}"#.utf8))
            #expect(bundle.entrypoints == ["cupcake/system/evaluate"])
            #expect(bundle.regoSources == ["policies/claude/bash_guard.rego": Kit.regoSource])
        }
    }

    @Test("the archive is recognized by its magic, not its name")
    func detectedByMagic() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(try Kit.tarGz(Kit.opaMembers()), to: dir + "/bundle.wasm")
            #expect(try PolicyBundle.load(path: dir + "/bundle.wasm").entrypoints == ["cupcake/system/evaluate"])
        }
    }

    @Test("GNU tar of an unpacked bundle directory (./ names, directories, long names) loads")
    func gnuTarOfDirectory() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            let long = String(repeating: "very-long-directory/", count: 7) + "policy.rego"
            try ArchiveTestKit.write(Kit.wasmModule, to: dir + "/b/policy.wasm")
            try ArchiveTestKit.write(Array("package long".utf8), to: dir + "/b/" + long)
            for format in ["gnu", "pax"] {
                let gz = try ArchiveTestKit.shell("tar --format=\(format) -C b -czf - .", in: dir)
                let bundle = try PolicyBundle.load(tarGz: gz, origin: "b.tar.gz")
                #expect(bundle.regoSources == [long: "package long"])
                #expect(bundle.entrypoints.isEmpty)
                #expect(bundle.dataJSON == nil)
            }
        }
    }

    @Test("the manifest may name another module")
    func manifestModule() throws {
        let manifest = Array(#"""
            {"revision":"7","wasm":[{"entrypoint":"a/b","module":"/build/x.wasm"},
                                    {"entrypoint":"c","module":"/build/x.wasm"}]}
            """#.utf8)
        let bundle = try load([("/.manifest", manifest), ("/build/x.wasm", Kit.wasmModule), ("/policy.wasm", [1, 2])])
        #expect(bundle.wasm == Kit.wasmModule)
        #expect(bundle.entrypoints == ["a/b", "c"])
        try expectFailure([("/.manifest", manifest), ("/policy.wasm", Kit.wasmModule)],
                          .noPolicyWasm(path: "test.tar.gz", member: "build/x.wasm"))
    }

    @Test("absolute-looking names are members of the bundle, never host paths")
    func absoluteNames() throws {
        let bundle = try load([("//policy.wasm", Kit.wasmModule), ("/etc/passwd.rego", Array("package p".utf8)),
                               ("./a/./b.rego", Array("package b".utf8))])
        #expect(bundle.wasm == Kit.wasmModule)
        #expect(bundle.regoSources == ["etc/passwd.rego": "package p", "a/b.rego": "package b"])
    }

    @Test("a .. component anywhere rejects the bundle, naming the member",
          arguments: ["../evil.rego", "/policies/../../evil.rego", "a/..", "..\\evil.rego"])
    func traversal(name: String) throws {
        try expectFailure(Kit.opaMembers() + [(name, Array("package evil".utf8))],
                          .pathTraversal(path: "test.tar.gz", member: name))
        #expect(BundleError.pathTraversal(path: "p", member: name).description.contains(name))
    }

    @Test("a traversal in a link or directory member also rejects the bundle")
    func traversalInLink() throws {
        var w = TarWriter()
        for (name, data) in Kit.opaMembers() { w.addFile(name, data) }
        w.add(TarWriter.Header(name: "../up", size: 0, type: UInt8(ascii: "2"), linkName: "/etc/passwd"), data: [])
        #expect(throws: BundleError.pathTraversal(path: "t", member: "../up")) {
            try PolicyBundle.load(tarGz: try ArchiveTestKit.gzip(w.finish()), origin: "t")
        }
    }

    @Test("links are skipped, never followed")
    func linksSkipped() throws {
        var w = TarWriter()
        w.add(TarWriter.Header(name: "/policy.wasm", size: 0, type: UInt8(ascii: "2"), linkName: "/etc/passwd"),
              data: [])
        w.add(TarWriter.Header(name: "/data.json", size: 0, type: UInt8(ascii: "1"), linkName: "/etc/hosts"), data: [])
        #expect(throws: BundleError.noPolicyWasm(path: "t", member: "policy.wasm")) {
            try PolicyBundle.load(tarGz: try ArchiveTestKit.gzip(w.finish()), origin: "t")
        }
    }

    @Test("missing policy.wasm")
    func missingWasm() throws {
        try expectFailure(Array(Kit.opaMembers().filter { $0.0 != "/policy.wasm" }),
                          .noPolicyWasm(path: "test.tar.gz", member: "policy.wasm"))
        #expect(BundleError.noPolicyWasm(path: "x", member: "policy.wasm").description
                == "policy bundle x: no policy.wasm in bundle")
    }

    @Test("policy.wasm that is not WebAssembly (wrong magic or version)")
    func notWasm() throws {
        for bad: [UInt8] in [Array("MZ not wasm".utf8), [0x00, 0x61, 0x73, 0x6D, 0x02, 0, 0, 0], [0x00, 0x61]] {
            try expectFailure(Kit.opaMembers(wasm: bad), .notWasm(path: "test.tar.gz", member: "policy.wasm"))
        }
        #expect(BundleError.notWasm(path: "x", member: "policy.wasm").description
                .contains("policy.wasm is not a WebAssembly module"))
    }

    @Test("manifest errors name the field", arguments: [
        (#"{"wasm":[{"entrypoint":7,"module":"/policy.wasm"}]}"#, "wasm[0].entrypoint"),
        (#"{"wasm":[{"entrypoint":"e"}]}"#, "wasm[0].module"),
        (#"{"wasm":{"entrypoint":"e"}}"#, "\"wasm\""),
        (#"{"wasm":[3]}"#, "wasm[0]"),
        (#"{"revision":1}"#, "revision"),
        (#"{"roots":["a",2]}"#, "roots"),
        (#"["not","an","object"]"#, "JSON object"),
        (#"{"wasm":[{"entrypoint":"a","module":"/a.wasm"},{"entrypoint":"b","module":"/b.wasm"}]}"#, "several modules"),
        (#"{"wasm": [ "#, "not valid JSON"),
    ])
    func badManifest(manifest: String, field: String) throws {
        let gz = try Kit.tarGz(Kit.opaMembers(manifest: Array(manifest.utf8)))
        #expect {
            try PolicyBundle.load(tarGz: gz, origin: "m.tar.gz")
        } throws: { error in
            guard case .badManifest(path: "m.tar.gz", let reason)? = error as? BundleError else { return false }
            return reason.contains(field) && "\(error)".contains(".manifest")
        }
    }

    @Test("null manifest fields count as absent; traversal in the module name is refused")
    func manifestEdges() throws {
        let nulls = try load(Kit.opaMembers(manifest: Array(#"{"revision":null,"roots":null,"wasm":null}"#.utf8)))
        #expect(nulls.entrypoints.isEmpty)
        let evil = Array(#"{"wasm":[{"entrypoint":"e","module":"/../../policy.wasm"}]}"#.utf8)
        try expectFailure(Kit.opaMembers(manifest: evil),
                          .pathTraversal(path: "test.tar.gz", member: "/../../policy.wasm"))
    }

    @Test("data.json that is not valid JSON")
    func badData() throws {
        var members = Kit.opaMembers()
        members[0].1 = Array(#"{"config": }"#.utf8)
        let gz = try Kit.tarGz(members)
        #expect {
            try PolicyBundle.load(tarGz: gz, origin: "d.tar.gz")
        } throws: { error in
            guard case .badDataJSON(path: "d.tar.gz", member: "data.json", _)? = error as? BundleError else {
                return false
            }
            return "\(error)".contains("data.json is not valid JSON")
        }
    }

    @Test("a .rego member that is not UTF-8")
    func badRego() throws {
        try expectFailure(Kit.opaMembers() + [("/p.rego", [0x70, 0xFF, 0xFE])],
                          .badRegoSource(path: "test.tar.gz", member: "p.rego"))
    }

    @Test("duplicate members are refused")
    func duplicates() throws {
        try expectFailure(Kit.opaMembers() + [("policy.wasm", Kit.wasmModule)],
                          .duplicateMember(path: "test.tar.gz", member: "policy.wasm"))
    }

    @Test("not gzip, not tar, truncated tar, corrupt gzip")
    func containerErrors() throws {
        #expect(throws: BundleError.notGzip(path: "x")) {
            try PolicyBundle.load(tarGz: Array("plain".utf8), origin: "x")
        }
        #expect(BundleError.notGzip(path: "x").description.contains("not a gzip file"))

        let notTar = try ArchiveTestKit.gzip(ArchiveTestKit.sampleText(bytes: 3000))
        #expect(throws: BundleError.notTar(path: "x", reason: "bad header checksum")) {
            try PolicyBundle.load(tarGz: notTar, origin: "x")
        }
        #expect(BundleError.notTar(path: "x", reason: "bad header checksum").description
                == "policy bundle x: not a tar archive (bad header checksum)")

        #expect(throws: BundleError.notTar(path: "x", reason: "0 bytes, less than one 512-byte header")) {
            try PolicyBundle.load(tarGz: try ArchiveTestKit.gzip([]), origin: "x")
        }

        var w = TarWriter()
        for (name, data) in Kit.opaMembers() { w.addFile(name, data) }
        let truncated = try ArchiveTestKit.gzip(Array(w.finish().dropLast(1024 + 100)))
        #expect(throws: BundleError.truncatedTar(path: "x")) { try PolicyBundle.load(tarGz: truncated, origin: "x") }

        var corrupt = try Kit.tarGz(Kit.opaMembers())
        corrupt[corrupt.count - 6] ^= 0x10
        #expect {
            try PolicyBundle.load(tarGz: corrupt, origin: "x")
        } throws: { error in
            guard case .corruptGzip(path: "x", .crcMismatch)? = error as? BundleError else { return false }
            return "\(error)".hasPrefix("policy bundle x: corrupt gzip: CRC-32 mismatch")
        }
        let cut = try Kit.tarGz(Kit.opaMembers()).dropLast(20)
        #expect(throws: BundleError.corruptGzip(path: "x", .corruptData(.truncated))) {
            try PolicyBundle.load(tarGz: Array(cut), origin: "x")
        }
    }

    @Test("size and member limits")
    func limits() throws {
        var small = BundleLimits()
        small.maxUncompressedBytes = 4096
        try expectFailure(Kit.opaMembers() + [("/big.bin", [UInt8](repeating: 0, count: 100_000))],
                          .tooLarge(path: "test.tar.gz", what: "decompressed size", limit: 4096), limits: small)
        var tiny = BundleLimits()
        tiny.maxCompressedBytes = 100
        try expectFailure(Kit.opaMembers(), .tooLarge(path: "test.tar.gz", what: "compressed size", limit: 100),
                          limits: tiny)
        var few = BundleLimits()
        few.maxMembers = 3
        try expectFailure(Kit.opaMembers(), .tooManyMembers(path: "test.tar.gz", limit: 3), limits: few)
        few.maxMembers = 4
        #expect(try load(Kit.opaMembers(), limits: few).wasm == Kit.wasmModule)
    }
}
