/// A project's `system/evaluate.rego` recognised as the standard aggregator: `evaluate` is an
/// object of verb lists, each `collect_verbs("<verb>")`, where `collect_verbs` walks one root
/// (`data.cupcake.policies`) and flattens every value whose path ends in the verb's name.
///
/// Knowing that is what lets the engine evaluate only the routed policy packages and aggregate
/// their documents in the host (``RoutedAggregation``), with the same result the module's own
/// aggregator gives for those packages.
struct StandardAggregator: Sendable, Equatable {
    /// One entry of `evaluate`: the result key and the verb it collects (`"denials"`, `"deny"`).
    struct Entry: Sendable, Equatable {
        let key: String
        let verb: String
    }

    /// The aggregator's package (`cupcake.system`, `cupcake.global.system`).
    let packageName: String
    /// The walked document below `data` (`["cupcake", "policies"]`).
    let root: [String]
    /// The entries of `evaluate` in the order written.
    let entries: [Entry]
    /// The verbs the entries collect.
    let verbs: Set<String>

    init(packageName: String, root: [String], entries: [Entry]) {
        self.packageName = packageName
        self.root = root
        self.entries = entries
        self.verbs = Set(entries.map(\.verb))
    }

    /// The aggregate entrypoint the module exports for it (`cupcake/system/evaluate`).
    var entrypoint: String { packageName.split(separator: ".").joined(separator: "/") + "/evaluate" }

    /// The path of `package` below the root, or nil when the aggregator never walks it.
    func relativePath(ofPackage package: String) -> [String]? {
        let segments = package.split(separator: ".").map(String.init)
        guard segments.count >= root.count, Array(segments.prefix(root.count)) == root else { return nil }
        return Array(segments.dropFirst(root.count))
    }
}
