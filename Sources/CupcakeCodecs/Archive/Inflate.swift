/// A DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Output is bounded: passing `limit` bytes stops decoding with `InflateError.outputLimitExceeded`
/// instead of allocating more. Any input, however corrupt, yields bytes or an error.
package enum Inflate {
    /// Default bound on decompressed output: 64 MiB.
    package static let defaultOutputLimit = 64 << 20

    /// Decompresses the raw DEFLATE stream `input` (no zlib or gzip framing).
    ///
    /// Bytes after the final block are ignored.
    package static func decompress(_ input: [UInt8], limit: Int = defaultOutputLimit) throws(InflateError) -> [UInt8] {
        var sink = ByteSink(initialCapacity: min(limit, max(4096, input.count * 4)), limit: limit)
        try input.withUnsafeBufferPointer { (buf) throws(InflateError) -> Void in
            var stats = DeflateBlockStats()
            _ = try inflate(buf, from: 0, into: &sink, stats: &stats)
        }
        return sink.bytes()
    }

    /// Decodes one DEFLATE stream starting at byte `start` of `input`, appending to `sink`.
    ///
    /// Returns the offset of the first byte after the stream (the final block, padded to a byte).
    static func inflate(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into sink: inout ByteSink,
        stats: inout DeflateBlockStats
    ) throws(InflateError) -> Int {
        guard let base = input.baseAddress, start < input.count else { throw .truncated }
        var inflater = Inflater(base: base, count: input.count, pos: start)
        try inflater.run(into: &sink, stats: &stats)
        return inflater.pos
    }
}

/// How many blocks of each kind a stream held (lets tests prove each decoder path ran).
package struct DeflateBlockStats: Sendable, Equatable {
    package var stored = 0
    package var fixed = 0
    package var dynamic = 0

    package init() {}
}

/// Decoder state: the input and a 64-bit bit buffer filled least significant bit first.
private struct Inflater {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Next input byte not yet in the bit buffer.
    var pos: Int
    var bitBuf: UInt64 = 0
    var bitCount: Int = 0

    init(base: UnsafePointer<UInt8>, count: Int, pos: Int) {
        self.base = base
        self.count = count
        self.pos = pos
    }

    /// Tops the bit buffer up to at least 56 bits, or to all remaining input near the end.
    @inline(__always)
    mutating func refill() {
        if pos &+ 8 <= count {
            // One unaligned load; bytes only partly taken are loaded again next time, which is
            // harmless because OR-ing the same bits at the same positions changes nothing.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
            bitBuf |= word &<< UInt64(bitCount)
            pos &+= (63 &- bitCount) &>> 3
            bitCount |= 56
        } else {
            while bitCount <= 56 && pos < count {
                bitBuf |= UInt64(base[pos]) &<< UInt64(bitCount)
                pos &+= 1
                bitCount &+= 8
            }
        }
    }

    /// Takes `n` (0…16) bits; the caller has refilled.
    @inline(__always)
    mutating func take(_ n: Int) throws(InflateError) -> Int {
        if n > bitCount { throw .truncated }
        let v = Int(truncatingIfNeeded: bitBuf & ((1 &<< UInt64(n)) &- 1))
        bitBuf &>>= UInt64(n)
        bitCount &-= n
        return v
    }

    /// Decodes one symbol with `table`; the caller has refilled. Returns the table entry.
    @inline(__always)
    mutating func decode(_ table: UnsafePointer<UInt32>, primaryBits: Int) throws(InflateError) -> UInt32 {
        let bits = Int(truncatingIfNeeded: bitBuf)
        var e = table[bits & ((1 &<< primaryBits) &- 1)]
        if e & (HuffmanTable.pointerFlag << 8) != 0 {
            let sub = (bits &>> primaryBits) & ((1 &<< Int(e & 0xFF)) &- 1)
            e = table[Int(e &>> 16) &+ sub]
        }
        let n = Int(e & 0xFF)
        if n == 0 { throw .invalidCode }
        // Past the end of input the buffer holds zeros; a code that needed them means truncation.
        if n > bitCount { throw .truncated }
        bitBuf &>>= UInt64(n)
        bitCount &-= n
        return e
    }

    mutating func run(into sink: inout ByteSink, stats: inout DeflateBlockStats) throws(InflateError) {
        var isFinal = false
        while !isFinal {
            refill()
            isFinal = try take(1) == 1
            switch try take(2) {
            case 0:
                stats.stored += 1
                try storedBlock(into: &sink)
            case 1:
                stats.fixed += 1
                try huffmanBlock(DeflateCodes.fixedLiteralLength, DeflateCodes.fixedDistance, into: &sink)
            case 2:
                stats.dynamic += 1
                let (literals, distances) = try dynamicTables()
                try huffmanBlock(literals, distances, into: &sink)
            default:
                throw .invalidBlockType
            }
        }
        // The stream ends at a byte boundary; give back whole bytes still in the buffer.
        alignToByte()
    }

