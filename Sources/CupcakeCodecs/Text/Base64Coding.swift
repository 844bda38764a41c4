/// Base64 (RFC 4648) with the decoding behaviour of Go's encoding/base64, which OPA uses:
/// the padded encodings require padding, '\r' and '\n' are skipped, and an error names the
/// offset of the first bad byte ("illegal base64 data at input byte N").
package enum Base64Coding {
    /// An alphabet and whether it pads with '='.
    package struct Variant: Sendable {
        let alphabet: [UInt8]
        let padded: Bool

        /// Standard alphabet with padding (Go's StdEncoding).
        package static let standard = Variant(alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8), padded: true)
        /// URL-safe alphabet with padding (Go's URLEncoding).
        package static let url = Variant(alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8), padded: true)
        /// URL-safe alphabet without padding (Go's RawURLEncoding).
        package static let urlUnpadded = Variant(alphabet: url.alphabet, padded: false)

        /// Maps a byte to its 6-bit value, 0xFF for bytes outside the alphabet.
        var decodeTable: [UInt8] {
            var table = [UInt8](repeating: 0xFF, count: 256)
            for (value, symbol) in alphabet.enumerated() {
                table[Int(symbol)] = UInt8(value)
            }
            return table
        }
    }

    /// The offset of the first byte that makes the input undecodable.
    package struct CorruptInput: Error, Equatable {
        package let offset: Int
        package var message: String { "illegal base64 data at input byte \(offset)" }
    }

    package static func encode(_ bytes: [UInt8], _ variant: Variant) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] as [UInt32] {
                out.append(variant.alphabet[Int((group >> shift) & 0x3F)])
            }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            var group = UInt32(bytes[index]) << 16
            if remaining == 2 { group |= UInt32(bytes[index + 1]) << 8 }
            out.append(variant.alphabet[Int((group >> 18) & 0x3F)])
            out.append(variant.alphabet[Int((group >> 12) & 0x3F)])
            if remaining == 2 {
                out.append(variant.alphabet[Int((group >> 6) & 0x3F)])
            } else if variant.padded {
                out.append(UInt8(ascii: "="))
            }
            if variant.padded { out.append(UInt8(ascii: "=")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes quantum by quantum of four symbols, as Go does.
    package static func decode(_ text: String, _ variant: Variant) throws(CorruptInput) -> [UInt8] {
        let source = Array(text.utf8)
        let table = variant.decodeTable
        var out: [UInt8] = []
        out.reserveCapacity(source.count / 4 * 3)
        var position = 0
        while true {
            var quantum: [UInt8] = [0, 0, 0, 0]
            var length = 4
            var sawPadding = false
            var symbol = 0
            while symbol < 4 {
                if position == source.count {
                    if symbol == 0 { return out }
                    if symbol == 1 || variant.padded { throw CorruptInput(offset: position - symbol) }
                    length = symbol
                    break
                }
                let byte = source[position]
                position += 1
                let value = table[Int(byte)]
                if value != 0xFF {
                    quantum[symbol] = value
                    symbol += 1
                    continue
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { continue }
                guard variant.padded, byte == UInt8(ascii: "=") else { throw CorruptInput(offset: position - 1) }
                // Padding: only after two or three symbols, "==" after two, then only newlines.
                switch symbol {
                case 0, 1:
                    throw CorruptInput(offset: position - 1)
                case 2:
                    skipNewlines(source, &position)
                    if position == source.count { throw CorruptInput(offset: source.count) }
                    if source[position] != UInt8(ascii: "=") { throw CorruptInput(offset: position - 1) }
                    position += 1
                default:
                    break
                }
                skipNewlines(source, &position)
                if position < source.count { throw CorruptInput(offset: position) }
                length = symbol
                sawPadding = true
                break
            }
            let group = UInt32(quantum[0]) << 18 | UInt32(quantum[1]) << 12 | UInt32(quantum[2]) << 6 | UInt32(quantum[3])
            let decoded = [UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group)]
            out.append(contentsOf: decoded[0..<(length - 1)])
            if sawPadding || length < 4 { return out }
        }
    }

    private static func skipNewlines(_ source: [UInt8], _ position: inout Int) {
        while position < source.count && (source[position] == UInt8(ascii: "\n") || source[position] == UInt8(ascii: "\r")) {
            position += 1
        }
    }
}
