import CupcakeTestSupport
import Foundation
import Testing

enum TraceContract {
    static let requiredKeys = ["timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms"]

    /// Records an issue for every way `line` breaks the trace-line contract.
    static func check(_ line: TraceLine, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in requiredKeys {
            #expect(line.object.keys.contains(key), "missing \(key) in \(line.raw.prefix(300))", sourceLocation: sourceLocation)
        }
        let timestamp = line["timestamp"] as? String ?? ""
        #expect(
            timestamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,9}Z/) != nil,
            "bad timestamp \(timestamp)", sourceLocation: sourceLocation)
        #expect(
            line.traceID?.wholeMatch(of: /[0-9a-f]{32}/) != nil, "bad trace_id in \(line.raw.prefix(300))",
            sourceLocation: sourceLocation)
        #expect(
            line.spanID?.wholeMatch(of: /[0-9a-f]{16}/) != nil, "bad span_id in \(line.raw.prefix(300))",
            sourceLocation: sourceLocation)
        if let parent = line["parent_span_id"], !(parent is NSNull) {
            #expect(
                (parent as? String)?.wholeMatch(of: /[0-9a-f]{16}/) != nil, "bad parent_span_id",
                sourceLocation: sourceLocation)
        }
        #expect(line["duration_ms"] is NSNumber, "duration_ms is not a number", sourceLocation: sourceLocation)
        let levels: Set<String> = ["ERROR", "WARN", "INFO", "DEBUG", "TRACE"]
        #expect(levels.contains(line.level ?? ""), "bad level", sourceLocation: sourceLocation)
    }

    /// Groups span lines by trace and checks that each trace is a tree: one root, and every
    /// parent_span_id names a span of the same trace (or the adopted TRACEPARENT parent).
    static func checkTrees(
        _ lines: [TraceLine], adoptedParent: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String: [TraceLine]] {
        let spans = lines.filter(\.isSpanLine)
        let traces = Dictionary(grouping: spans, by: { $0.traceID ?? "" })
        for (traceID, members) in traces {
            let ids = Set(members.compactMap(\.spanID))
            #expect(ids.count == members.count, "duplicate span ids in trace \(traceID)", sourceLocation: sourceLocation)
            let roots = members.filter { $0.parentSpanID == nil || $0.parentSpanID == adoptedParent }
            #expect(roots.count == 1, "trace \(traceID) has \(roots.count) roots", sourceLocation: sourceLocation)
            for member in members {
                guard let parent = member.parentSpanID, parent != adoptedParent else { continue }
                #expect(
                    ids.contains(parent), "span \(member.span ?? "?") points at a parent outside trace \(traceID)",
                    sourceLocation: sourceLocation)
            }
        }
        return traces
    }
}
