/// A module's facts as the cache's bundle index stores them:
/// `{"abi": [1, 3], "entrypoints": {"name": id}, "builtins": {"id": "name"}}`.
extension OPAModuleFacts {
    var json: JSONValue {
        var entrypoints: [String: JSONValue] = [:]
        for (name, id) in self.entrypoints { entrypoints[name] = .int(Int64(id)) }
        var builtins: [String: JSONValue] = [:]
        for (id, name) in builtinNames { builtins[String(id)] = .string(name) }
        return ["abi": [.int(Int64(abi.major)), .int(Int64(abi.minor))], "entrypoints": .object(entrypoints),
                "builtins": .object(builtins)]
    }

    /// The facts in `value`, or nil when anything is missing or out of range.
    init?(json value: JSONValue) {
        guard let abi = value["abi"]?.arrayValue, abi.count == 2, let major = abi[0].intValue.flatMap({ Int32(exactly: $0) }),
              let minor = abi[1].intValue.flatMap({ Int32(exactly: $0) }), let entrypoints = value["entrypoints"]?.objectValue,
              let builtins = value["builtins"]?.objectValue else { return nil }
        var names: [String: Int32] = [:]
        for (name, id) in entrypoints {
            guard let id = id.intValue.flatMap({ Int32(exactly: $0) }) else { return nil }
            names[name] = id
        }
        var builtinNames: [Int32: String] = [:]
        for (id, name) in builtins {
            guard let number = Int32(id), let text = name.stringValue else { return nil }
            builtinNames[number] = text
        }
        self.init(abi: OPAABIVersion(major: major, minor: minor), entrypoints: names, builtinNames: builtinNames)
    }
}
