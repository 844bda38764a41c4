/// sprintf.
enum StringBuiltins {
    /// `sprintf(format, values)`: Go's fmt.Sprintf over the values converted as OPA does. It takes
    /// Rego values, since it prints sets as sets and numbers as written.
    static func sprintf(_ format: RegoValue, _ values: RegoValue) throws(BuiltinError) -> JSONValue {
        guard case .string(let formatText) = format else {
            throw .invalidArgument(builtin: "sprintf", message: "operand 1 must be string but got \(format.typeName)")
        }
        guard case .array(let elements) = values else {
            throw .invalidArgument(builtin: "sprintf", message: "operand 2 must be array but got \(values.typeName)")
        }
        do {
            return .string(try GoSprintf.format(formatText, elements.map(GoFormatArgument.init)))
        } catch {
            throw .invalidArgument(
                builtin: "sprintf",
                message: "an integer of \(error.digitCount) digits is too long to print in another base"
                    + " (at most \(GoFormatter.maxBigIntDigitsForBaseConversion))")
        }
    }
}
