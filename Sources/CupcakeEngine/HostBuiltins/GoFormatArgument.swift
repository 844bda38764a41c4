/// One argument as Go's fmt sees it after OPA converted a Rego value (see `GoFormatArgument.init`).
enum GoFormatArgument: Equatable {
    case int(Int64)
    /// A `*big.Int`: an integer literal beyond Int64, as its sign and decimal digits.
    case bigInt(negative: Bool, digits: String)
    case float(Double)
    case string(String)

    /// Go's type name, as printed in "%!d(string=hi)" and by %T.
    var typeName: String {
        switch self {
        case .int: return "int"
        case .bigInt: return "*big.Int"
        case .float: return "float64"
        case .string: return "string"
        }
    }

    /// OPA's conversion of a sprintf argument (topdown's builtinSprintf): a number is an int, a
    /// `*big.Int` or a float64 as its text says (see `init(regoNumber:)`), a string stays a
    /// string, and anything else becomes its Rego text (`{"a", "b"}`, `set()`, `[1, 2]`).
    init(_ value: RegoValue) {
        switch value {
        case .number(let text): self = GoFormatArgument(regoNumber: text)
        case .string(let text): self = .string(text)
        case .null, .bool, .array, .object, .set: self = .string(RegoValueText.text(of: value))
        }
    }

    /// A number by its literal text, as OPA decides: a text with a fraction or exponent is a
    /// float64 when a double holds it, else the text itself; an integer is an int when it fits
    /// Int64, else a `*big.Int`.
    init(regoNumber text: String) {
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
            if let number = Double(text), number.isFinite {
                self = .float(number)
            } else {
                self = .string(text)
            }
        } else if let number = Int64(text) {
            self = .int(number)
        } else {
            self = GoFormatArgument(numberLiteral: text)
        }
    }

    /// A number literal that neither Int64 nor a finite Double holds.
    init(numberLiteral text: String) {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        if !digits.isEmpty && digits.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            let trimmed = digits.drop { $0 == "0" }
            self = .bigInt(negative: negative && !trimmed.isEmpty, digits: trimmed.isEmpty ? "0" : String(trimmed))
        } else if let number = Double(text), number.isFinite {
            self = .float(number)
        } else {
            self = .string(text)
        }
    }
}
