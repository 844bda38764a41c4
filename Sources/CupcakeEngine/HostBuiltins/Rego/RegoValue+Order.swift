/// OPA's total order of values (`ast.Compare`): null < booleans < numbers < strings < arrays <
/// objects < sets; numbers by value, strings by their UTF-8 bytes, arrays element by element
/// then by length, objects by their sorted (key, value) pairs then by size, sets by their sorted
/// elements then by size.
extension RegoValue {
    /// Negative, zero or positive as `left` sorts before, with, or after `right`.
    static func compare(_ left: RegoValue, _ right: RegoValue) -> Int {
        let rankOrder = left.rank - right.rank
        if rankOrder != 0 { return rankOrder < 0 ? -1 : 1 }
        switch (left, right) {
        case (.bool(let a), .bool(let b)):
            return a == b ? 0 : (a ? 1 : -1)
        case (.number(let a), .number(let b)):
            return DecimalText.compare(a, b)
        case (.string(let a), .string(let b)):
            return compareBytes(a, b)
        case (.array(let a), .array(let b)), (.set(let a), .set(let b)):
            return compareElements(a, b)
        case (.object(let a), .object(let b)):
            for (x, y) in zip(a, b) {
                let keys = compare(x.key, y.key)
                if keys != 0 { return keys }
                let values = compare(x.value, y.value)
                if values != 0 { return values }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        default:
            return 0  // both null
        }
    }

    private var rank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .array: return 4
        case .object: return 5
        case .set: return 6
        }
    }

    private static func compareElements(_ a: [RegoValue], _ b: [RegoValue]) -> Int {
        for (x, y) in zip(a, b) {
            let order = compare(x, y)
            if order != 0 { return order }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Go compares strings by their bytes; Swift's `==` and `<` would treat canonically
    /// equivalent spellings (é, e + U+0301) as one.
    private static func compareBytes(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
