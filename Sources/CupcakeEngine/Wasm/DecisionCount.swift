/// Counting the decisions in a Cupcake decision set, for the wasm_eval span's decision_count.
enum DecisionCount {
    /// The verbs of a decision set produced by cupcake.system.evaluate.
    static let verbKeys = ["halts", "denials", "blocks", "asks", "modifications", "add_context"]

    /// The total number of entries across the verbs when `value` is a decision set, else 0.
    static func count(in value: JSONValue?) -> Int {
        guard case .object(let fields)? = value else { return 0 }
        var total = 0
        for key in verbKeys {
            if case .array(let entries)? = fields[key] { total += entries.count }
        }
        return total
    }
}
