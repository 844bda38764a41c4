/// Go's `fmt.Sprintf`, limited to the argument kinds OPA's sprintf passes (int, *big.Int,
/// float64, string): verbs, flags (+ - # 0 space), width and precision (also `*`), explicit argument
/// indexes (`%[2]d`), and Go's in-band error texts: `%!d(string=hi)` for a wrong type,
/// `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!d(BADINDEX)`.
enum GoSprintf {
    /// Widths and precisions beyond this are rejected, as in Go.
    private static let maxWidthOrPrecision = 1_000_000

    static func format(_ format: String, _ arguments: [GoFormatArgument]) throws(GoFormatter.BigIntTooLarge) -> String {
        var printer = Printer(format: Array(format.utf8), arguments: arguments)
        printer.run()
        if let failure = printer.failure { throw failure }
        return String(decoding: printer.formatter.out, as: UTF8.self)
    }

    private struct Printer {
        let format: [UInt8]
        let arguments: [GoFormatArgument]
        var formatter = GoFormatter()
        var argumentIndex = 0
        /// Whether an explicit index was used anywhere (then extra arguments are not reported).
        var reordered = false
        /// Whether the latest explicit index was valid.
        var goodArgumentIndex = true
        /// A big integer too long to convert to another base.
        var failure: GoFormatter.BigIntTooLarge?

        init(format: [UInt8], arguments: [GoFormatArgument]) {
            self.format = format
            self.arguments = arguments
            formatter.out.reserveCapacity(format.count + 16 * arguments.count)
        }

        mutating func run() {
            let end = format.count
            var index = 0
            var afterIndex = false
            formatLoop: while index < end {
                goodArgumentIndex = true
                let literalStart = index
                while index < end && format[index] != UInt8(ascii: "%") { index += 1 }
                if index > literalStart { formatter.out.append(contentsOf: format[literalStart..<index]) }
                if index >= end { break }
                index += 1  // the '%'

                formatter.clearFlags()
                flags: while index < end {
                    let byte = format[index]
                    switch byte {
                    case UInt8(ascii: "#"): formatter.sharp = true
                    case UInt8(ascii: "0"): formatter.zero = true
                    case UInt8(ascii: "+"): formatter.plus = true
                    case UInt8(ascii: "-"): formatter.minus = true
                    case UInt8(ascii: " "): formatter.space = true
                    default:
                        // Common case: a lowercase ASCII verb right after the flags.
                        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && argumentIndex < arguments.count {
                            if byte == UInt8(ascii: "v") || byte == UInt8(ascii: "w") { moveFlagsForV() }
                            printArgument(arguments[argumentIndex], verb: Unicode.Scalar(byte))
                            argumentIndex += 1
                            index += 1
                            continue formatLoop
                        }
                        break flags
                    }
                    index += 1
                }

                (argumentIndex, index, afterIndex) = parseArgumentIndex(at: index)

                // Width.
                if index < end && format[index] == UInt8(ascii: "*") {
                    index += 1
                    let (value, isInt) = integerArgument()
                    formatter.width = value
                    formatter.widthPresent = isInt
                    if !isInt { formatter.out.append(contentsOf: "%!(BADWIDTH)".utf8) }
                    if formatter.width < 0 {
                        formatter.width = -formatter.width
                        formatter.minus = true
                        formatter.zero = false
                    }
                    afterIndex = false
                } else {
                    (formatter.width, formatter.widthPresent, index) = parseNumber(from: index)
                    if afterIndex && formatter.widthPresent { goodArgumentIndex = false }  // "%[3]2d"
                }

                // Precision.
                if index + 1 < end && format[index] == UInt8(ascii: ".") {
                    index += 1
                    if afterIndex { goodArgumentIndex = false }  // "%[3].2d"
                    (argumentIndex, index, afterIndex) = parseArgumentIndex(at: index)
                    if index < end && format[index] == UInt8(ascii: "*") {
                        index += 1
                        let (value, isInt) = integerArgument()
                        formatter.precision = value
                        formatter.precisionPresent = isInt
                        if formatter.precision < 0 {
                            formatter.precision = 0
                            formatter.precisionPresent = false
                        }
                        if !formatter.precisionPresent { formatter.out.append(contentsOf: "%!(BADPREC)".utf8) }
                        afterIndex = false
                    } else {
                        (formatter.precision, formatter.precisionPresent, index) = parseNumber(from: index)
                        if !formatter.precisionPresent {
                            // A lone '.' means precision 0.
                            formatter.precision = 0
                            formatter.precisionPresent = true
                        }
                    }
                }

                if !afterIndex {
                    (argumentIndex, index, afterIndex) = parseArgumentIndex(at: index)
                }

                if index >= end {
                    formatter.out.append(contentsOf: "%!(NOVERB)".utf8)
                    break
                }

                let (verb, length) = decodeScalar(at: index)
                index += length

                if verb == "%" {
                    // Takes no argument and ignores width and precision.
                    formatter.out.append(UInt8(ascii: "%"))
                } else if !goodArgumentIndex {
                    appendError(verb: verb, detail: "BADINDEX")
                } else if argumentIndex >= arguments.count {
                    appendError(verb: verb, detail: "MISSING")
                } else {
                    if verb == "v" || verb == "w" { moveFlagsForV() }
                    printArgument(arguments[argumentIndex], verb: verb)
                    argumentIndex += 1
                }
            }

            if !reordered && argumentIndex < arguments.count {
                formatter.clearFlags()
                formatter.out.append(contentsOf: "%!(EXTRA ".utf8)
                for (position, argument) in arguments[argumentIndex...].enumerated() {
                    if position > 0 { formatter.out.append(contentsOf: ", ".utf8) }
                    formatter.out.append(contentsOf: argument.typeName.utf8)
                    formatter.out.append(UInt8(ascii: "="))
                    printArgument(argument, verb: "v")
                }
                formatter.out.append(UInt8(ascii: ")"))
            }
        }

