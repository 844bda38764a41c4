/// Go's `(*big.Int).Format`, which fmt calls for a `*big.Int` argument: verbs b, o, O, d, s,
/// v, x, X; any other verb prints "%!f(big.Int=123)".
extension GoFormatter {
    /// Integers with more digits than this are not converted to another base: the conversion
    /// is quadratic and a host builtin cannot be interrupted by the evaluation deadline.
    static let maxBigIntDigitsForBaseConversion = 10_000

    /// Why a big integer could not be formatted.
    struct BigIntTooLarge: Error {
        let digitCount: Int
    }

    mutating func formatBigInt(negative: Bool, digits decimal: String, verb: Unicode.Scalar) throws(BigIntTooLarge) {
        let base: Int
        switch verb {
        case "b": base = 2
        case "o", "O": base = 8
        case "d", "s", "v": base = 10
        case "x", "X": base = 16
        default:
            out.append(contentsOf: "%!".utf8)
            out.append(contentsOf: String(Character(verb)).utf8)
            out.append(contentsOf: "(big.Int=".utf8)
            if negative { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: decimal.utf8)
            out.append(UInt8(ascii: ")"))
            return
        }
        var digits = Array(decimal.utf8)
        if base != 10 {
            guard digits.count <= Self.maxBigIntDigitsForBaseConversion else {
                throw BigIntTooLarge(digitCount: digits.count)
            }
            digits = Self.convert(decimal: digits, toBase: base, upper: verb == "X")
        }
        let sharpFlag = sharp || sharpV
        let plusFlag = plus || plusV
        let sign = negative ? "-" : plusFlag ? "+" : space ? " " : ""
        var prefix = ""
        if sharpFlag {
            switch verb {
            case "b": prefix = "0b"
            case "o": prefix = "0"
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }

        var zeros = 0
        if precisionPresent {
            if digits.count < precision {
                zeros = precision - digits.count
            } else if digits == [UInt8(ascii: "0")] && precision == 0 {
                return
            }
        }
        var left = 0
        var right = 0
        let length = sign.utf8.count + prefix.utf8.count + zeros + digits.count
        if widthPresent && length < width {
            let fill = width - length
            if minus {
                right = fill
            } else if zero && !precisionPresent {
                zeros = fill
            } else {
                left = fill
            }
        }
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: left))
        out.append(contentsOf: sign.utf8)
        out.append(contentsOf: prefix.utf8)
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros))
        out.append(contentsOf: digits)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: right))
    }

    /// Decimal digits as digits of a power-of-two base, most significant first.
    static func convert(decimal: [UInt8], toBase base: Int, upper: Bool) -> [UInt8] {
        // Little-endian 32-bit limbs of the magnitude.
        var limbs: [UInt32] = [0]
        for digit in decimal {
            var carry = UInt64(digit &- UInt8(ascii: "0"))
            for index in limbs.indices {
                let product = UInt64(limbs[index]) * 10 + carry
                limbs[index] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        let bitsPerDigit = base == 2 ? 1 : base == 8 ? 3 : 4
        let table = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        let totalBits = limbs.count * 32
        var reversed: [UInt8] = []
        var bit = 0
        while bit < totalBits {
            var value = 0
            for offset in 0..<bitsPerDigit where bit + offset < totalBits {
                let position = bit + offset
                if limbs[position >> 5] >> UInt32(position & 31) & 1 == 1 { value |= 1 << offset }
            }
            reversed.append(table[value])
            bit += bitsPerDigit
        }
        while reversed.count > 1 && reversed.last == UInt8(ascii: "0") { reversed.removeLast() }
        return reversed.reversed()
    }
}
