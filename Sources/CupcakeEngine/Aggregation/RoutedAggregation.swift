/// The standard aggregator's work done in the host over the documents of the routed policy
/// packages only.
///
/// The module's aggregator walks `data.cupcake.policies` and, for each verb, flattens every
/// value whose path ends in the verb's name. Here the routed packages' documents are placed at
/// their paths in one tree and walked by the same rule: a value at a key equal to the verb
/// contributes its elements (an array's or set's elements, an object's values; anything else
/// nothing), at any depth. Sets and arrays are descended into too; their paths end in an index
/// or the element itself, which never contributes (an element equal to the verb's name is a
/// string, which has no elements).
///
/// Order: object keys in sorted order, depth first; within one package a verb's set keeps the
/// order the module dumped it in. OPA's own aggregate lists packages in the order of its
/// internal hash tables, so the two may list decisions of different packages in a different
/// order; the decisions themselves are the same.
enum RoutedAggregation {
    /// The DecisionSet object (`{"halts": [...], …}`) for `documents` (package name → the
    /// package's document, nil when the package was undefined).
    static func decisionSet(_ documents: [(package: String, document: JSONValue?)], aggregator: StandardAggregator) -> JSONValue {
        var tree = JSONValue.object([:])
        for (package, document) in documents {
            guard let document, let path = aggregator.relativePath(ofPackage: package) else { continue }
            tree = inserting(document, at: path[...], into: tree)
        }
        let verbs = Set(aggregator.entries.map(\.verb))
        var collected: [String: [JSONValue]] = [:]
        collect(tree, verbs: verbs, into: &collected)
        var result: [String: JSONValue] = [:]
        for entry in aggregator.entries {
            result[entry.key] = .array(collected[entry.verb] ?? [])
        }
        return .object(result)
    }

    /// `tree` with `value` at `path`, objects created on the way. A package document already
    /// present below (a nested package, also part of its parent's document) is the same
    /// evaluation's value, so either copy serves.
    private static func inserting(_ value: JSONValue, at path: ArraySlice<String>, into tree: JSONValue) -> JSONValue {
        guard let first = path.first else {
            // Both are the same packages' rules: keep what each adds.
            if case .object(var existing) = tree, case .object(let added) = value {
                for (key, member) in added { existing[key] = member }
                return .object(existing)
            }
            return value
        }
        guard case .object(var members) = tree else { return tree }
        members[first] = inserting(value, at: path.dropFirst(), into: members[first] ?? .object([:]))
        return .object(members)
    }

    /// Depth first, in pre-order as `walk` visits: each object member whose key is a verb adds
    /// its elements when it is visited. An explicit stack, so a deep document cannot exhaust the
    /// thread's stack.
    private static func collect(_ value: JSONValue, verbs: Set<String>, into collected: inout [String: [JSONValue]]) {
        var stack: [(key: String?, value: JSONValue)] = [(nil, value)]
        while let (key, node) = stack.popLast() {
            if let key, verbs.contains(key) { collected[key, default: []] += elements(of: node) }
            switch node {
            case .object(let members):
                // Reversed onto the stack so the first key is visited first.
                for member in members.keys.sorted(by: Self.regoOrder).reversed() {
                    if let child = members[member] { stack.append((member, child)) }
                }
            case .array(let elements):
                for element in elements.reversed() { stack.append((nil, element)) }
            default:
                continue
            }
        }
    }

    /// `some x in value`: an array's elements, an object's values; nothing for a scalar.
    private static func elements(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let elements): return elements
        case .object(let members): return members.keys.sorted(by: Self.regoOrder).compactMap { members[$0] }
        default: return []
        }
    }

    /// Rego orders strings by their bytes.
    private static func regoOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
