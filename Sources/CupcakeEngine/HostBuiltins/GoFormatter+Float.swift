/// Float layout of Go's fmt: sign, space and zero padding, and the '#' alternate form.
extension GoFormatter {
    /// %e %E %f %g %G %b %x %X (and %v as %g) of a float64; `defaultPrecision` -1 means shortest.
    mutating func formatFloat(_ value: Double, verb: UInt8, defaultPrecision: Int) {
        let digitsPrecision = precisionPresent ? precision : defaultPrecision
        let text = GoFloatText.format(value, verb: verb, precision: digitsPrecision)
        // num[0] holds the sign: '+' placeholder unless the text starts with one.
        var number: [UInt8]
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            number = text
        } else {
            number = [UInt8(ascii: "+")] + text
        }
        if space && number[0] == UInt8(ascii: "+") && !plus { number[0] = UInt8(ascii: " ") }
        if number.count > 1 && (number[1] == UInt8(ascii: "I") || number[1] == UInt8(ascii: "N")) {
            // Infinities and NaN are never zero padded; NaN drops an unrequested sign.
            let savedZero = zero
            zero = false
            if number[1] == UInt8(ascii: "N") && !space && !plus { number.removeFirst() }
            pad(number)
            zero = savedZero
            return
        }
        if sharp && verb != UInt8(ascii: "b") {
            number = Self.alternateForm(number, verb: verb, precision: digitsPrecision)
        }
        if plus || number[0] != UInt8(ascii: "+") {
            if zero && !minus && widthPresent && width > number.count {
                // Sign first, then the zeros.
                out.append(number[0])
                writePadding(width - number.count)
                out.append(contentsOf: number[1...])
                return
            }
            pad(number)
            return
        }
        pad(number[1...])
    }

    /// The '#' flag: always a decimal point, and %g keeps trailing zeros up to its precision.
    private static func alternateForm(_ signed: [UInt8], verb: UInt8, precision: Int) -> [UInt8] {
        var number = signed
        var digits = 0
        if verb == UInt8(ascii: "v") || verb == UInt8(ascii: "g") || verb == UInt8(ascii: "G") || verb == UInt8(ascii: "x") {
            digits = precision == -1 ? 6 : precision
        }
        var tail: [UInt8] = []
        var hasDecimalPoint = false
        var sawNonzeroDigit = false
        var index = 1
        scan: while index < number.count {
            let byte = number[index]
            switch byte {
            case UInt8(ascii: "."):
                hasDecimalPoint = true
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                tail = Array(number[index...])
                number.removeSubrange(index...)
                break scan
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                // An exponent, except in hexadecimal where it is a digit.
                if verb != UInt8(ascii: "x") && verb != UInt8(ascii: "X") {
                    tail = Array(number[index...])
                    number.removeSubrange(index...)
                    break scan
                }
                sawNonzeroDigit = true
                digits -= 1
            default:
                if byte != UInt8(ascii: "0") { sawNonzeroDigit = true }
                // Significant digits are counted from the first non-zero one.
                if sawNonzeroDigit { digits -= 1 }
            }
            index += 1
        }
        if !hasDecimalPoint {
            if number.count == 2 && number[1] == UInt8(ascii: "0") { digits -= 1 }
            number.append(UInt8(ascii: "."))
        }
        if digits > 0 { number.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits)) }
        number.append(contentsOf: tail)
        return number
    }
}