        /// %+v and %#v are their own formats: '+' and '#' stop acting as plain flags.
        private mutating func moveFlagsForV() {
            formatter.sharpV = formatter.sharp
            formatter.sharp = false
            formatter.plusV = formatter.plus
            formatter.plus = false
        }

        private mutating func appendError(verb: Unicode.Scalar, detail: String) {
            formatter.out.append(contentsOf: "%!".utf8)
            formatter.out.append(contentsOf: String(Character(verb)).utf8)
            formatter.out.append(UInt8(ascii: "("))
            formatter.out.append(contentsOf: detail.utf8)
            formatter.out.append(UInt8(ascii: ")"))
        }

        private func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = format[index]
            let length: Int
            switch lead {
            case 0..<0x80: return (Unicode.Scalar(lead), 1)
            case 0xC0..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            default: length = 4
            }
            let slice = format[index..<min(index + length, format.count)]
            let scalar = String(decoding: slice, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            return (scalar, slice.count)
        }

        /// Go's parsenum: digits as a number; an absurdly long number consumes the rest of the format.
        private func parseNumber(from start: Int) -> (Int, Bool, Int) {
            var number = 0
            var isNumber = false
            var index = start
            while index < format.count && format[index] >= UInt8(ascii: "0") && format[index] <= UInt8(ascii: "9") {
                if number > GoSprintf.maxWidthOrPrecision { return (0, false, format.count) }
                number = number * 10 + Int(format[index] - UInt8(ascii: "0"))
                isNumber = true
                index += 1
            }
            return (number, isNumber, index)
        }

