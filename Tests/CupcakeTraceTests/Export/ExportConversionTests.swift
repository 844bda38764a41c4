import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Testing

@testable import CupcakeTrace

/// Finished spans in OTLP's shape: the same span gives the same fields as its line (order, limits,
/// payload rule, reserved names), and the batcher puts events into their spans.
@Suite("Export: spans to OTLP")
struct ExportConversionTests {
    func tracer(maxFieldBytes: Int = 1024, sample: Double = 1, categories: TraceCategory = .all)
        -> (Tracer, InMemorySink, CapturingExporter)
    {
        let sink = InMemorySink()
        let exporter = CapturingExporter()
        var configuration = TraceConfiguration.pipeline(categories: categories, sink: sink).sampled(sample).exporting(to: [exporter])
        configuration.maxFieldBytes = maxFieldBytes
        return (Tracer(configuration: configuration), sink, exporter)
    }

    /// An attribute as the JSON value its line would hold.
    func lineValue(_ value: OTLPValue) -> Any {
        switch value {
        case .string(let text): text
        case .int(let int): Int(int)
        case .double(let double): double
        case .bool(let flag): flag
        case .array(let values): values.map(lineValue)
        }
    }

    @Test("attributes are the line's fields: same order, limits, payload rule and reserved names")
    func sameAsTheLine() throws {
        let (tracer, sink, exporter) = tracer(maxFieldBytes: 16)
        let many = (0..<70).map { "item-\($0)" }
        tracer.withSpan("signal", category: .eval, fields: ["exit_code": 0, "name": "gité 😀 and more text", "gone": nil]) {
            span in
            span.record("tool_input", "secret command")  // payload: never without the payload category
            span.record("error", "a field named like a contract key")
            span.record("items", .strings(many))
            span.record("ratio", 0.5)
            span.record("exit_code", 2)  // set again: keeps its place, takes the new value
        }
        let line = try TraceLine(try #require(sink.lines.first))
        let span = try #require(exporter.spans.first)
        #expect(span.attributes.map(\.key) == ["exit_code", "name", "field.error", "items", "ratio"])
        for (key, value) in span.attributes {
            let written = try #require(line[key], "\(key) is not on the line")
            #expect(String(describing: lineValue(value)) == String(describing: written), "\(key)")
        }
        #expect(span.attributes[1].value == .string("gité 😀 and m…[+8 bytes]"))
        guard case .array(let items) = span.attributes[3].value else {
            Issue.record("items is not an array")
            return
        }
        #expect(items.count == 65)
        #expect(items.last == .string("…[+6 more]"))
    }

    @Test("ids, times and the error match the line; a root has no parent")
    func idsAndTimes() throws {
        let (tracer, sink, exporter) = tracer()
        struct Failure: Error, CustomStringConvertible { var description: String { "it broke" } }
        try? tracer.withSpan("evaluate", category: .root) { _ in
            try tracer.withSpan("wasm_eval", category: .stage(.wasm)) { _ in throw Failure() }
        }
        let lines = try sink.lines.map(TraceLine.init)
        let spans = exporter.spans
        #expect(spans.map(\.name) == ["wasm_eval", "evaluate"])
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for (span, line) in zip(spans, lines) {
            #expect(span.traceID.description == line.traceID)
            #expect(span.spanID.description == line.spanID)
            #expect(span.parentSpanID?.description == line["parent_span_id"] as? String)
            #expect(span.errorMessage == "it broke")
            // The line keeps microseconds; OTLP keeps nanoseconds of the same clock reading.
            let duration = try #require(line["duration_ms"] as? Double)
            #expect(abs(Double(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6 - duration) < 0.0011)
            let timestamp = try #require(line["timestamp"] as? String)
            let date = try #require(formatter.date(from: timestamp))
            #expect(abs(Double(span.startTimeUnixNano) / 1e9 - date.timeIntervalSince1970) < 0.001)
        }
        #expect(spans.last?.parentSpanID == nil)
    }

    @Test("an event goes into its span with its level first and its fields after")
    func events() throws {
        let (tracer, _, exporter) = tracer()
        tracer.withSpan("signal", category: .eval) { span in
            span.event("timed out", level: .warn, fields: ["after_ms": 100, "prompt": "payload, dropped"])
        }
        let span = try #require(exporter.spans.first)
        #expect(span.events.count == 1)
        let event = try #require(span.events.first)
        #expect(event.name == "timed out")
        #expect(event.attributes.map(\.key) == ["level", "after_ms"])
        #expect(event.attributes.first?.value == .string("WARN"))
        #expect(event.timeUnixNano >= span.startTimeUnixNano && event.timeUnixNano <= span.endTimeUnixNano)
    }

    @Test("the payload category lets payload fields through, cut to the payload limit")
    func payloadOn() throws {
        let (tracer, _, exporter) = tracer(categories: [.all, .payload])
        tracer.withSpan("evaluate", category: .root) { span in span.recordPayload("prompt", "rm -rf /") }
        let span = try #require(exporter.spans.first)
        #expect(span.attributes.first { $0.key == "prompt" }?.value == .string("rm -rf /"))
    }

    @Test("sampled-out traces export nothing; kept ones export every span when the root ends")
    func sampling() throws {
        let (dropping, _, none) = tracer(sample: 0)
        dropping.withSpan("evaluate", category: .root) { root in
            dropping.withSpan("route", category: .eval) { _ in }
            root.record("final_decision", "allow")
        }
        #expect(none.itemCount == 0)
        let (keeping, _, all) = tracer(sample: 0)
        keeping.withSpan("evaluate", category: .root) { root in
            keeping.withSpan("route", category: .eval) { _ in }
            #expect(all.itemCount == 0)  // held until the root decides
            root.record("final_decision", "deny")  // not Allow: always kept
        }
        #expect(all.spans.map(\.name) == ["route", "evaluate"])
    }

    @Test("the batcher bounds events waiting for their span and drops the rest, counted")
    func batcherBoundsEvents() {
        var batcher = OTLPBatcher(maxSpans: 100, maxPendingEvents: 2)
        let id = SpanID(rawValue: 7)
        for _ in 0..<3 {
            let ready = batcher.add(.event(spanID: id, OTLPEvent(name: "e", timeUnixNano: 1)))
            #expect(!ready)
        }
        #expect(batcher.droppedEventCount == 1)
        let child = OTLPSpan(
            traceID: TraceID(high: 1, low: 1), spanID: id, parentSpanID: SpanID(rawValue: 1), name: "child",
            startTimeUnixNano: 0, endTimeUnixNano: 1)
        let ready = batcher.add(.span(child))
        #expect(!ready)  // has a parent, batch not full: not ready
        let spans = batcher.take()
        #expect(spans.map { $0.events.count } == [2])
        #expect(batcher.isEmpty)
    }

    @Test("a root span or a full batch makes the batch ready")
    func batchReadiness() {
        let child = OTLPSpan(
            traceID: TraceID(high: 1, low: 1), spanID: SpanID(rawValue: 2), parentSpanID: SpanID(rawValue: 1), name: "c",
            startTimeUnixNano: 0, endTimeUnixNano: 1)
        var full = OTLPBatcher(maxSpans: 2)
        let first = full.add(.span(child)), second = full.add(.span(child))
        #expect(!first && second)
        var rooted = OTLPBatcher()
        var root = child
        root.parentSpanID = nil
        let rootReady = rooted.add(.span(root))
        #expect(rootReady)
    }
}
