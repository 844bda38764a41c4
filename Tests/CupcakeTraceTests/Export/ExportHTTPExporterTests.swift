import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Synchronization
import Testing

@testable import CupcakeTrace

/// OTLP/HTTP export against a loopback collector that works, is down, stalls or fails.
@Suite("Export: OTLP HTTP exporter", .serialized)
struct ExportHTTPExporterTests {
    final class Warnings: Sendable {
        let messages = Mutex<[String]>([])
        var all: [String] { messages.withLock { $0 } }
        var callback: @Sendable (String) -> Void { { message in self.messages.withLock { $0.append(message) } } }
    }

    func endpoint(_ text: String) throws -> OTLPEndpoint { try OTLPEndpoint(text) }

    @Test("a trace is POSTed to <endpoint>/v1/traces as application/json")
    func delivers() throws {
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let warnings = Warnings()
        let sink = OTLPExporter(
            endpoint: try endpoint(server.endpoint + "/base/"), timeout: 5, onWarning: warnings.callback)
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
        tracer.withSpan("evaluate", category: .root, fields: ["session_id": "s-1"]) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { span in span.event("matched") }
        }
        #expect(sink.flush(timeout: 10))
        let requests = server.requests
        #expect(!requests.isEmpty)
        let request = try #require(requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/base/v1/traces")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["host"] == "127.0.0.1:\(server.port)")
        let spans = try requests.flatMap { try OTLPTestSupport.spans(ofRequest: $0.body) }
        #expect(spans.compactMap { $0["name"] as? String }.sorted() == ["evaluate", "route"])
        let route = try #require(spans.first { $0["name"] as? String == "route" })
        #expect((route["events"] as? [[String: Any]])?.first?["name"] as? String == "matched")
        #expect(sink.sentSpanCount == 2)
        #expect(sink.droppedSpanCount == 0)
        #expect(warnings.all.isEmpty)
    }

    @Test("a collector answering 500 costs counted drops and exactly one warning")
    func serverError() throws {
        let server = try LoopbackCollector(mode: .respond(500))
        defer { server.stop() }
        let warnings = Warnings()
        let sink = OTLPExporter(endpoint: try endpoint(server.endpoint), timeout: 5, onWarning: warnings.callback)
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
        for _ in 0..<5 { tracer.withSpan("evaluate", category: .root) { _ in } }
        #expect(sink.flush(timeout: 10))
        // Each span was posted once (the in-process sender does not retry), however batched.
        #expect(try server.requests.flatMap { try OTLPTestSupport.spans(ofRequest: $0.body) }.count == 5)
        #expect(sink.droppedSpanCount == 5)
        #expect(sink.sentSpanCount == 0)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("HTTP 500") == true)
    }

    @Test("a collector that is down: writes succeed, spans are dropped and counted, one warning")
    func refused() throws {
        let port = try LoopbackCollector.closedPort()
        let warnings = Warnings()
        let sink = OTLPExporter(endpoint: try endpoint("http://127.0.0.1:\(port)"), timeout: 2, onWarning: warnings.callback)
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
        for _ in 0..<20 { tracer.withSpan("evaluate", category: .root) { _ in } }
        #expect(sink.droppedQueuedCount == 0)  // queued, not refused at export time
        #expect(sink.flush(timeout: 10))
        #expect(sink.droppedSpanCount == 20)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("cannot connect") == true)
    }

    @Test("a collector that never answers: 1000 spans export at once, the queue drops and counts, flush gives up")
    func stalled() throws {
        let server = try LoopbackCollector(mode: .stall)
        defer { server.stop() }
        let warnings = Warnings()
        let sink = OTLPExporter(
            endpoint: try endpoint(server.endpoint), maxQueuedSpans: 16, timeout: 0.3, linger: 0.05,
            onWarning: warnings.callback)
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
        for index in 0..<1000 { tracer.withSpan("evaluate", category: .root, fields: ["index": .int(index)]) { _ in } }
        // Each root fills a batch of its own and every POST waits out its timeout, so the queue of
        // 16 overflows: the spans beyond it are dropped at once and counted. The sender takes at
        // most a few batches off the queue while it waits, so nearly all of them are dropped.
        #expect(sink.droppedQueuedCount >= 1000 - 16 * 4)
        #expect(sink.flush(timeout: 0.2) == false)  // still stalled: the flush returns unfinished
        #expect(sink.sentSpanCount == 0)
    }

    @Test("flushing a sink with nothing queued returns at once")
    func emptyFlush() throws {
        let port = try LoopbackCollector.closedPort()
        let sink = OTLPExporter(endpoint: try endpoint("http://127.0.0.1:\(port)"), onWarning: { _ in })
        #expect(sink.flush(timeout: 5))
        #expect(sink.droppedSpanCount == 0)
    }

    @Test("status lines: 2xx succeeds, anything else or non-HTTP fails")
    func statusLines() {
        #expect(PlainHTTPClient.parseStatusLine(Array("HTTP/1.1 200 OK\r".utf8)) == .success(status: 200))
        #expect(PlainHTTPClient.parseStatusLine(Array("HTTP/1.0 204".utf8)) == .success(status: 204))
        #expect(PlainHTTPClient.parseStatusLine(Array("HTTP/1.1 503 Busy".utf8)) == .rejected(status: 503))
        #expect(PlainHTTPClient.parseStatusLine(Array("SSH-2.0-OpenSSH".utf8)) == .failure("answer is not HTTP"))
        #expect(PlainHTTPClient.parseStatusLine([]) == .failure("answer is not HTTP"))
    }
}