        /// `[n]` before a verb, width or precision selects argument n (1-based).
        private mutating func parseArgumentIndex(at index: Int) -> (Int, Int, Bool) {
            guard index < format.count && format[index] == UInt8(ascii: "[") else {
                return (argumentIndex, index, false)
            }
            reordered = true
            var parsed: (value: Int, consumed: Int, ok: Bool) = (0, 1, false)
            if format.count - index >= 3 {
                var close = index + 1
                while close < format.count && format[close] != UInt8(ascii: "]") { close += 1 }
                if close < format.count {
                    let (number, isNumber, after) = parseNumber(from: index + 1)
                    if isNumber && after == close {
                        parsed = (number - 1, close - index + 1, true)
                    } else {
                        parsed = (0, close - index + 1, false)
                    }
                }
            }
            if parsed.ok && parsed.value >= 0 && parsed.value < arguments.count {
                return (parsed.value, index + parsed.consumed, true)
            }
            goodArgumentIndex = false
            return (argumentIndex, index + parsed.consumed, parsed.ok)
        }

        /// The argument for a '*' width or precision: must be an int of sane magnitude.
        private mutating func integerArgument() -> (Int, Bool) {
            guard argumentIndex < arguments.count else { return (0, false) }
            defer { argumentIndex += 1 }
            guard case .int(let value) = arguments[argumentIndex],
                  value >= -Int64(GoSprintf.maxWidthOrPrecision), value <= Int64(GoSprintf.maxWidthOrPrecision) else {
                return (0, false)
            }
            return (Int(value), true)
        }

        // MARK: Arguments

        private mutating func printArgument(_ argument: GoFormatArgument, verb: Unicode.Scalar) {
            if verb == "T" {
                formatter.formatString(argument.typeName)
                return
            }
            let ascii = verb.isASCII ? UInt8(verb.value) : 0
            switch argument {
            case .int(let value):
                let bits = UInt64(bitPattern: value)
                switch verb {
                case "v", "d": formatter.formatInteger(bits, base: 10, isSigned: true, verb: ascii, upper: false)
                case "b": formatter.formatInteger(bits, base: 2, isSigned: true, verb: ascii, upper: false)
                case "o", "O": formatter.formatInteger(bits, base: 8, isSigned: true, verb: ascii, upper: false)
                case "x": formatter.formatInteger(bits, base: 16, isSigned: true, verb: ascii, upper: false)
                case "X": formatter.formatInteger(bits, base: 16, isSigned: true, verb: ascii, upper: true)
                case "c": formatter.formatCharacter(bits)
                case "q": formatter.formatQuotedCharacter(bits)
                case "U": formatter.formatUnicode(bits)
                default: badVerb(verb, argument)
                }
            case .bigInt(let negative, let digits):
                do {
                    try formatter.formatBigInt(negative: negative, digits: digits, verb: verb)
                } catch {
                    failure = failure ?? error
                }
            case .float(let value):
                switch verb {
                case "v": formatter.formatFloat(value, verb: UInt8(ascii: "g"), defaultPrecision: -1)
                case "b", "g", "G", "x", "X": formatter.formatFloat(value, verb: ascii, defaultPrecision: -1)
                case "f", "e", "E": formatter.formatFloat(value, verb: ascii, defaultPrecision: 6)
                case "F": formatter.formatFloat(value, verb: UInt8(ascii: "f"), defaultPrecision: 6)
                default: badVerb(verb, argument)
                }
            case .string(let text):
                switch verb {
                case "v":
                    if formatter.sharpV { formatter.formatQuotedString(text) } else { formatter.formatString(text) }
                case "s": formatter.formatString(text)
                case "x": formatter.formatStringHex(text, upper: false)
                case "X": formatter.formatStringHex(text, upper: true)
                case "q": formatter.formatQuotedString(text)
                default: badVerb(verb, argument)
                }
            }
        }

        /// "%!verb(type=value)", the value printed with %v and the current flags.
        private mutating func badVerb(_ verb: Unicode.Scalar, _ argument: GoFormatArgument) {
            formatter.out.append(contentsOf: "%!".utf8)
            formatter.out.append(contentsOf: String(Character(verb)).utf8)
            formatter.out.append(UInt8(ascii: "("))
            formatter.out.append(contentsOf: argument.typeName.utf8)
            formatter.out.append(UInt8(ascii: "="))
            printArgument(argument, verb: "v")
            formatter.out.append(UInt8(ascii: ")"))
        }
    }
}
