import CupcakeTestSupport
import Testing

@testable import CupcakeCodecs

@Suite("Tar reader (ustar, pax, GNU)")
struct TarReaderTests {
    private let longDir = String(repeating: "nested-directory-name/", count: 8)  // 176 characters

    private func files(_ archive: [UInt8]) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for m in try TarReader.members(of: archive, maxMembers: 1000) where m.kind == .file {
            result[m.name] = Array(archive[m.data])
        }
        return result
    }

    /// An archive GNU tar writes in `format` from a tree with a long path, a directory and links.
    private func gnuTarArchive(format: String) throws -> [UInt8] {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(Array("short".utf8), to: dir + "/tree/a.txt")
            try ArchiveTestKit.write(Array("deep".utf8), to: dir + "/tree/" + longDir + "deep.rego")
            try ArchiveTestKit.shell("ln -s a.txt tree/link && ln tree/a.txt tree/hard", in: dir)
            return try ArchiveTestKit.shell("tar --format=\(format) -cf - tree", in: dir)
        }
    }

    @Test("GNU tar archives in ustar, gnu and pax formats", arguments: ["ustar", "gnu", "pax"])
    func gnuTarFormats(format: String) throws {
        let archive = try gnuTarArchive(format: format)
        let members = try TarReader.members(of: archive, maxMembers: 1000)
        let f = try files(archive)
        // tar stores whichever of a.txt and hard it meets first as the file, the other as a hard link.
        let stored = f["tree/a.txt"] != nil ? "tree/a.txt" : "tree/hard"
        let linked = stored == "tree/a.txt" ? "tree/hard" : "tree/a.txt"
        #expect(f[stored] == Array("short".utf8))
        #expect(members.contains { $0.name == linked && $0.kind == .other(UInt8(ascii: "1")) })
        #expect(f["tree/" + longDir + "deep.rego"] == Array("deep".utf8))
        #expect(members.contains { $0.name == "tree/" && $0.kind == .directory })
        #expect(members.contains { $0.name == "tree/link" && $0.kind == .other(UInt8(ascii: "2")) })
        #expect(f.count == 2)
    }

    @Test("python tarfile archives with GNU long names and pax headers", arguments: ["GNU_FORMAT", "PAX_FORMAT"])
    func pythonFormats(format: String) throws {
        let name = longDir + "policy.rego"
        let archive = try ArchiveTestKit.python(
            "import sys,io,tarfile; b=io.BytesIO(); t=tarfile.open(fileobj=b,mode=\"w\",format=tarfile.\(format)); "
                + "i=tarfile.TarInfo(\"\(name)\"); d=b\"package x\"; i.size=len(d); t.addfile(i,io.BytesIO(d)); "
                + "t.close(); sys.stdout.buffer.write(b.getvalue())")
        #expect(try files(archive) == [name: Array("package x".utf8)])
    }

    @Test("hand-made GNU 'L' and pax 'x' long names, pax 'g' ignored, pax size honoured")
    func handMadeLongNames() throws {
        var w = TarWriter()
        let long = longDir + "x.rego"
        w.addGNULongName(long, Array("gnu".utf8))
        w.add(TarWriter.Header(name: "pax_global_header", size: 20, type: UInt8(ascii: "g")),
              data: Array("15 comment=abc\n\0\0\0\0\0".utf8))
        w.addPax([("path", "/" + long + "2"), ("mtime", "1.5")], name: "short", Array("pax".utf8))
        // pax size overrides a zero size field.
        w.addPax([("size", "4")], name: "sized", [])
        let body = Array("four".utf8)
        var archive = w.bytes
        // The member above declared size 0 in its ustar header, so write its data block by hand.
        archive += body + [UInt8](repeating: 0, count: 508) + [UInt8](repeating: 0, count: 1024)
        let f = try files(archive)
        #expect(f[long] == Array("gnu".utf8))
        #expect(f["/" + long + "2"] == Array("pax".utf8))
        #expect(f["sized"] == body)
    }

    @Test("ustar prefix field joins the name; GNU magic ignores that space")
    func ustarPrefix() throws {
        var w = TarWriter()
        w.add(TarWriter.Header(name: "file.rego", size: 1, prefix: "policies/claude"), data: [0x41])
        w.add(TarWriter.Header(name: "gnu.rego", size: 1, prefix: "ignored", magic: TarWriter.gnuMagic), data: [0x42])
        let f = try files(w.finish())
        #expect(f["policies/claude/file.rego"] == [0x41])
        #expect(f["gnu.rego"] == [0x42])
    }

    @Test("GNU base-256 size field")
    func base256Size() throws {
        var w = TarWriter()
        let data = [UInt8](repeating: 9, count: 700)
        w.add(TarWriter.Header(name: "big", size: data.count, base256Size: true), data: data)
        #expect(try files(w.finish()) == ["big": data])
    }

    @Test("old-style type '\\0' is a regular file; a trailing slash makes a directory")
    func typeFlags() throws {
        var w = TarWriter()
        w.addFile("nul-type", [1, 2], type: 0)
        w.addFile("dir/", [], type: UInt8(ascii: "0"))
        let members = try TarReader.members(of: w.finish(), maxMembers: 10)
        #expect(members.map(\.kind) == [.file, .directory])
    }

    @Test("a bad checksum in the first header means not a tar archive")
    func badChecksumFirst() throws {
        var w = TarWriter()
        w.add(TarWriter.Header(name: "a", size: 1, checksumDelta: 1), data: [1])
        #expect(throws: TarError.badChecksum(offset: 0)) { try TarReader.members(of: w.finish(), maxMembers: 10) }
        #expect(throws: TarError.badChecksum(offset: 0)) {
            try TarReader.members(of: ArchiveTestKit.sampleText(bytes: 4096), maxMembers: 10)
        }
    }

    @Test("a bad checksum in a later header names its offset")
    func badChecksumLater() throws {
        var w = TarWriter()
        w.addFile("a", [1])
        w.add(TarWriter.Header(name: "b", size: 1, checksumDelta: -3), data: [1])
        #expect(throws: TarError.badChecksum(offset: 1024)) { try TarReader.members(of: w.finish(), maxMembers: 10) }
    }

    @Test("non-octal size field is a header error")
    func badSize() throws {
        var header = TarWriter.header(TarWriter.Header(name: "a", size: 0))
        header.replaceSubrange(124..<136, with: Array("00000000x12\0".utf8))
        // Recompute the checksum so that only the size is wrong.
        for i in 148..<156 { header[i] = 0x20 }
        let sum = String(header.reduce(0) { $0 + Int($1) }, radix: 8)
        let field = Array((String(repeating: "0", count: 6 - sum.count) + sum).utf8) + [0, 0x20]
        header.replaceSubrange(148..<156, with: field)
        #expect(throws: TarError.badHeader(offset: 0, "size field is not an octal number")) {
            try TarReader.members(of: header + [UInt8](repeating: 0, count: 1024), maxMembers: 10)
        }
    }

    @Test("truncation inside data, inside a header, or before the end blocks")
    func truncated() throws {
        var w = TarWriter()
        w.addFile("a", [UInt8](repeating: 1, count: 1000))
        let full = w.finish()
        #expect(try files(full).count == 1)
        for cut in [700, 1024, 1100, 1536] {
            #expect(throws: TarError.truncated) { try TarReader.members(of: Array(full[..<cut]), maxMembers: 10) }
        }
        #expect(throws: TarError.tooShort(byteCount: 0)) { try TarReader.members(of: [], maxMembers: 10) }
        #expect(throws: TarError.tooShort(byteCount: 100)) {
            try TarReader.members(of: Array(full[..<100]), maxMembers: 10)
        }
        // A single zero block at the very end is accepted (some writers stop there).
        #expect(try files(w.finish(zeroBlocks: 1)).count == 1)
    }

    @Test("a malformed pax record is a header error")
    func badPax() throws {
        var w = TarWriter()
        w.add(TarWriter.Header(name: "p", size: 12, type: UInt8(ascii: "x")), data: Array("99 path=abc\n".utf8))
        w.addFile("a", [1])
        #expect(throws: TarError.badHeader(offset: 0, "malformed pax extended header")) {
            try TarReader.members(of: w.finish(), maxMembers: 10)
        }
    }

    @Test("data after the end-of-archive block is rejected")
    func dataAfterEnd() throws {
        var w = TarWriter()
        w.addFile("a", [1])
        let archive = w.finish(zeroBlocks: 1) + TarWriter.header(TarWriter.Header(name: "b", size: 0))
        #expect(throws: TarError.badHeader(offset: 1536, "data after the end-of-archive block")) {
            try TarReader.members(of: archive, maxMembers: 10)
        }
    }

    @Test("member count is bounded")
    func memberLimit() throws {
        var w = TarWriter()
        for i in 0..<5 { w.addFile("f\(i)", []) }
        #expect(try TarReader.members(of: w.finish(), maxMembers: 5).count == 5)
        #expect(throws: TarError.tooManyMembers(limit: 4)) { try TarReader.members(of: w.finish(), maxMembers: 4) }
    }
}
