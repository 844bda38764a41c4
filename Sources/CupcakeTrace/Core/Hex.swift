/// Lowercase hex for ids: formatting and parsing, as trace lines and `traceparent` write them.
enum Hex {
    /// `value` as 16 lowercase hex digits, formatted as trace lines format them.
    static func digits(_ value: UInt64) -> String {
        let alphabet: StaticString = "0123456789abcdef"
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 {
            bytes[15 - index] = alphabet.utf8Start[Int((value >> (4 * UInt64(index))) & 0xF)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses lowercase hex digits (the W3C format forbids uppercase) into an integer of at most 64 bits.
    static func parse<Digits: Collection<UInt8>>(_ digits: Digits) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
