/// A canonical Huffman code (RFC 1951 §3.2.2) as a two-level lookup table.
///
/// DEFLATE packs codes starting at their most significant bit into a stream read from the least
/// significant bit, so the table is indexed by the next `primaryBits` stream bits, which are the
/// bit-reversed code. Codes longer than `primaryBits` go through a pointer entry into a subtable
/// indexed by the following stream bits.
///
/// Entry layout (`UInt32`):
/// - bits 0–7: code length to consume (0 marks an invalid entry: no code, or a reserved symbol);
///   in a pointer entry, the subtable's index width;
/// - bits 8–15: flags, see `HuffmanTable.literalFlag` and friends; for a length or distance symbol
///   the low four bits hold the number of extra bits that follow the code;
/// - bits 16–31: the value: literal byte, base length or distance, code-length symbol, or the
///   subtable offset in a pointer entry.
struct HuffmanTable: Sendable {
    /// Entry for a literal byte (no flags).
    static let literalFlag: UInt32 = 0x00
    /// Entry pointing at a subtable.
    static let pointerFlag: UInt32 = 0x10
    /// End-of-block symbol (256).
    static let endOfBlockFlag: UInt32 = 0x20
    /// Length or distance symbol: value is the base, low flag bits the extra-bit count.
    static let baseFlag: UInt32 = 0x40

    /// Primary entries first, then the subtables.
    let entries: [UInt32]
    /// Number of stream bits indexing the primary table.
    let primaryBits: Int

    /// Why a code could not be built.
    enum BuildError: Error, Equatable {
        /// More codes of some length than the code space allows.
        case overSubscribed
    }

    /// Builds the table for `lengths` (one code length 0…15 per symbol, 0 = unused).
    ///
    /// `payloads[symbol]` is what the entry of that symbol carries (`value << 16 | flags << 8`), or
    /// `nil` when the symbol is reserved and decoding it is an error. Incomplete codes are accepted
    /// (RFC 1951 allows a lone distance code); bit patterns without a code decode as invalid entries.
    init(lengths: UnsafeBufferPointer<UInt8>, payloads: [UInt32?], primaryBits: Int) throws(BuildError) {
        var count = [Int](repeating: 0, count: 16)
        var maxLength = 0
        for l in lengths where l != 0 {
            count[Int(l)] += 1
            maxLength = max(maxLength, Int(l))
        }
        // Kraft inequality: an over-subscribed code cannot be decoded unambiguously.
        var left = 1
        for len in 1...15 {
            left = (left << 1) - count[len]
            if left < 0 { throw .overSubscribed }
        }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1...15 {
            code = (code + count[len - 1]) << 1
            nextCode[len] = code
        }

        let primarySize = 1 << primaryBits
        let subBits = max(0, maxLength - primaryBits)
        var table = [UInt32](repeating: 0, count: primarySize)
        for symbol in 0..<lengths.count {
            let len = Int(lengths[symbol])
            if len == 0 { continue }
            let code = nextCode[len]
            nextCode[len] += 1
            let reversed = HuffmanTable.reverse(code, bits: len)
            let entry = payloads[symbol].map { $0 | UInt32(len) } ?? 0
            if len <= primaryBits {
                var i = reversed
                while i < primarySize {
                    table[i] = entry
                    i += 1 << len
                }
            } else {
                let slot = reversed & (primarySize - 1)
                var pointer = table[slot]
                if pointer & (HuffmanTable.pointerFlag << 8) == 0 {
                    pointer = UInt32(table.count) << 16 | HuffmanTable.pointerFlag << 8 | UInt32(subBits)
                    table[slot] = pointer
                    table.append(contentsOf: repeatElement(0, count: 1 << subBits))
                }
                let offset = Int(pointer >> 16)
                var j = reversed >> primaryBits
                while j < 1 << subBits {
                    table[offset + j] = entry
                    j += 1 << (len - primaryBits)
                }
            }
        }
        entries = table
        self.primaryBits = primaryBits
    }

    /// Reverses the low `bits` bits of `code`.
    private static func reverse(_ code: Int, bits: Int) -> Int {
        var r = 0
        var c = code
        for _ in 0..<bits {
            r = (r << 1) | (c & 1)
            c >>= 1
        }
        return r
    }
}

/// Symbol payloads and the fixed code of RFC 1951 §3.2.5–3.2.6.
enum DeflateCodes {
    /// Payloads of literal/length symbols 0…287 (286 and 287 are reserved).
    static let literalLengthPayloads: [UInt32?] = {
        var p = [UInt32?](repeating: nil, count: 288)
        for b in 0..<256 { p[b] = UInt32(b) << 16 | HuffmanTable.literalFlag << 8 }
        p[256] = HuffmanTable.endOfBlockFlag << 8
        let base: [UInt32] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                              35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let extra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                               3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        for i in 0..<29 { p[257 + i] = base[i] << 16 | (HuffmanTable.baseFlag | extra[i]) << 8 }
        return p
    }()

    /// Payloads of distance symbols 0…31 (30 and 31 are reserved).
    static let distancePayloads: [UInt32?] = {
        var p = [UInt32?](repeating: nil, count: 32)
        let base: [UInt32] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                              513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        for i in 0..<30 {
            let extra = UInt32(i < 2 ? 0 : i / 2 - 1)
            p[i] = base[i] << 16 | (HuffmanTable.baseFlag | extra) << 8
        }
        return p
    }()

    /// Payloads of the code-length alphabet 0…18: the symbol itself.
    static let codeLengthPayloads: [UInt32?] = (0..<19).map { UInt32($0) << 16 }

    /// Order in which a dynamic block header lists the code-length code lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Primary table widths: most literal/length codes are at most 10 bits, distances at most 8.
    static let literalLengthBits = 10
    static let distanceBits = 8

    /// The fixed literal/length code.
    static let fixedLiteralLength: HuffmanTable = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // The fixed code is complete by construction, so building it cannot fail.
        return lengths.withUnsafeBufferPointer { buf in
            (try? HuffmanTable(lengths: buf, payloads: literalLengthPayloads, primaryBits: literalLengthBits))
                ?? HuffmanTable.empty
        }
    }()

    /// The fixed distance code: 32 five-bit codes.
    static let fixedDistance: HuffmanTable = {
        let lengths = [UInt8](repeating: 5, count: 32)
        return lengths.withUnsafeBufferPointer { buf in
            (try? HuffmanTable(lengths: buf, payloads: distancePayloads, primaryBits: distanceBits))
                ?? HuffmanTable.empty
        }
    }()
}

extension HuffmanTable {
    /// A table in which every pattern is invalid (a fallback that is never used in practice).
    static let empty: HuffmanTable = HuffmanTable(entries: [UInt32](repeating: 0, count: 2), primaryBits: 1)

    private init(entries: [UInt32], primaryBits: Int) {
        self.entries = entries
        self.primaryBits = primaryBits
    }
}
