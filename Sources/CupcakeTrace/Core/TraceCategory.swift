/// Which spans a tracer emits: a set of categories, each a bit. A span site names the categories
/// that make it visible; it is emitted when any of them is on.
///
/// The instrumented program defines its categories (`static var routing: TraceCategory {
/// TraceCategory(rawValue: 1 << 1) }`) and their names (``TraceConfiguration/categoryNames``),
/// which `CUPCAKE_TRACE` and `--trace` list, comma-separated and case-insensitive. The library
/// owns one: ``payload``, raw content in fields, which is never on unless named.
public struct TraceCategory: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Opt-in: fields named in ``TraceConfiguration/payloadKeys`` are written (cut to the payload
    /// limit) instead of left out.
    @inlinable public static var payload: TraceCategory { TraceCategory(rawValue: 1 << 31) }

    /// Parses a `CUPCAKE_TRACE` value against `names`. `all` is every named category (not
    /// `payload`), `payload` the library's own; `off`, `0`, `none` and empty parts name nothing.
    /// Unknown names are returned, not thrown: they are warned about once and otherwise ignored.
    static func parse(
        _ text: String?, names: [(name: String, category: TraceCategory)]
    ) -> (categories: TraceCategory, unknown: [String]) {
        guard let text else { return ([], []) }
        var categories: TraceCategory = []
        var unknown: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingWhitespace().lowercased()
            if name.isEmpty || name == "off" || name == "0" || name == "none" { continue }
            if name == "all" {
                for named in names where named.category != .payload { categories.formUnion(named.category) }
            } else if name == "payload" {
                categories.formUnion(.payload)
            } else if let match = names.first(where: { $0.name == name }) {
                categories.formUnion(match.category)
            } else {
                unknown.append(String(part.trimmingWhitespace()))
            }
        }
        return (categories, unknown)
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
