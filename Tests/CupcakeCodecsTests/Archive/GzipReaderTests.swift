import CupcakeTestSupport
import Testing

@testable import CupcakeCodecs

@Suite("Gzip reader (RFC 1952)")
struct GzipReaderTests {
    private let text = ArchiveTestKit.sampleText(bytes: 120_000)

    @Test("CRC-32 matches the standard check value")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        // Incremental updates across the 8-byte fast path agree with one pass.
        let data = ArchiveTestKit.sampleText(bytes: 1001)
        var crc = CRC32()
        crc.update(Array(data[..<13]))
        crc.update(Array(data[13...]))
        #expect(crc.value == CRC32.checksum(data))
    }

    @Test("gzip -1 and -9 decompress exactly, through dynamic blocks", arguments: [1, 9])
    func gzipLevels(level: Int) throws {
        let gz = try ArchiveTestKit.gzip(text, level: level)
        var stats = DeflateBlockStats()
        #expect(try Gzip.decompress(gz, limit: 1 << 20, stats: &stats) == text)
        #expect(stats.dynamic >= 1)
    }

    @Test("incompressible data goes through stored blocks")
    func storedViaGzip() throws {
        var random = FuzzRandom(seed: 11)
        let noise = random.bytes(100_000)
        var stats = DeflateBlockStats()
        #expect(try Gzip.decompress(try ArchiveTestKit.gzip(noise), limit: 1 << 20, stats: &stats) == noise)
        #expect(stats.stored >= 1)
    }

    @Test("python gzip at level 0 (stored) and a short input (fixed)")
    func pythonGzip() throws {
        let stored = try ArchiveTestKit.python(
            "import sys,gzip; sys.stdout.buffer.write(gzip.compress(sys.stdin.buffer.read(), compresslevel=0))",
            input: text)
        var stats = DeflateBlockStats()
        #expect(try Gzip.decompress(stored, limit: 1 << 20, stats: &stats) == text)
        #expect(stats.stored >= 1 && stats.fixed == 0 && stats.dynamic == 0)

        let small = Array("deny deny deny".utf8)
        stats = DeflateBlockStats()
        #expect(try Gzip.decompress(try ArchiveTestKit.gzip(small), limit: 1 << 20, stats: &stats) == small)
        #expect(stats.fixed == 1)
    }

    @Test("a stored file name (FNAME) is skipped")
    func fileName() throws {
        try ArchiveTestKit.withTempDirectory { dir in
            try ArchiveTestKit.write(text, to: dir + "/policy-data.json")
            let gz = try ArchiveTestKit.shell("gzip -N -c policy-data.json", in: dir)
            #expect(gz[3] & 0x08 != 0)
            #expect(try Gzip.decompress(gz) == text)
        }
    }

    /// `gz` (written with -n: flags 0) with FEXTRA, FNAME, FCOMMENT and FHCRC fields added.
    private func withAllHeaderFields(_ gz: [UInt8], corruptHeaderCRC: Bool = false) -> [UInt8] {
        var header = Array(gz[..<10])
        header[3] = 0x04 | 0x08 | 0x10 | 0x02
        header += [3, 0, 0xAA, 0xBB, 0xCC]  // FEXTRA: XLEN 3
        header += Array("bundle.tar".utf8) + [0]
        header += Array("a comment".utf8) + [0]
        let crc = CRC32.checksum(header) ^ (corruptHeaderCRC ? 1 : 0)
        header += [UInt8(crc & 0xFF), UInt8((crc >> 8) & 0xFF)]
        return header + gz[10...]
    }

    @Test("FEXTRA, FNAME, FCOMMENT and a correct FHCRC are accepted")
    func allHeaderFields() throws {
        let gz = try ArchiveTestKit.gzip(text)
        #expect(gz[3] == 0)
        #expect(try Gzip.decompress(withAllHeaderFields(gz)) == text)
    }

    @Test("a wrong header CRC is rejected")
    func headerCRCMismatch() throws {
        let gz = withAllHeaderFields(try ArchiveTestKit.gzip(text), corruptHeaderCRC: true)
        #expect(throws: GzipError.headerCRCMismatch) { try Gzip.decompress(gz) }
    }

    @Test("concatenated members decompress to the concatenation")
    func multiMember() throws {
        let a = Array("first member\n".utf8), b = text, c = Array("third\n".utf8)
        let gz = try ArchiveTestKit.gzip(a, level: 1) + ArchiveTestKit.gzip(b, level: 9) + ArchiveTestKit.gzip(c)
        #expect(try Gzip.decompress(gz) == a + b + c)
        // So does what `cat a.gz b.gz` by the shell gives, via gzip -d as a cross-check.
        #expect(try ArchiveTestKit.shell("gzip -d -c", input: gz) == a + b + c)
    }

    @Test("zero padding after the last member is ignored; other trailing bytes are an error")
    func trailingBytes() throws {
        let gz = try ArchiveTestKit.gzip(text)
        #expect(try Gzip.decompress(gz + [0, 0, 0, 0]) == text)
        #expect(throws: GzipError.trailingGarbage(offset: gz.count + 1)) { try Gzip.decompress(gz + [0, 7]) }
    }

    @Test("a CRC-32 mismatch is reported as such")
    func crcMismatch() throws {
        var gz = try ArchiveTestKit.gzip(text)
        gz[gz.count - 8] ^= 0xFF
        #expect {
            try Gzip.decompress(gz)
        } throws: { error in
            guard case GzipError.crcMismatch = error else { return false }
            return "\(error)".contains("CRC-32 mismatch")
        }
    }

    @Test("an ISIZE mismatch is reported as such")
    func sizeMismatch() throws {
        var gz = try ArchiveTestKit.gzip(text)
        gz[gz.count - 4] ^= 0x01
        let stored = UInt32(text.count) ^ 1
        #expect(throws: GzipError.sizeMismatch(stored: stored, computed: UInt32(text.count))) {
            try Gzip.decompress(gz)
        }
    }

    @Test("truncation in the header, data and trailer each give their error")
    func truncated() throws {
        let gz = try ArchiveTestKit.gzip(text)
        #expect(throws: GzipError.truncatedHeader) { try Gzip.decompress(Array(gz[..<6])) }
        #expect(throws: GzipError.corruptData(.truncated)) { try Gzip.decompress(Array(gz[..<(gz.count / 2)])) }
        #expect(throws: GzipError.truncatedTrailer) { try Gzip.decompress(Array(gz[..<(gz.count - 3)])) }
    }

    @Test("not gzip, wrong method, reserved flags")
    func badHeaders() throws {
        #expect(throws: GzipError.notGzip) { try Gzip.decompress(Array("hello world".utf8)) }
        #expect(throws: GzipError.notGzip) { try Gzip.decompress([]) }
        var gz = try ArchiveTestKit.gzip(text)
        gz[2] = 7
        #expect(throws: GzipError.unsupportedMethod(7)) { try Gzip.decompress(gz) }
        gz[2] = 8
        gz[3] = 0x20
        #expect(throws: GzipError.reservedFlags(0x20)) { try Gzip.decompress(gz) }
    }

    @Test("a gzip bomb stops at the default 64 MiB limit with a clear error")
    func bombDefaultLimit() throws {
        let bomb = try ArchiveTestKit.shell("head -c 80000000 /dev/zero | gzip -1 -n -c")
        #expect(bomb.count < 1_000_000)
        #expect {
            try Gzip.decompress(bomb)
        } throws: { error in
            (error as? GzipError) == .outputLimitExceeded(limit: 64 << 20) && "\(error)".contains("gzip bomb")
        }
    }

    @Test("a custom limit applies across members")
    func limitAcrossMembers() throws {
        let part = try ArchiveTestKit.gzip([UInt8](repeating: 1, count: 60_000))
        #expect(try Gzip.decompress(part + part, limit: 120_000).count == 120_000)
        #expect(throws: GzipError.outputLimitExceeded(limit: 119_999)) {
            try Gzip.decompress(part + part, limit: 119_999)
        }
    }
}
