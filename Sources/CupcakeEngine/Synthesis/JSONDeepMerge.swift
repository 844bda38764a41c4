extension JSONValue {
    /// Merges `other` into this value where this value has nothing: objects merge key by key,
    /// recursively; on any other conflict (both have the key, not both objects) this value is
    /// kept. Used to combine modifications, highest priority first.
    package func merged(fillingFrom other: JSONValue) -> JSONValue {
        guard case .object(var members) = self, case .object(let extra) = other else { return self }
        for (key, value) in extra {
            if let existing = members[key] {
                members[key] = existing.merged(fillingFrom: value)
            } else {
                members[key] = value
            }
        }
        return .object(members)
    }
}
