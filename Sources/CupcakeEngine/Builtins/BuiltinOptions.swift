/// Reads one builtin's options from rulebook.yml, with its key path in every error, so a typo
/// or a wrong type is a load error naming the key (exit 78) rather than a silently ignored switch.
struct BuiltinOptions {
    let name: String
    let members: [String: JSONValue]
    private let fail: (String, String) -> ConfigError
    private var known: Set<String> = ["enabled"]

    init(name: String, value: JSONValue, fail: @escaping (String, String) -> ConfigError) throws(ConfigError) {
        self.name = name
        self.fail = fail
        switch value {
        case .null: members = [:]
        case .object(let object): members = object
        default: throw fail(name, "expected a mapping of options, got \(value.typeName)")
        }
    }

    func error(_ key: String, _ message: String) -> ConfigError { fail("\(name).\(key)", message) }

    /// `enabled`: true unless the section says false, as upstream documents ("enabled when configured").
    mutating func enabled() throws(ConfigError) -> Bool {
        try bool("enabled", default: true)
    }

    mutating func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
        known.insert(key)
        guard let member = members[key], !member.isNull else { return value }
        guard let flag = member.boolValue else { throw error(key, "expected true or false, got \(member.typeName)") }
        return flag
    }

    mutating func string(_ key: String, default value: String) throws(ConfigError) -> String {
        known.insert(key)
        guard let member = members[key], !member.isNull else { return value }
        guard let text = member.stringValue else { throw error(key, "expected a string, got \(member.typeName)") }
        return text
    }

    mutating func strings(_ key: String, default value: [String] = []) throws(ConfigError) -> [String] {
        known.insert(key)
        guard let member = members[key], !member.isNull else { return value }
        guard let items = member.arrayValue else { throw error(key, "expected a list of strings, got \(member.typeName)") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw error("\(key)[\(index)]", "expected a string, got \(item.typeName)")
            }
            result.append(text)
        }
        return result
    }

    mutating func integer(_ key: String, default value: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        known.insert(key)
        guard let member = members[key], !member.isNull else { return value }
        guard let number = member.intValue, let integer = Int(exactly: number), range.contains(integer) else {
            throw error(key, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(member)")
        }
        return integer
    }

    mutating func raw(_ key: String) -> JSONValue? {
        known.insert(key)
        guard let member = members[key], !member.isNull else { return nil }
        return member
    }

    /// Throws for the first option this builtin does not have.
    func rejectUnknown() throws(ConfigError) {
        if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
            let options = known.sorted().joined(separator: ", ")
            throw error(unknown, "unknown option (\(name) takes \(options))")
        }
    }
}
