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
    /// The DecisionSet object (`{"halts": [...], …}`) for documents placed at their paths below
    /// the aggregator's root (nil: the package was undefined).
    static func decisionSet(placed: [(path: [String], document: JSONValue?)], aggregator: StandardAggregator) -> JSONValue {
        let verbs = aggregator.verbs
        let present = placed.compactMap { path, document in document.map { (path: path, document: $0) } }
        var collected: [String: [JSONValue]] = [:]
        if let ordered = disjointInWalkOrder(present, verbs: verbs) {
            // The common case: visiting each document in path order is the walk of the tree they
            // form, with no tree to build.
            for (path, document) in ordered {
                collect(document, key: path.last, verbs: verbs, into: &collected)
            }
        } else {
            var tree = JSONValue.object([:])
            for (path, document) in present { tree = inserting(document, at: path[...], into: tree) }
            collect(tree, key: nil, verbs: verbs, into: &collected)
        }
        var result: [String: JSONValue] = [:]
        for entry in aggregator.entries {
            result[entry.key] = .array(collected[entry.verb] ?? [])
        }
        return .object(result)
    }

    /// The documents sorted by path, or nil when the tree walk could differ from visiting them
    /// one by one: a package inside another (or the root itself) or a segment above a document
    /// named like a verb (that node's value would count too).
    private static func disjointInWalkOrder(_ placed: [(path: [String], document: JSONValue)],
                                            verbs: Set<String>) -> [(path: [String], document: JSONValue)]? {
        let ordered = placed.sorted { left, right in pathOrder(left.path, right.path) }
        return isDisjoint(ordered.map(\.path), verbs: verbs) ? ordered : nil
    }

    /// Whether `paths` (sorted by ``pathOrder``) can be visited one by one as the walk of their
    /// tree: none empty, none inside another, no segment above a document named like a verb.
    static func isDisjoint(_ paths: [[String]], verbs: Set<String>) -> Bool {
        for path in paths where path.isEmpty || path.dropLast().contains(where: verbs.contains) { return false }
        for index in paths.indices.dropFirst() {
            let previous = paths[index - 1], current = paths[index]
            // Sorted, a prefix sits right before what it contains.
            if current.count >= previous.count, Array(current.prefix(previous.count)) == previous { return false }
        }
        return true
    }

    /// The walk's order of two paths: segment by segment, bytewise.
    static func pathOrder(_ left: [String], _ right: [String]) -> Bool {
        left.lexicographicallyPrecedes(right, by: regoOrder)
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

    /// Depth first, in pre-order as `walk` visits, from `value` reached by `key` (nil for the
    /// root or an element): each object member whose key is a verb adds its elements when it is
    /// visited. An explicit stack, so a deep document cannot exhaust the thread's stack.
    private static func collect(_ value: JSONValue, key: String?, verbs: Set<String>, into collected: inout [String: [JSONValue]]) {
        var stack: [(key: String?, value: JSONValue)] = [(key, value)]
        while let (key, node) = stack.popLast() {
            if let key, verbs.contains(key) { collected[key, default: []] += elements(of: node) }
            switch node {
            case .object(let members):
                // Reversed onto the stack so the first key is visited first.
                for member in sortedKeys(members).reversed() {
                    if let child = members[member] { stack.append((member, child)) }
                }
            case .array(let elements):
                for element in elements.reversed() where element.isContainer { stack.append((nil, element)) }
            default:
                continue
            }
        }
    }

    /// `some x in value`: an array's elements, an object's values; nothing for a scalar.
    private static func elements(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let elements): return elements
        case .object(let members): return sortedKeys(members).compactMap { members[$0] }
        default: return []
        }
    }

    /// Rego orders strings by their bytes.
    private static func regoOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.count < 2 ? Array(members.keys) : members.keys.sorted(by: regoOrder)
    }
}

extension JSONValue {
    /// An array or object: something a walk descends into.
    fileprivate var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
