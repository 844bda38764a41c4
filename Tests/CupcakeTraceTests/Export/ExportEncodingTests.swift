import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Testing

@testable import CupcakeTrace

struct ExportTestFailure: Error, CustomStringConvertible {
    let description: String
}

/// Real spans from a `Tracer`, exported and encoded as OTLP/JSON, checked field by field against
/// the lines the same spans wrote.
@Suite("Export: OTLP encoding")
struct ExportEncodingTests {
    /// One evaluation's lines and exported spans: a root with a failing child, an event, every
    /// value type.
    func evaluation() throws -> (lines: [String], spans: [OTLPSpan]) {
        let sink = InMemorySink()
        let exporter = CapturingExporter()
        let tracer = OTLPTestSupport.tracer(sink: sink, exporters: [exporter])
        tracer.withSpan("evaluate", category: .root, fields: ["event_name": "PreToolUse", "matched_policy_count": 3]) { root in
            tracer.withSpan("route", category: .stage(.routing), fields: ["policies": .strings(["a", "b\"c"])]) { span in
                span.event("policy skipped", level: .warn, fields: ["policy": "x"])
                span.record("ratio", .double(0.25))
                span.record("cached", true)
                span.record("missing", .null)
                span.recordError(ExportTestFailure(description: "route failed\nbadly"))
            }
            root.record("final_decision", "deny")
        }
        return (sink.lines, exporter.spans)
    }

    @Test("spans keep the ids, name, times and fields of their lines")
    func fieldByField() throws {
        let (lines, spans) = try evaluation()
        let traceLines = try lines.map(TraceLine.init)
        #expect(traceLines.count == 3)  // event, route, evaluate
        #expect(spans.map(\.name) == ["route", "evaluate"])

        let request = OTLPEncoder(serviceVersion: "9.8.7").encodeRequest(spans)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(request)) as? [String: Any])
        let resource = try #require((object["resourceSpans"] as? [[String: Any]])?.first)
        let resourceAttributes = try OTLPTestSupport.attributes(try #require(resource["resource"] as? [String: Any]))
        #expect(resourceAttributes["service.name"]?["stringValue"] as? String == "cupcake")
        #expect(resourceAttributes["service.version"]?["stringValue"] as? String == "9.8.7")
        let scope = try #require((resource["scopeSpans"] as? [[String: Any]])?.first?["scope"] as? [String: Any])
        #expect(scope["name"] as? String == "cupcake")

        let encoded = try OTLPTestSupport.spans(ofRequest: request)
        #expect(encoded.count == 2)
        let routeLine = try #require(traceLines.first { $0.isSpanLine && $0.span == "route" })
        let rootLine = try #require(traceLines.first { $0.span == "evaluate" })
        let route = encoded[0]
        let root = encoded[1]

        #expect(route["traceId"] as? String == routeLine.traceID)
        #expect(route["spanId"] as? String == routeLine.spanID)
        #expect(route["parentSpanId"] as? String == rootLine.spanID)
        #expect(root["parentSpanId"] == nil)
        #expect(root["traceId"] as? String == rootLine.traceID)
        #expect(route["name"] as? String == "route")
        #expect(route["kind"] as? Int == 1)

        // Times are decimal strings; start is the line's timestamp, end adds duration_ms.
        let startText = try #require(route["startTimeUnixNano"] as? String)
        let endText = try #require(route["endTimeUnixNano"] as? String)
        let start = try #require(UInt64(startText))
        let end = try #require(UInt64(endText))
        let duration = try #require(routeLine["duration_ms"] as? Double)
        #expect(abs(Double(end - start) / 1e6 - duration) < 0.002)
        let timestamp = try #require(routeLine["timestamp"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: timestamp))
        #expect(abs(Double(start) / 1e9 - date.timeIntervalSince1970) < 0.001)

        let attributes = try OTLPTestSupport.attributes(route)
        let policies = try #require((attributes["policies"]?["arrayValue"] as? [String: Any])?["values"] as? [[String: Any]])
        #expect(policies.compactMap { $0["stringValue"] as? String } == ["a", "b\"c"])
        #expect(attributes["ratio"]?["doubleValue"] as? Double == 0.25)
        #expect(attributes["cached"]?["boolValue"] as? Bool == true)
        #expect(attributes["missing"] == nil)  // OTLP has no null value
        #expect(attributes["error"] == nil)  // the error is the status, not an attribute
        let rootAttributes = try OTLPTestSupport.attributes(root)
        #expect(rootAttributes["matched_policy_count"]?["intValue"] as? String == "3")  // int64 as a string
        #expect(rootAttributes["final_decision"]?["stringValue"] as? String == "deny")
        #expect(rootAttributes["event_name"]?["stringValue"] as? String == "PreToolUse")

        let status = try #require(route["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2)
        #expect(status["message"] as? String == "route failed\nbadly")
        #expect((root["status"] as? [String: Any])?.isEmpty == true)

        let events = try #require(route["events"] as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["name"] as? String == "policy skipped")
        #expect(UInt64(events.first?["timeUnixNano"] as? String ?? "") ?? 0 >= start)
        let eventAttributes = try OTLPTestSupport.attributes(try #require(events.first))
        #expect(eventAttributes["policy"]?["stringValue"] as? String == "x")
        #expect(eventAttributes["level"]?["stringValue"] as? String == "WARN")
        #expect(root["events"] == nil)
    }

    @Test("a request line is one line: newlines and controls in values are escaped")
    func oneLine() throws {
        let span = OTLPSpan(
            traceID: TraceID(high: 1, low: 2), spanID: SpanID(rawValue: 3), parentSpanID: nil, name: "a\nb",
            startTimeUnixNano: 10, endTimeUnixNano: 20,
            attributes: [("k\u{1}", .string("\u{2028}x\r")), ("neg", .int(-5)), ("nested", .array([.array([.bool(false)])]))])
        let line = OTLPEncoder().encodeRequestLine([span])
        #expect(line.last == 0x0A)
        #expect(line.dropLast().allSatisfy { $0 != 0x0A && $0 != 0x0D })
        let spans = try OTLPTestSupport.spans(ofRequest: Array(line))
        let encoded = try #require(spans.first)
        #expect(encoded["traceId"] as? String == "00000000000000010000000000000002")
        #expect(encoded["spanId"] as? String == "0000000000000003")
        #expect(encoded["name"] as? String == "a\nb")
        #expect(encoded["startTimeUnixNano"] as? String == "10")
        let attributes = try OTLPTestSupport.attributes(encoded)
        #expect(attributes["k\u{1}"]?["stringValue"] as? String == "\u{2028}x\r")
        #expect(attributes["neg"]?["intValue"] as? String == "-5")
        // OTLP's AnyValue: an array is {"arrayValue": {"values": [AnyValue]}}.
        let outer = attributes["nested"]?["arrayValue"] as? [String: Any]
        let inner = (outer?["values"] as? [[String: Any]])?.first?["arrayValue"] as? [String: Any]
        #expect((outer?["values"] as? [Any])?.count == 1)
        #expect(inner?["values"] as? [[String: Bool]] == [["boolValue": false]])
    }

    @Test("an empty batch is still a valid request")
    func emptyRequest() throws {
        #expect(try OTLPTestSupport.spans(ofRequest: OTLPEncoder().encodeRequest([])).isEmpty)
    }
}
