/// Operand checks with OPA's messages ("operand 1 must be string but got number").
enum BuiltinOperands {
    static func string(_ value: JSONValue, position: Int, builtin: String) throws(BuiltinError) -> String {
        guard case .string(let text) = value else {
            throw .invalidArgument(builtin: builtin, message: "operand \(position) must be string but got \(value.typeName)")
        }
        return text
    }
}
