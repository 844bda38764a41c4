/// Hexadecimal encoding and decoding with the behaviour of Go's encoding/hex.
package enum HexCoding {
    /// Why a hex text could not be decoded (the OPA builtins word it as Go's encoding/hex does).
    package enum DecodeError: Error, Equatable {
        case oddLength
        case invalidByte(UInt8)
    }

    /// Lowercase hex of `bytes`.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
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
    package static func decode(_ text: String) throws(DecodeError) -> [UInt8] {
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
