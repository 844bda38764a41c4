/// Exact comparison of JSON number texts by value, as OPA compares numbers (through big.Rat):
/// "1" equals "1.0" and "10e-1", "12345678901234567890" sorts after "9", "1e400" after both,
/// with no rounding through Double.
enum DecimalText {
    /// A number as sign, significant digits (no leading or trailing zeros; empty for zero) and
    /// the position of the decimal point relative to them: value = 0.digits × 10^point.
    private struct Parts {
        var negative: Bool
        var digits: ArraySlice<UInt8>
        var point: Int
    }

    /// Negative, zero or positive as `left` is less than, equal to, or greater than `right`.
    /// Texts that are not numbers compare as zero.
    static func compare(_ left: String, _ right: String) -> Int {
        if left == right { return 0 }
        if let a = Int64(left), let b = Int64(right) { return a == b ? 0 : (a < b ? -1 : 1) }
        let a = parts(left)
        let b = parts(right)
        let signA = a.digits.isEmpty ? 0 : (a.negative ? -1 : 1)
        let signB = b.digits.isEmpty ? 0 : (b.negative ? -1 : 1)
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        let magnitude = compareMagnitude(a, b)
        return a.negative ? -magnitude : magnitude
    }

    private static func compareMagnitude(_ a: Parts, _ b: Parts) -> Int {
        if a.point != b.point { return a.point < b.point ? -1 : 1 }
        if a.digits.elementsEqual(b.digits) { return 0 }
        return a.digits.lexicographicallyPrecedes(b.digits) ? -1 : 1
    }

    private static func parts(_ text: String) -> Parts {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var inFraction = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 {
                digits.append(byte)
                if !inFraction { integerDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else {
                break
            }
            index += 1
        }
        var exponent = 0
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10 {
                // Saturate: exponents this large already decide every comparison.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        let trailingZeros = digits.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        if leadingZeros == digits.count {
            return Parts(negative: negative, digits: [], point: 0)
        }
        let significant = digits[leadingZeros..<(digits.count - trailingZeros)]
        return Parts(negative: negative, digits: significant, point: integerDigits - leadingZeros + exponent)
    }
}
