import CupcakeTestSupport
import Testing

@testable import CupcakeCodecs

@Suite("Inflate (RFC 1951)")
struct InflateTests {
    /// Raw deflate from python's zlib at `level` (wbits -15: no zlib header).
    private func rawDeflate(_ data: [UInt8], level: Int) throws -> [UInt8] {
        try ArchiveTestKit.python(
            "import sys,zlib; c=zlib.compressobj(\(level),zlib.DEFLATED,-15); "
                + "sys.stdout.buffer.write(c.compress(sys.stdin.buffer.read())+c.flush())",
            input: data)
    }

    private func inflateCounting(_ stream: [UInt8]) throws -> ([UInt8], DeflateBlockStats) {
        var stats = DeflateBlockStats()
        var sink = ByteSink(initialCapacity: 16, limit: 1 << 26)
        try stream.withUnsafeBufferPointer { buf in
            _ = try Inflate.inflate(buf, from: 0, into: &sink, stats: &stats)
        }
        return (sink.bytes(), stats)
    }

    @Test("stored blocks (zlib level 0), including several 64 KiB blocks")
    func storedBlocks() throws {
        let data = ArchiveTestKit.sampleText(bytes: 200_000)
        let (out, stats) = try inflateCounting(try rawDeflate(data, level: 0))
        #expect(out == data)
        #expect(stats.stored >= 4)
        #expect(stats.fixed == 0 && stats.dynamic == 0)
    }

    @Test("fixed Huffman blocks (short input)")
    func fixedBlocks() throws {
        let data = Array("allow allow allow deny".utf8)
        let (out, stats) = try inflateCounting(try rawDeflate(data, level: 6))
        #expect(out == data)
        #expect(stats.fixed == 1)
    }

    @Test("dynamic Huffman blocks at levels 1 and 9", arguments: [1, 9])
    func dynamicBlocks(level: Int) throws {
        let data = ArchiveTestKit.sampleText(bytes: 300_000, seed: UInt64(level))
        let (out, stats) = try inflateCounting(try rawDeflate(data, level: level))
        #expect(out == data)
        #expect(stats.dynamic >= 1)
    }

    @Test("incompressible data and long matches decode exactly")
    func mixedContent() throws {
        var random = FuzzRandom(seed: 3)
        // Random bytes (stored or literal-heavy), then long runs (length-258 matches at distance 1),
        // then a repeat of an earlier stretch (matches at large distances).
        let noise = random.bytes(50_000)
        let data = noise + [UInt8](repeating: 0x41, count: 70_000) + Array(noise[1000..<31000])
        for level in [0, 1, 6, 9] {
            #expect(try Inflate.decompress(try rawDeflate(data, level: level)) == data)
        }
    }

    @Test("empty input is truncated, not a crash")
    func emptyInput() {
        #expect(throws: InflateError.truncated) { try Inflate.decompress([]) }
    }

    @Test("block type 3 is rejected")
    func reservedBlockType() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(3, 2)
        #expect(throws: InflateError.invalidBlockType) { try Inflate.decompress(w.bytes) }
    }

    @Test("stored block with a wrong NLEN is rejected")
    func storedLengthMismatch() {
        #expect(throws: InflateError.storedLengthMismatch) {
            try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5])
        }
    }

    @Test("stored block shorter than its LEN is truncated")
    func storedTruncated() {
        #expect(throws: InflateError.truncated) { try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xFF, 1, 2]) }
    }

    @Test("a back-reference before the start of the output is rejected")
    func distanceTooFar() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(1, 2)  // fixed Huffman
        w.fixedSymbol(Int(UInt8(ascii: "a")))
        w.fixedSymbol(257)  // length 3
        w.code(4, 5)  // distance code 4: 5 + 1 extra bit
        w.bits(0, 1)
        w.fixedSymbol(256)
        #expect(throws: InflateError.distanceTooFar(distance: 5, available: 1)) { try Inflate.decompress(w.bytes) }
    }

    @Test("reserved length symbol 286 in the fixed code is rejected")
    func reservedLengthSymbol() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(1, 2)
        w.fixedSymbol(286)
        w.fixedSymbol(256)
        #expect(throws: InflateError.invalidCode) { try Inflate.decompress(w.bytes) }
    }

    @Test("reserved distance symbol 30 in the fixed code is rejected")
    func reservedDistanceSymbol() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(1, 2)
        w.fixedSymbol(Int(UInt8(ascii: "a")))
        w.fixedSymbol(257)
        w.code(30, 5)
        w.fixedSymbol(256)
        #expect(throws: InflateError.invalidCode) { try Inflate.decompress(w.bytes) }
    }

    @Test("an over-subscribed code-length code is rejected")
    func overSubscribed() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(2, 2)  // dynamic
        w.bits(0, 5)  // 257 literal/length codes
        w.bits(0, 5)  // 1 distance code
        w.bits(15, 4)  // 19 code-length codes
        for _ in 0..<19 { w.bits(1, 3) }  // nineteen codes of length 1: over-subscribed
        #expect(throws: InflateError.invalidHuffmanHeader("over-subscribed code length code")) {
            try Inflate.decompress(w.bytes + [0, 0, 0, 0])
        }
    }

    @Test("a dynamic header without an end-of-block code is rejected")
    func missingEndOfBlock() {
        var w = DeflateBitWriter()
        w.bits(1, 1)
        w.bits(2, 2)
        w.bits(0, 5)  // 257 literal/length codes
        w.bits(0, 5)  // 1 distance code
        w.bits(14, 4)  // 18 code-length codes: order 16,17,18,0,8,...,14,1
        // Code-length code: symbols 1 and 18 get length 1; canonically symbol 1 is code 0, 18 is code 1.
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
        for s in order { w.bits(s == 18 || s == 1 ? 1 : 0, 3) }
        w.code(1, 1)
        w.bits(127, 7)  // 18: 11 + 127 = 138 zero lengths
        w.code(1, 1)
        w.bits(108, 7)  // 18: 11 + 108 = 119 more: all 257 literal/length lengths are zero
        w.code(0, 1)  // symbol 1: the one distance code has length 1
        #expect(throws: InflateError.invalidHuffmanHeader("missing end-of-block code")) {
            try Inflate.decompress(w.bytes + [0, 0, 0, 0])
        }
    }

    @Test("output stops at the limit")
    func outputLimit() throws {
        let stream = try rawDeflate([UInt8](repeating: 0, count: 1 << 20), level: 9)
        #expect(throws: InflateError.outputLimitExceeded(limit: 100_000)) {
            try Inflate.decompress(stream, limit: 100_000)
        }
        #expect(try Inflate.decompress(stream, limit: 1 << 20).count == 1 << 20)
        #expect(throws: InflateError.outputLimitExceeded(limit: 0)) { try Inflate.decompress(stream, limit: 0) }
        #expect(try Inflate.decompress(try rawDeflate([], level: 6), limit: 0) == [])
    }

    @Test("truncation anywhere in a stream is an error, never a crash")
    func truncationEverywhere() throws {
        let data = ArchiveTestKit.sampleText(bytes: 5000)
        let stream = try rawDeflate(data, level: 9)
        var errors = 0
        for cut in stride(from: 0, to: stream.count, by: 7) {
            do {
                _ = try Inflate.decompress(Array(stream[..<cut]))
            } catch {
                errors += 1
            }
        }
        #expect(errors == (stream.count + 6) / 7)
    }
}
