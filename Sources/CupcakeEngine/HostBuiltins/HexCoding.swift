/// Hexadecimal encoding and decoding with the behaviour of Go's encoding/hex.
enum HexCoding {
    /// Why a hex text could not be decoded; messages match Go's encoding/hex.
    enum DecodeError: Error, Equatable {
        case oddLength
        case invalidByte(UInt8)

        var message: String {
            switch self {
            case .oddLength:
                return "encoding/hex: odd length hex string"
            case .invalidByte(let byte):
                return "encoding/hex: invalid byte: \(GoQuoting.unicodeNotation(UInt32(byte), withCharacter: true))"
            }
        }
    }

    /// Lowercase hex of `bytes`.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits.utf8Start[Int(byte >> 4)])
            out.append(digits.utf8Start[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes pairs of hex digits (either case). As in Go, an invalid digit is reported before
    /// an odd length, since it comes earlier in the text.
    static func decode(_ text: String) throws(DecodeError) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var index = 1
        while index < bytes.count {
            guard let high = value(of: bytes[index - 1]) else { throw .invalidByte(bytes[index - 1]) }
            guard let low = value(of: bytes[index]) else { throw .invalidByte(bytes[index]) }
            out.append(high << 4 | low)
            index += 2
        }
        if bytes.count % 2 == 1 {
            if value(of: bytes[bytes.count - 1]) == nil { throw .invalidByte(bytes[bytes.count - 1]) }
            throw .oddLength
        }
        return out
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
