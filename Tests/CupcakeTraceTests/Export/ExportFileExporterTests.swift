import CupcakeEngine
import Foundation
import Testing

@testable import CupcakeTrace

/// The Collector file format: one ExportTraceServiceRequest per line.
@Suite("Export: OTLP file exporter")
struct ExportFileExporterTests {
    func requestLines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("each finished root span appends one request holding its whole trace")
    func rootFlushes() throws {
        let path = OTLPTestSupport.temporaryPath("file")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let exporter = try OTLPFileExporter(path: path)
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [exporter])
        for round in 0..<2 {
            tracer.withSpan("evaluate", category: .root) { _ in
                tracer.withSpan("route", category: .stage(.routing)) { _ in }
                // Children wait for their root: only the earlier rounds' requests are in the file.
                #expect(((try? requestLines(path).count) ?? 0) == round)
            }
        }
        let lines = try requestLines(path)
        #expect(lines.count == 2)
        for line in lines {
            let spans = try OTLPTestSupport.spans(ofRequest: Array(line.utf8))
            #expect(spans.map { $0["name"] as? String } == ["route", "evaluate"])
        }
        #expect(exporter.droppedSpanCount == 0)
    }

    @Test("a full batch and an explicit flush write what is waiting; diagnostics are not exported")
    func fullAndFlush() async throws {
        let path = OTLPTestSupport.temporaryPath("batch")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let exporter = try OTLPFileExporter(path: path, maxBatchSpans: 3)
        let lines = InMemorySink()
        let tracer = OTLPTestSupport.tracer(sink: lines, exporters: [exporter])
        // An async root, as the engine's: children of a synchronous parent reach the sink with it.
        await tracer.withSpan("evaluate", category: .root) { _ in
            await Task.yield()
            for _ in 0..<4 { tracer.withSpan("signal", category: .signals) { _ in } }
            tracer.log.warn("a diagnostic line, not a span")
            let afterFull = try? requestLines(path)
            #expect(afterFull?.count == 1)  // the first three signals
            exporter.flush(timeout: 0)
            let afterFlush = try? requestLines(path)
            #expect(afterFlush?.count == 2)
        }
        let counts = try requestLines(path).map { try OTLPTestSupport.spans(ofRequest: Array($0.utf8)).count }
        #expect(counts == [3, 1, 1])
        #expect(lines.lines.filter { $0.contains("a diagnostic line") }.count == 1)  // a line, not a span
    }

    @Test("a path that cannot be opened is an error naming it")
    func unwritable() {
        let path = "/nonexistent-dir-\(UUID().uuidString)/trace.jsonl"
        #expect(throws: TraceSinkError.self) { try OTLPFileExporter(path: path) }
        #expect(throws: TraceSinkError.self) { try OTLPExport.makeExporter(for: .file(path: path)) }
        do {
            _ = try OTLPExport.makeExporter(for: .file(path: path))
        } catch {
            #expect(error.description.contains(path))
        }
    }
}
