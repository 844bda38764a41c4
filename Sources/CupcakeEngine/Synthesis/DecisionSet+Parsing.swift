extension DecisionSet {
    /// Reads a decision set from a policy result.
    ///
    /// Lenient where policies legitimately leave things out: a missing or `null` list is empty,
    /// unknown keys are ignored, a decision without `severity` gets `Severity.defaultValue`,
    /// one without `rule_id` gets "UNKNOWN", one without `reason` gets "no reason given".
    /// Strict about wrong types, so a broken policy is reported rather than silently ignored:
    /// the error names the offending key, e.g. `denials[0].reason`.
    package init(json: JSONValue) throws(DecisionSetError) {
        guard case .object(let members) = json else {
            throw .notAnObject(found: json.typeName)
        }
        self.init(
            halts: try Self.decisions(members, "halts"),
            denials: try Self.decisions(members, "denials"),
            blocks: try Self.decisions(members, "blocks"),
            asks: try Self.decisions(members, "asks"),
            modifications: try Self.decisions(members, "modifications"),
            allowOverrides: try Self.decisions(members, "allow_overrides"),
            addContext: try Self.strings(members, "add_context")
        )
    }

    private static func list(_ members: [String: JSONValue], _ key: String) throws(DecisionSetError) -> [JSONValue] {
        switch members[key] {
        case nil, .null?:
            return []
        case .array(let elements)?:
            return elements
        case let other?:
            throw .wrongType(path: key, expected: "an array", found: other.typeName)
        }
    }

    private static func strings(_ members: [String: JSONValue], _ key: String) throws(DecisionSetError) -> [String] {
        var result: [String] = []
        for (index, element) in try list(members, key).enumerated() {
            guard case .string(let text) = element else {
                throw .wrongType(path: "\(key)[\(index)]", expected: "a string", found: element.typeName)
            }
            result.append(text)
        }
        return result
    }

    private static func decisions(_ members: [String: JSONValue], _ key: String) throws(DecisionSetError) -> [Decision] {
        var result: [Decision] = []
        for (index, element) in try list(members, key).enumerated() {
            result.append(try decision(element, path: "\(key)[\(index)]"))
        }
        return result
    }

    private static func decision(_ value: JSONValue, path: String) throws(DecisionSetError) -> Decision {
        guard case .object(let fields) = value else {
            throw .wrongType(path: path, expected: "an object", found: value.typeName)
        }
        let ruleID = try optionalString(fields, "rule_id", path) ?? "UNKNOWN"
        let reason = try optionalString(fields, "reason", path) ?? "no reason given"
        let severity = try optionalString(fields, "severity", path).map(Severity.init(parsing:))
        let question = try optionalString(fields, "question", path)
        let agentContext = try optionalString(fields, "agent_context", path)
        var priority: Int?
        switch fields["priority"] {
        case nil, .null?:
            priority = nil
        case let number? where number.doubleValue != nil:
            guard let integer = number.intValue, let fitted = Int(exactly: integer) else {
                throw .notAnInteger(path: "\(path).priority")
            }
            priority = fitted
        case let other?:
            throw .wrongType(path: "\(path).priority", expected: "a number", found: other.typeName)
        }
        // `null` means "no updated input", as a missing key does.
        var updatedInput: JSONValue?
        if let value = fields["updated_input"], !value.isNull { updatedInput = value }
        return Decision(
            ruleID: ruleID, reason: reason, severity: severity ?? Severity.defaultValue,
            priority: priority, updatedInput: updatedInput, question: question, agentContext: agentContext)
    }

    private static func optionalString(
        _ fields: [String: JSONValue], _ key: String, _ path: String
    ) throws(DecisionSetError) -> String? {
        switch fields[key] {
        case nil, .null?:
            return nil
        case .string(let text)?:
            return text
        case let other?:
            throw .wrongType(path: "\(path).\(key)", expected: "a string", found: other.typeName)
        }
    }
}
