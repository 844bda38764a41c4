/// The trace categories users turn on with `CUPCAKE_TRACE` (comma-separated, case-insensitive) or
/// `--trace`.
///
/// A span site names the categories that make it visible; it is emitted when any of them is on.
/// Stage spans (`route`, `gather_signals`, `wasm_eval`, ...) are visible under `eval` and under
/// their own stage's category, so a finer span always has its parent on the same trace. The root
/// span uses ``TraceCategory/root`` and is visible under every category.
public struct TraceCategory: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The root `evaluate` span and one span per pipeline stage.
    @inlinable public static var eval: TraceCategory { TraceCategory(rawValue: 1 << 0) }
    /// Per-policy routing detail.
    @inlinable public static var routing: TraceCategory { TraceCategory(rawValue: 1 << 1) }
    /// One span per signal.
    @inlinable public static var signals: TraceCategory { TraceCategory(rawValue: 1 << 2) }
    /// Module load, instantiation and evaluation detail.
    @inlinable public static var wasm: TraceCategory { TraceCategory(rawValue: 1 << 3) }
    /// Per-decision synthesis detail.
    @inlinable public static var synthesis: TraceCategory { TraceCategory(rawValue: 1 << 4) }
    /// One span per action.
    @inlinable public static var actions: TraceCategory { TraceCategory(rawValue: 1 << 5) }
    /// Opt-in: raw event values (tool_input, prompts, signal output) in fields, truncated.
    @inlinable public static var payload: TraceCategory { TraceCategory(rawValue: 1 << 6) }
    /// One span per rulebook builtin that looked at the event.
    @inlinable public static var builtins: TraceCategory { TraceCategory(rawValue: 1 << 7) }

    /// Every category except `payload`; what `all` turns on.
    @inlinable public static var all: TraceCategory { TraceCategory(rawValue: 0b1011_1111) }
    /// For the root span site: visible whenever anything is traced.
    @inlinable public static var root: TraceCategory { TraceCategory(rawValue: 0b1111_1111) }

    /// For a stage span site: visible under `eval` or under the stage's own category.
    @inlinable public static func stage(_ category: TraceCategory) -> TraceCategory {
        TraceCategory(rawValue: TraceCategory.eval.rawValue | category.rawValue)
    }

    /// The names accepted in `CUPCAKE_TRACE`, in the order they are documented.
    public static let names: [(name: String, category: TraceCategory)] = [
        ("eval", .eval), ("routing", .routing), ("signals", .signals), ("wasm", .wasm),
        ("synthesis", .synthesis), ("actions", .actions), ("builtins", .builtins), ("all", .all), ("payload", .payload),
    ]

    /// Parses a `CUPCAKE_TRACE` value. Unknown names are returned, not thrown: they are warned about
    /// once and otherwise ignored. `nil`, empty, `off` and `0` mean no category.
    public static func parse(_ text: String?) -> (categories: TraceCategory, unknown: [String]) {
        guard let text else { return ([], []) }
        var categories: TraceCategory = []
        var unknown: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingWhitespace().lowercased()
            if name.isEmpty || name == "off" || name == "0" || name == "none" { continue }
            if let match = names.first(where: { $0.name == name }) {
                categories.formUnion(match.category)
            } else {
                unknown.append(String(part.trimmingWhitespace()))
            }
        }
        return (categories, unknown)
    }

    /// The category names that describe this set, for messages and diagnostics.
    public var names: [String] {
        Self.names.filter { $0.name != "all" && contains($0.category) }.map(\.name)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
