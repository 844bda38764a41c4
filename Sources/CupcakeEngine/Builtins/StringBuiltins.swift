/// sprintf.
enum StringBuiltins {
    /// `sprintf(format, values)`: Go's fmt.Sprintf over the values converted as OPA does.
    static func sprintf(_ format: JSONValue, _ values: JSONValue) throws(BuiltinError) -> JSONValue {
        let formatText = try BuiltinOperands.string(format, position: 1, builtin: "sprintf")
        let elements = try BuiltinOperands.array(values, position: 2, builtin: "sprintf")
        return .string(GoSprintf.format(formatText, elements.map(GoFormatArgument.init)))
    }
}
