/// SHA-1 as specified in FIPS 180-4, section 6.1 (used only because OPA's crypto.sha1 exists).
package enum SHA1Digest {
    private static let initialState: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]

    /// The 20-byte digest of `message`.
    package static func hash(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var state = initialState
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            DigestPadding.forEachBlock(of: message, bigEndianLength: true) { block in
                compress(block, state: &state, schedule: schedule)
            }
        }
        return DigestPadding.bytes(of: state, bigEndian: true)
    }

    /// The digest of the UTF-8 bytes of `text`, as lowercase hex.
    package static func hexDigest(of text: String) -> String {
        DigestPadding.hexDigest(of: text, hash)
    }

    @inline(__always)
    private static func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }

    private static func compress(_ block: UnsafeRawBufferPointer, state: inout [UInt32],
                                 schedule: UnsafeMutableBufferPointer<UInt32>) {
        for index in 0..<16 {
            schedule[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
        for index in 16..<80 {
            schedule[index] = rotateLeft(schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16], 1)
        }
        var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4]
        for index in 0..<80 {
            let mixed: UInt32
            let constant: UInt32
            switch index {
            case 0..<20:
                mixed = (b & c) | (~b & d)
                constant = 0x5A827999
            case 20..<40:
                mixed = b ^ c ^ d
                constant = 0x6ED9EBA1
            case 40..<60:
                mixed = (b & c) | (b & d) | (c & d)
                constant = 0x8F1BBCDC
            default:
                mixed = b ^ c ^ d
                constant = 0xCA62C1D6
            }
            let temp = rotateLeft(a, 5) &+ mixed &+ e &+ constant &+ schedule[index]
            e = d
            d = c
            c = rotateLeft(b, 30)
            b = a
            a = temp
        }
        state[0] = state[0] &+ a
        state[1] = state[1] &+ b
        state[2] = state[2] &+ c
        state[3] = state[3] &+ d
        state[4] = state[4] &+ e
    }
}
