/// sprintf.
enum StringBuiltins {
    /// `sprintf(format, values)`: Go's fmt.Sprintf over the values converted as OPA does.
    static func sprintf(_ format: JSONValue, _ values: JSONValue) throws(BuiltinError) -> JSONValue {
        let formatText = try BuiltinOperands.string(format, position: 1, builtin: "sprintf")
        let elements = try BuiltinOperands.array(values, position: 2, builtin: "sprintf")
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
