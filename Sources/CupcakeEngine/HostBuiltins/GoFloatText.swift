/// Go's `strconv.AppendFloat` for float64: verbs 'e' 'E' 'f' 'g' 'G' 'b' 'x' 'X', precision -1
/// meaning "shortest text that reads back as the same value".
///
/// Fixed precisions round the exact decimal expansion of the binary value, half to even, as
/// Go does; shortest digits come from Swift's `description` (also shortest and closest).
/// Both are laid out with Go's rules, independent of the C library and its locale.
enum GoFloatText {
    static func format(_ value: Double, verb: UInt8, precision: Int) -> [UInt8] {
        if value.isNaN { return Array("NaN".utf8) }
        if value.isInfinite { return Array((value < 0 ? "-Inf" : "+Inf").utf8) }
        switch verb {
        case UInt8(ascii: "b"):
            return binaryExponent(value)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            return hexadecimal(value, upper: verb == UInt8(ascii: "X"), precision: precision)
        default:
            if precision < 0 { return shortest(value, verb: verb) }
            return fixedPrecision(value, verb: verb, precision: precision)
        }
    }

    // MARK: Decimal

    /// Digits d1 d2 ... and decimal point position: value = 0.d1d2... * 10^point
    /// (Go's `decimalSlice`); zero has no digits.
    private struct Decimal {
        var digits: [UInt8]
        var point: Int
    }

