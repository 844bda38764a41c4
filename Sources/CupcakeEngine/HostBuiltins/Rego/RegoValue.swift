/// A Rego value as OPA's WebAssembly modules print it with `opa_value_dump`: JSON plus sets,
/// keys of any type, and numbers as their literal text. `sprintf` takes these, since it prints a
/// set as a set and a big number as written; other host builtins take the JSON form (`json`).
///
/// Objects and sets are kept sorted in OPA's value order without duplicates, as OPA keeps
/// them, so printing and comparing need no further sorting.
enum RegoValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written, such as "1", "2.50" or "1e400".
    case number(String)
    case string(String)
    case array([RegoValue])
    /// Members sorted by key in OPA's order, keys unique; build with `makeObject`.
    case object([Member])
    /// Elements sorted in OPA's order, unique; build with `makeSet`.
    case set([RegoValue])

    struct Member: Sendable, Equatable {
        var key: RegoValue
        var value: RegoValue
    }

    /// An object from members in any order; of a repeated key the last value counts, as when
    /// OPA inserts into an object.
    static func makeObject(_ members: some Sequence<Member>) -> RegoValue {
        let ordered = members.enumerated().sorted { left, right in
            let order = compare(left.element.key, right.element.key)
            return order != 0 ? order < 0 : left.offset < right.offset
        }
        var unique: [Member] = []
        unique.reserveCapacity(ordered.count)
        for (_, member) in ordered {
            if let last = unique.last, compare(last.key, member.key) == 0 {
                unique[unique.count - 1] = member
            } else {
                unique.append(member)
            }
        }
        return .object(unique)
    }

    /// A set from elements in any order; equal elements count once.
    static func makeSet(_ elements: some Sequence<RegoValue>) -> RegoValue {
        var unique: [RegoValue] = []
        for element in elements.sorted(by: { compare($0, $1) < 0 }) {
            if let last = unique.last, compare(last, element) == 0 { continue }
            unique.append(element)
        }
        return .set(unique)
    }

    /// OPA's name of the value's type, as operand errors print it.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .set: return "set"
        }
    }
}
