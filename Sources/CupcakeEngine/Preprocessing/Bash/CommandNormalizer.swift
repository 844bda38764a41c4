/// Whitespace normalization of shell commands, so spacing tricks cannot slip past policies
/// that match text: `rm  -rf   /` and `rm\t-rf /` both become `rm -rf /`.
///
/// Outside quotes every run of whitespace (spaces, tabs, newlines, any Unicode whitespace)
/// becomes one space, and leading/trailing whitespace is removed. Text inside single or
/// double quotes is kept exactly, as is any character after a backslash outside single
/// quotes, so `git commit -m 'Fix  spacing'` is unchanged. An unterminated quote keeps
/// the rest of the command as it is. This is Cupcake's normalization, byte for byte; run
/// `LineContinuations.join` first so `rm \` + newline + `-rf /` reads as `rm -rf /`.
///
/// Works on UTF-8 bytes (linear, no per-character allocation); only non-ASCII bytes are
/// decoded, to ask whether they start a whitespace scalar.
package enum CommandNormalizer {
    /// The normalized form of `command`.
    package static func normalize(_ command: String) -> String {
        var command = command
        return command.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var inSingle = false
            var inDouble = false
            var escaping = false
            // Bytes from `runStart` up to `index` are copied unchanged, in one go, when a
            // whitespace run outside quotes (or the end) is reached.
            var runStart = 0
            var index = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while index < bytes.count {
                // Eight plain bytes at a time: printable ASCII other than quotes and backslash
                // change no state and are copied as they are.
                if !escaping && index + 8 <= bytes.count
                    && isPlain(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                let length = byte < 0x80 ? 1 : UTF8Scalars.length(of: bytes, at: index)
                if escaping {
                    escaping = false
                } else if byte == UInt8(ascii: "\\") && !inSingle {
                    escaping = true
                } else if byte == UInt8(ascii: "'") && !inDouble {
                    inSingle.toggle()
                } else if byte == UInt8(ascii: "\"") && !inSingle {
                    inDouble.toggle()
                } else if !inSingle && !inDouble && UTF8Scalars.isWhitespace(bytes, at: index, length: length) {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    var next = index + length
                    while next < bytes.count {
                        let nextLength = bytes[next] < 0x80 ? 1 : UTF8Scalars.length(of: bytes, at: next)
                        guard UTF8Scalars.isWhitespace(bytes, at: next, length: nextLength) else { break }
                        next += nextLength
                    }
                    // One space between words; none at the start or the end.
                    if !result.isEmpty && next < bytes.count { result.append(UInt8(ascii: " ")) }
                    index = next
                    runStart = next
                    continue
                }
                index += length
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}

/// Whether all eight bytes are printable ASCII (above space, below 0x80) and none is a quote or
/// a backslash. The word tests are written here rather than called from the JSON codec's
/// `JSONByteScan`: across the module boundary they are calls, not single instructions.
@inline(__always)
private func isPlain(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    // With no high bit set, (x - ones*n) & ~x & high finds bytes below n exactly.
    @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & high != 0 }
    if word & high != 0 || (word &- ones &* 0x21) & ~word & high != 0 { return false }
    return !hasZeroByte(word ^ (ones &* 0x27)) && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
}

/// Scalars of well-formed UTF-8 (a Swift String's bytes), read in place.
enum UTF8Scalars {
    /// Bytes of the scalar starting at `index`.
    @inline(__always)
    static func length(of bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, bytes.count - index)
    }

    /// Whether the scalar at `index` has the Unicode White_Space property.
    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        let lead = bytes[index]
        if length == 1 {
            return lead == 0x20 || (0x09...0x0D).contains(lead)
        }
        // Non-ASCII whitespace starts with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000…),
        // or E3 (U+3000); anything else is not whitespace.
        guard lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 else { return false }
        let scalarBytes = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
        guard let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isWhitespace
    }
}
