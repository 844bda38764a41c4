/// Message padding shared by MD5, SHA-1 and SHA-256 (64-byte blocks): the bytes after the
/// last full block, 0x80, zeros up to 56 mod 64, then the message length in bits as a
/// 64-bit integer (big-endian for SHA, little-endian for MD5).
enum DigestPadding {
    /// The final state words as digest bytes (big-endian words for SHA, little-endian for MD5).
    static func bytes(of state: [UInt32], bigEndian: Bool) -> [UInt8] {
        var digest: [UInt8] = []
        digest.reserveCapacity(state.count * 4)
        for word in state {
            withUnsafeBytes(of: bigEndian ? word.bigEndian : word.littleEndian) { digest.append(contentsOf: $0) }
        }
        return digest
    }

    /// `hash` of the UTF-8 bytes of `text`, as lowercase hex.
    static func hexDigest(of text: String, _ hash: (UnsafeRawBufferPointer) -> [UInt8]) -> String {
        var text = text
        return hex(text.withUTF8 { hash(UnsafeRawBufferPointer($0)) })
    }

    static func finalBlocks(tail: UnsafeRawBufferPointer, messageLength: Int, bigEndianLength: Bool) -> [UInt8] {
        var blocks = [UInt8](tail)
        blocks.append(0x80)
        while blocks.count % 64 != 56 {
            blocks.append(0)
        }
        let bitLength = UInt64(messageLength) &* 8
        for index in 0..<8 {
            let shift = bigEndianLength ? (56 - 8 * index) : (8 * index)
            blocks.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        return blocks
    }

    /// Runs `compress` over every 64-byte block of the padded message.
    static func forEachBlock(of message: UnsafeRawBufferPointer, bigEndianLength: Bool,
                             _ compress: (UnsafeRawBufferPointer) -> Void) {
        let fullBlocks = message.count / 64
        for block in 0..<fullBlocks {
            compress(UnsafeRawBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]))
        }
        let tail = UnsafeRawBufferPointer(rebasing: message[(fullBlocks * 64)...])
        let padded = finalBlocks(tail: tail, messageLength: message.count, bigEndianLength: bigEndianLength)
        padded.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: bytes.count, by: 64) {
                compress(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + 64)]))
            }
        }
    }

    /// Lowercase hexadecimal of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        HexCoding.encode(bytes)
    }
}
