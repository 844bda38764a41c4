import Foundation

/// Test support shared by the test targets: parsing trace lines and checking them against
/// Docs/trace-line.schema.json.
///
/// A validator for the JSON Schema keywords Docs/trace-line.schema.json uses: type, required,
/// properties, additionalProperties, items, pattern, enum, minimum, minLength. Enough to check
/// real trace output against the published schema without a package.
public struct SchemaValidator {
    public let schema: [String: Any]

    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaError("schema is not an object")
        }
        schema = object
    }

    public struct SchemaError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Every way `value` breaks the schema, as readable messages (empty when valid).
    public func violations(of value: Any) -> [String] {
        var found: [String] = []
        check(value, against: schema, path: "$", into: &found)
        return found
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, into found: inout [String]) {
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                found.append("\(path): \(Self.typeName(of: value)) is not one of \(allowed)")
                return
            }
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) is not in enum")
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String,
                string.range(of: pattern, options: .regularExpression) == nil
            {
                found.append("\(path): \"\(string.prefix(80))\" does not match \(pattern)")
            }
            if let minLength = schema["minLength"] as? Int, string.count < minLength {
                found.append("\(path): shorter than \(minLength)")
            }
        }
        if let number = value as? NSNumber, Self.typeName(of: value) != "boolean",
            let minimum = schema["minimum"] as? Double, number.doubleValue < minimum
        {
            found.append("\(path): \(number) is below \(minimum)")
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(index)]", into: &found) }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing required key \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, path: "\(path).\(key)", into: &found)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(member, against: additional, path: "\(path).\(key)", into: &found)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected key \(key)")
                }
            }
        }
    }

    static func typeName(of value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        case let number as NSNumber:
            // JSONSerialization makes booleans NSNumbers of C type char, integers of long long,
            // and other numbers doubles.
            switch String(cString: number.objCType) {
            case "c", "B": return "boolean"
            case "d", "f": return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
            default: return "integer"
            }
        default: return "unknown"
        }
    }

    static func matches(_ value: Any, type: String) -> Bool {
        let actual = typeName(of: value)
        return actual == type || (type == "number" && actual == "integer")
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return a is NSNull && b is NSNull
    }
}