    /// Drops the bits of a partly read byte and rewinds `pos` over whole buffered bytes.
    private mutating func alignToByte() {
        let partial = bitCount & 7
        bitBuf &>>= UInt64(partial)
        bitCount -= partial
        pos -= bitCount >> 3
        bitBuf = 0
        bitCount = 0
    }

    private mutating func storedBlock(into sink: inout ByteSink) throws(InflateError) {
        alignToByte()
        guard count - pos >= 4 else { throw .truncated }
        let len = Int(base[pos]) | Int(base[pos + 1]) << 8
        let nlen = Int(base[pos + 2]) | Int(base[pos + 3]) << 8
        guard len == (~nlen & 0xFFFF) else { throw .storedLengthMismatch }
        pos += 4
        guard count - pos >= len else { throw .truncated }
        guard sink.reserve(len) else { throw .outputLimitExceeded(limit: sink.limit) }
        (sink.base + sink.count).update(from: base + pos, count: len)
        sink.count += len
        pos += len
    }

    private mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
        refill()
        let literalCount = try take(5) + 257
        let distanceCount = try take(5) + 1
        let codeLengthCount = try take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw .invalidHuffmanHeader("too many length or distance symbols")
        }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount {
            refill()
            codeLengthLengths[DeflateCodes.codeLengthOrder[i]] = UInt8(try take(3))
        }
        let codeLengthTable = try Inflater.table(codeLengthLengths[...], DeflateCodes.codeLengthPayloads, bits: 7,
                                                 name: "code length")

        let total = literalCount + distanceCount
        var lengths = [UInt8](repeating: 0, count: total)
        var i = 0
        try codeLengthTable.entries.withUnsafeBufferPointer { (table) throws(InflateError) -> Void in
            guard let t = table.baseAddress else { throw .invalidCode }
            while i < total {
                refill()
                let symbol = Int(try decode(t, primaryBits: 7) >> 16)
                if symbol < 16 {
                    lengths[i] = UInt8(symbol)
                    i += 1
                    continue
                }
                var value: UInt8 = 0
                let repeatCount: Int
                switch symbol {
                case 16:
                    guard i > 0 else { throw .invalidHuffmanHeader("repeat with no previous length") }
                    value = lengths[i - 1]
                    repeatCount = 3 + (try take(2))
                case 17:
                    repeatCount = 3 + (try take(3))
                default:
                    repeatCount = 11 + (try take(7))
                }
                guard repeatCount <= total - i else { throw .invalidHuffmanHeader("too many code lengths") }
                for _ in 0..<repeatCount {
                    lengths[i] = value
                    i += 1
                }
            }
        }
        guard lengths[256] != 0 else { throw .invalidHuffmanHeader("missing end-of-block code") }
        let literals = try Inflater.table(lengths[0..<literalCount], DeflateCodes.literalLengthPayloads,
                                          bits: DeflateCodes.literalLengthBits, name: "literal/length")
        let distances = try Inflater.table(lengths[literalCount...], DeflateCodes.distancePayloads,
                                           bits: DeflateCodes.distanceBits, name: "distance")
        return (literals, distances)
    }

    private static func table(
        _ lengths: ArraySlice<UInt8>, _ payloads: [UInt32?], bits: Int, name: String
    ) throws(InflateError) -> HuffmanTable {
        let built: HuffmanTable? = lengths.withUnsafeBufferPointer { buf in
            try? HuffmanTable(lengths: buf, payloads: payloads, primaryBits: bits)
        }
        guard let built else { throw .invalidHuffmanHeader("over-subscribed \(name) code") }
        return built
    }

    private mutating func huffmanBlock(
        _ literals: HuffmanTable, _ distances: HuffmanTable, into sink: inout ByteSink
    ) throws(InflateError) {
        try literals.entries.withUnsafeBufferPointer { (lbuf) throws(InflateError) -> Void in
            try distances.entries.withUnsafeBufferPointer { (dbuf) throws(InflateError) -> Void in
                guard let lt = lbuf.baseAddress, let dt = dbuf.baseAddress else { throw .invalidCode }
                try decodeSymbols(lt, literals.primaryBits, dt, distances.primaryBits, into: &sink)
            }
        }
    }

    /// The hot loop. Decoder and output state live in locals (registers) and go back to `self`
    /// and `sink` on exit or before the sink grows. One refill per symbol suffices, since a
    /// length/distance pair needs at most 15 + 5 + 15 + 13 = 48 bits.
    private mutating func decodeSymbols(
        _ lt: UnsafePointer<UInt32>, _ lbits: Int, _ dt: UnsafePointer<UInt32>, _ dbits: Int,
        into sink: inout ByteSink
    ) throws(InflateError) {
        let base = self.base
        let count = self.count
        var pos = self.pos
        var bitBuf = self.bitBuf
        var bitCount = self.bitCount
        var out = sink.base
        var outCount = sink.count
        var outCapacity = sink.capacity
        let lmask = (1 &<< lbits) &- 1
        let dmask = (1 &<< dbits) &- 1
        let pointer = HuffmanTable.pointerFlag << 8

        while true {
            // Refill (see `refill()`).
            if pos &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                bitBuf |= word &<< UInt64(bitCount)
                pos &+= (63 &- bitCount) &>> 3
                bitCount |= 56
            } else {
                while bitCount <= 56 && pos < count {
                    bitBuf |= UInt64(base[pos]) &<< UInt64(bitCount)
                    pos &+= 1
                    bitCount &+= 8
                }
            }

            // Literal/length symbol.
            var e = lt[Int(truncatingIfNeeded: bitBuf) & lmask]
            if e & pointer != 0 {
                let sub = Int(truncatingIfNeeded: bitBuf &>> UInt64(lbits)) & ((1 &<< Int(e & 0xFF)) &- 1)
                e = lt[Int(e &>> 16) &+ sub]
            }
            var n = Int(e & 0xFF)
            if n == 0 { throw .invalidCode }
            if n > bitCount { throw .truncated }
            bitBuf &>>= UInt64(n)
            bitCount &-= n
            let flags = (e &>> 8) & 0xFF
            if flags == HuffmanTable.literalFlag {
                if outCount == outCapacity {
                    sink.count = outCount
                    guard sink.reserve(1) else { throw .outputLimitExceeded(limit: sink.limit) }
                    out = sink.base
                    outCapacity = sink.capacity
                }
                out[outCount] = UInt8(truncatingIfNeeded: e &>> 16)
                outCount &+= 1
                continue
            }
            if flags & HuffmanTable.baseFlag == 0 { break }  // end of block

            // Length: base plus extra bits.
            var extra = Int(flags & 0xF)
            if extra > bitCount { throw .truncated }
            let length = Int(e &>> 16) &+ Int(truncatingIfNeeded: bitBuf & ((1 &<< UInt64(extra)) &- 1))
            bitBuf &>>= UInt64(extra)
            bitCount &-= extra

            // Distance symbol and its extra bits.
            var d = dt[Int(truncatingIfNeeded: bitBuf) & dmask]
            if d & pointer != 0 {
                let sub = Int(truncatingIfNeeded: bitBuf &>> UInt64(dbits)) & ((1 &<< Int(d & 0xFF)) &- 1)
                d = dt[Int(d &>> 16) &+ sub]
            }
            n = Int(d & 0xFF)
            if n == 0 { throw .invalidCode }
            if n > bitCount { throw .truncated }
            bitBuf &>>= UInt64(n)
            bitCount &-= n
            extra = Int((d &>> 8) & 0xF)
            if extra > bitCount { throw .truncated }
            let distance = Int(d &>> 16) &+ Int(truncatingIfNeeded: bitBuf & ((1 &<< UInt64(extra)) &- 1))
            bitBuf &>>= UInt64(extra)
            bitCount &-= extra

            guard distance <= outCount else { throw .distanceTooFar(distance: distance, available: outCount) }
            if length > outCapacity &- outCount {
                sink.count = outCount
                guard sink.reserve(length) else { throw .outputLimitExceeded(limit: sink.limit) }
                out = sink.base
                outCapacity = sink.capacity
            }
            var dst = outCount
            let end = dst &+ length
            if distance >= 8 {
                // The source is at least 8 bytes behind, so 8-byte chunks never read bytes this
                // copy has yet to write; the tail goes byte by byte.
                while dst &+ 8 <= end {
                    UnsafeMutableRawPointer(out + dst).storeBytes(
                        of: UnsafeRawPointer(out + (dst &- distance)).loadUnaligned(as: UInt64.self), as: UInt64.self)
                    dst &+= 8
                }
            }
            while dst < end {
                out[dst] = out[dst &- distance]
                dst &+= 1
            }
            outCount = end
        }
        self.pos = pos
        self.bitBuf = bitBuf
        self.bitCount = bitCount
        sink.count = outCount
    }
}
