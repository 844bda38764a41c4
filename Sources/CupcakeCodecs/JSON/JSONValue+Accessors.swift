extension JSONValue {
    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    @inlinable
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// The string, if this is a string.
    @inlinable
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The flag, if this is a boolean.
    @inlinable
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The integer, if this is an int or a double with an integral value in `Int64` range.
    @inlinable
    public var intValue: Int64? {
        switch self {
        case .int(let number):
            return number
        case .double(let number):
            // Range-check, truncate, compare: avoids libm rounding calls. 2^63 is out of range.
            guard number >= -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 else { return nil }
            let truncated = Int64(number)
            return Double(truncated) == number ? truncated : nil
        default:
            return nil
        }
    }

    /// The number as a Double, if this is a number (a literal beyond a Double's range gives
    /// an infinity).
    @inlinable
    public var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .number(let text): return Double(text)
        default: return nil
        }
    }

    /// The elements, if this is an array.
    @inlinable
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, if this is an object.
    @inlinable
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether this is `null`.
    @inlinable
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The type name OPA uses in messages: "null", "boolean", "number", "string", "array", "object".
    @inlinable
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
