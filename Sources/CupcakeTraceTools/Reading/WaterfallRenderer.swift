import CupcakeTrace

/// Draws one trace as text: a header (what was evaluated, the decision, the total time), then
/// one row per span, indented by depth, with its duration and a bar placed to scale between the
/// trace's first start and last end. The slowest span below the root is marked `*` (and drawn in
/// colour when `colour` is on).
public struct WaterfallRenderer: Sendable {
    /// The total line width in columns (at least 40 is used).
    public let width: Int
    /// ANSI colours on or off.
    public let colour: Bool

    /// A renderer for `width` columns (40 to 1000), with or without ANSI colours.
    public init(width: Int, colour: Bool) {
        self.width = max(40, min(width, 1000))
        self.colour = colour
    }

    // Name, duration and borders leave at least 10 columns of bar at the narrowest width.
    private var nameWidth: Int { min(40, max(12, width / 3), width - 28) }
    private static let durationWidth = 11
    private var barWidth: Int { max(10, width - 1 - nameWidth - 2 - Self.durationWidth - 2 - 2) }

    /// The text of one trace, every line ending in `\n`.
    public func render(_ group: TraceGroup) -> String {
        let tree = SpanTree(group)
        let root = group.root
        let start = group.startMicros
        let total = max(1, group.endMicros - start)
        let slowest = Self.slowestSpan(group)
        var out = header(group, root: root)
        for row in tree.rows {
            let record = row.record
            let indent = String(repeating: "  ", count: min(row.depth, 12))
            if let event = record.event {
                let offset = record.startMicros - start
                let name = fit(indent + "· " + event, nameWidth)
                let time = pad("+" + Self.milliseconds(record.durationMicros), Self.durationWidth)
                out += " " + name + "  " + time + "  " + bar(from: offset, to: offset, total: total, glyph: "◆", tint: nil) + "\n"
                continue
            }
            let isSlowest = slowest.map { $0.spanID == record.spanID && $0.startMicros == record.startMicros } ?? false
            var label = record.span
            for key in ["signal_name", "rule_id"] {
                if let value = record.field(key)?.stringValue { label += " " + value }
            }
            if record.error != nil { label += " !" }
            let name = fit(indent + label, nameWidth)
            let time = pad(Self.milliseconds(record.durationMicros), Self.durationWidth)
            let tint: String? = isSlowest ? "\u{1B}[1;31m" : (record.error != nil ? "\u{1B}[31m" : "\u{1B}[36m")
            let row = (isSlowest ? "*" : " ") + paint(name, record.error != nil || isSlowest ? tint : nil) + "  " + time
                + "  " + bar(from: record.startMicros - start, to: record.endMicros - start, total: total, glyph: "█", tint: tint)
            out += row + "\n"
            if let error = record.error {
                out += " " + paint(cut(indent + "  error: " + error, width - 1), "\u{1B}[31m") + "\n"
            }
        }
        if let slowest {
            out += cut("  slowest: " + slowest.span + " " + Self.milliseconds(slowest.durationMicros), width) + "\n"
        }
        return out
    }

    private func header(_ group: TraceGroup, root: TraceRecord?) -> String {
        var parts = ["trace " + group.traceID]
        if !group.isComplete { parts.append("INCOMPLETE (no root line)") }
        if let root, root.span != "evaluate" { parts.append(root.span) }
        if let event = group.rootText("event_name") {
            parts.append(group.rootText("tool_name").map { event + ":" + $0 } ?? event)
        }
        if let decision = group.rootText("final_decision") { parts.append("decision " + decision) }
        parts.append(Self.milliseconds(group.durationMicros))
        if let session = group.rootText("session_id") { parts.append("session " + session) }
        return paint(cut(parts.joined(separator: "  "), width), "\u{1B}[1m") + "\n"
    }

    /// The longest span other than the root; nil when the trace has no other span.
    static func slowestSpan(_ group: TraceGroup) -> TraceRecord? {
        let rootID = group.root?.spanID
        return group.records.filter { !$0.isEvent && $0.spanID != rootID && $0.parentSpanID != nil }
            .max { ($0.durationMicros, $1.startMicros) < ($1.durationMicros, $0.startMicros) }
    }

    private func bar(from startOffset: Int64, to endOffset: Int64, total: Int64, glyph: String, tint: String?) -> String {
        let columns = Int64(barWidth)
        let first = Int(min(columns - 1, max(0, startOffset * columns / total)))
        // Round the end up so a short span still gets one cell.
        let last = Int(min(columns, max(Int64(first + 1), (endOffset * columns + total - 1) / total)))
        let cells = glyph == "◆" ? 1 : last - first
        let body = String(repeating: " ", count: first) + paint(String(repeating: glyph, count: cells), tint)
            + String(repeating: " ", count: barWidth - first - cells)
        return "|" + body + "|"
    }

    private func paint(_ text: String, _ tint: String?) -> String {
        guard colour, let tint else { return text }
        return tint + text + "\u{1B}[0m"
    }

    /// Cuts or pads to exactly `columns` characters (one column per character is assumed).
    private func fit(_ raw: String, _ columns: Int) -> String {
        let text = PrintableText.of(raw)
        let count = text.count
        if count > columns { return String(text.prefix(columns - 1)) + "…" }
        return text + String(repeating: " ", count: columns - count)
    }

    /// Cuts to at most `columns` characters, without padding.
    private func cut(_ raw: String, _ columns: Int) -> String {
        let text = PrintableText.of(raw)
        return text.count > columns ? String(text.prefix(columns - 1)) + "…" : text
    }

    private func pad(_ text: String, _ columns: Int) -> String {
        text.count >= columns ? text : String(repeating: " ", count: columns - text.count) + text
    }

    /// Microseconds as milliseconds with three decimals: `1.234 ms`.
    public static func milliseconds(_ micros: Int64) -> String {
        let value = max(0, micros)
        let fraction = String(value % 1000)
        return String(value / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + " ms"
    }
}