    private static func shortestDecimal(_ magnitude: Double) -> Decimal {
        if magnitude == 0 { return Decimal(digits: [], point: 0) }
        let text = Array(magnitude.description.utf8)
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var exponent = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(byte)
                if !seenPoint { point += 1 }
            }
            index += 1
        }
        point += exponent
        var leadingZeros = 0
        while leadingZeros < digits.count && digits[leadingZeros] == UInt8(ascii: "0") { leadingZeros += 1 }
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return Decimal(digits: digits, point: point)
    }

    private static func shortest(_ value: Double, verb: UInt8) -> [UInt8] {
        let negative = value.sign == .minus
        let decimal = shortestDecimal(value.magnitude)
        let count = decimal.digits.count
        switch verb {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            return exponential(decimal, negative: negative, precision: max(count - 1, 0), letter: verb)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return positional(decimal, negative: negative, precision: max(count - decimal.point, 0))
        default:
            // %g: exponent form when the exponent is < -4 or >= 6 (the shortest-digits rule).
            let exponent = decimal.point - 1
            if exponent < -4 || exponent >= 6 {
                let letter = verb == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
                return exponential(decimal, negative: negative, precision: count - 1, letter: letter)
            }
            return positional(decimal, negative: negative, precision: max(count - decimal.point, 0))
        }
    }

    /// d.ddddde±dd
    private static func exponential(_ decimal: Decimal, negative: Bool, precision: Int, letter: UInt8) -> [UInt8] {
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out.append(decimal.digits.first ?? UInt8(ascii: "0"))
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            for index in 1...precision {
                out.append(index < decimal.digits.count ? decimal.digits[index] : UInt8(ascii: "0"))
            }
        }
        out.append(letter)
        var exponent = decimal.digits.isEmpty ? 0 : decimal.point - 1
        out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        exponent = abs(exponent)
        if exponent < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(exponent).utf8)
        return out
    }

    /// ddd.ddd
    private static func positional(_ decimal: Decimal, negative: Bool, precision: Int) -> [UInt8] {
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if decimal.point > 0 {
            let integerDigits = min(decimal.digits.count, decimal.point)
            out.append(contentsOf: decimal.digits[0..<integerDigits])
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimal.point - integerDigits))
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            for index in 1...precision {
                let position = decimal.point + index - 1
                out.append(position >= 0 && position < decimal.digits.count ? decimal.digits[position] : UInt8(ascii: "0"))
            }
        }
        return out
    }

    /// %.Ne %.Nf %.Ng with an explicit precision.
    private static func fixedPrecision(_ value: Double, verb: UInt8, precision: Int) -> [UInt8] {
        let negative = value.sign == .minus
        let exact = exactDecimal(value.magnitude)
        switch verb {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            return exponential(rounded(exact, keeping: precision + 1), negative: negative, precision: precision, letter: verb)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return positional(rounded(exact, keeping: exact.point + precision), negative: negative, precision: precision)
        default:
            // %g: `precision` significant digits, trailing zeros dropped; exponent form when the
            // exponent is < -4 or >= the precision.
            let significant = max(precision, 1)
            let decimal = rounded(exact, keeping: significant)
            let count = decimal.digits.count
            let exponent = decimal.point - 1
            if exponent < -4 || exponent >= significant {
                let letter = verb == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
                return exponential(decimal, negative: negative, precision: max(count - 1, 0), letter: letter)
            }
            return positional(decimal, negative: negative, precision: max(count - decimal.point, 0))
        }
    }

    /// The exact decimal value of a finite, non-negative double: mantissa * 2^shift expanded
    /// in base-10^9 limbs (multiplying by 5^k and shifting the point for negative shifts).
    private static func exactDecimal(_ magnitude: Double) -> Decimal {
        if magnitude == 0 { return Decimal(digits: [], point: 0) }
        var (_, mantissa, exponent) = parts(magnitude)
        var shift = exponent - 52
        while mantissa & 1 == 0 {
            mantissa >>= 1
            shift += 1
        }
        let limbBase: UInt64 = 1_000_000_000
        var limbs: [UInt64] = []  // little-endian
        while mantissa > 0 {
            limbs.append(mantissa % limbBase)
            mantissa /= limbBase
        }
        var remaining = abs(shift)
        while remaining > 0 {
            // limb < 2^30, factor <= 2^31: products and carries stay below 2^64.
            let step = min(remaining, shift > 0 ? 29 : 13)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= shift > 0 ? 2 : 5 }
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = limbs[index] * factor + carry
                limbs[index] = product % limbBase
                carry = product / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
            remaining -= step
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(limbs.count * 9)
        for (position, limb) in limbs.reversed().enumerated() {
            var text = Array(String(limb).utf8)
            if position > 0 && text.count < 9 {
                text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 9 - text.count), at: 0)
            }
            digits.append(contentsOf: text)
        }
        // m / 2^k = m * 5^k / 10^k: the point moves k places left.
        let point = digits.count + min(shift, 0)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return Decimal(digits: digits, point: point)
    }

    /// Keeps the first `count` digits, rounding the exact value half to even.
    private static func rounded(_ decimal: Decimal, keeping count: Int) -> Decimal {
        var digits = decimal.digits
        var point = decimal.point
        if count >= digits.count { return decimal }
        if count < 0 { return Decimal(digits: [], point: 0) }
        let next = digits[count]
        var roundUp = next > UInt8(ascii: "5")
        if next == UInt8(ascii: "5") {
            // Digits are trimmed, so anything after the 5 makes it more than half.
            let exactlyHalf = count + 1 == digits.count
            roundUp = !exactlyHalf || (count > 0 && (digits[count - 1] - UInt8(ascii: "0")) % 2 == 1)
        }
        digits.removeSubrange(count...)
        if roundUp {
            var index = count - 1
            while index >= 0 && digits[index] == UInt8(ascii: "9") { index -= 1 }
            if index < 0 {
                digits = [UInt8(ascii: "1")]
                point += 1
            } else {
                digits[index] += 1
                digits.removeSubrange((index + 1)...)
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { point = 0 }
        return Decimal(digits: digits, point: point)
    }

    // MARK: Binary and hexadecimal

    /// Mantissa and binary exponent as Go's strconv sees them (implicit bit added for normal numbers).
    private static func parts(_ value: Double) -> (negative: Bool, mantissa: UInt64, exponent: Int) {
        let bits = value.bitPattern
        var exponent = Int((bits >> 52) & 0x7FF)
        var mantissa = bits & ((1 << 52) - 1)
        if exponent == 0 {
            exponent += 1
        } else {
            mantissa |= 1 << 52
        }
        return (bits >> 63 != 0, mantissa, exponent - 1023)
    }

    /// -123456p-78
    private static func binaryExponent(_ value: Double) -> [UInt8] {
        let (negative, mantissa, exponent) = parts(value)
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out.append(contentsOf: String(mantissa).utf8)
        out.append(UInt8(ascii: "p"))
        let binaryExponent = exponent - 52
        if binaryExponent >= 0 { out.append(UInt8(ascii: "+")) }
        out.append(contentsOf: String(binaryExponent).utf8)
        return out
    }

    /// -0x1.23abcp+20
    private static func hexadecimal(_ value: Double, upper: Bool, precision: Int) -> [UInt8] {
        var (negative, mantissa, exponent) = parts(value)
        if mantissa == 0 { exponent = 0 }
        // Put the leading 1 (if any) at bit 60.
        mantissa <<= 60 - 52
        while mantissa != 0 && mantissa & (1 << 60) == 0 {
            mantissa <<= 1
            exponent -= 1
        }
        if precision >= 0 && precision < 15 {
            // Round to `precision` hex digits, ties to even.
            let shift = UInt64(precision * 4)
            let extra = (mantissa << shift) & ((1 << 60) - 1)
            mantissa >>= 60 - shift
            if extra | (mantissa & 1) > 1 << 59 { mantissa += 1 }
            mantissa <<= 60 - shift
            if mantissa & (1 << 61) != 0 {
                mantissa >>= 1
                exponent += 1
            }
        }
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out.append(UInt8(ascii: "0"))
        out.append(upper ? UInt8(ascii: "X") : UInt8(ascii: "x"))
        out.append(UInt8(ascii: "0") + UInt8((mantissa >> 60) & 1))
        mantissa <<= 4
        if precision < 0 && mantissa != 0 {
            out.append(UInt8(ascii: "."))
            while mantissa != 0 {
                out.append(digits[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        } else if precision > 0 {
            out.append(UInt8(ascii: "."))
            for _ in 0..<precision {
                out.append(digits[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        }
        out.append(upper ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = abs(exponent)
        if magnitude < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(magnitude).utf8)
        return out
    }
}
