/// One argument as Go's fmt sees it after OPA converted a Rego value (see `GoFormatArgument.init`).
enum GoFormatArgument: Equatable {
    case int(Int64)
    case float(Double)
    case string(String)

    /// Go's type name, as printed in "%!d(string=hi)".
    var typeName: String {
        switch self {
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        }
    }

    /// OPA's conversion of a sprintf argument: a number written with a fraction or exponent
    /// is a float64 (so is an integer too large for Int64, which JSONValue holds as a double),
    /// other numbers an int; a string stays a string; anything else becomes its Rego text.
    init(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .int(number)
        case .double(let number): self = .float(number)
        case .string(let text): self = .string(text)
        case .null, .bool, .array, .object: self = .string(RegoValueText.text(of: value))
        }
    }
}
