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
    /// The root as a package name (`cupcake.policies`).
    private let rootPackage: String

    init(packageName: String, root: [String], entries: [Entry]) {
        self.packageName = packageName
        self.root = root
        self.entries = entries
        self.verbs = Set(entries.map(\.verb))
        self.rootPackage = root.joined(separator: ".")
    }

    /// The aggregate entrypoint the module exports for it (`cupcake/system/evaluate`).
    var entrypoint: String { EvaluationPlan.entrypoint(ofPackage: packageName) + "/evaluate" }

    /// Whether the aggregator walks `package`: the root or a package below it (what
    /// ``relativePath(ofPackage:)`` answers without building the path).
    func walks(package: String) -> Bool {
        guard package.utf8.starts(with: rootPackage.utf8) else { return false }
        let rest = package.utf8.dropFirst(rootPackage.utf8.count)
        return rest.isEmpty || rest.first == 0x2E
    }

    /// The path of `package` below the root, or nil when the aggregator never walks it.
    func relativePath(ofPackage package: String) -> [String]? {
        let segments = Self.segments(of: package)
        guard segments.count >= root.count, segments.prefix(root.count).elementsEqual(root) else { return nil }
        return Array(segments.dropFirst(root.count))
    }

    /// A package name's dot-separated segments, cut at the byte (a hook cuts every policy's name;
    /// String's Character-wise split walks grapheme clusters).
    static func segments(of package: String) -> [String] {
        package.utf8.split(separator: 0x2E).map { String(decoding: $0, as: UTF8.self) }
    }
}
