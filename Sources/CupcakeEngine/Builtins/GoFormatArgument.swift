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

    /// OPA's conversion of a sprintf argument: a number that parses as an int64 is an int; an
    /// integer beyond that a `*big.Int`; any other number a float64 when it is within a
    /// double's range, else its literal text as a string; a string stays a string; anything
    /// else becomes its Rego text.
    init(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .int(number)
        case .double(let number): self = .float(number)
        case .number(let text): self = GoFormatArgument(numberLiteral: text)
        case .string(let text): self = .string(text)
        case .null, .bool, .array, .object: self = .string(RegoValueText.text(of: value))
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
