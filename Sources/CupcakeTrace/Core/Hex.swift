/// Lowercase hex for ids: formatting and parsing, as trace lines and `traceparent` write them.
enum Hex {
    /// `value` as 16 lowercase hex digits, formatted as trace lines format them.
    static func digits(_ value: UInt64) -> String {
        var writer = JSONLineWriter(capacity: 32)
        writer.appendHex(value)
        return writer.buffer.withBytes { String(decoding: $0.dropFirst(), as: UTF8.self) }  // after "{"
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
