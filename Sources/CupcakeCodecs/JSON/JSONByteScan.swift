/// Word-at-a-time ("SWAR") byte tests the JSON parser uses to skip plain string bytes.
enum JSONByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero (exact: no false positives for this form).
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is below `limit` (limit <= 128); may report false
    /// positives next to bytes >= 0x80, never false negatives.
    @inline(__always)
    static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether `word` may contain '"', '\\' or a control byte, which end the plain run of a
    /// JSON string.
    @inline(__always)
    static func needsAttentionInString(_ word: UInt64) -> Bool {
        hasByteBelow(word, 0x20)
            || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x5C))
    }
}
