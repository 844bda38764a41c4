import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Synchronization
import Testing

@testable import CupcakeTrace

/// The on-disk spool a hook process writes its OTLP batches to, and the delivery loop that drains
/// it, against loopback collectors that answer, refuse, fail, or are slow.
@Suite("Export: OTLP spool and delivery")
struct ExportSpoolTests {
    /// Counts the sink's calls to start delivery.
    final class Starts: Sendable {
        let count = Atomic<Int>(0)
        var callback: @Sendable (OTLPSpool) -> Void { { _ in self.count.add(1, ordering: .relaxed) } }
    }

    func spool(maxBytes: Int = OTLPSpool.defaultMaxBytes) -> OTLPSpool {
        OTLPSpool(directory: OTLPTestSupport.temporaryPath("spool") + "/nested/spool", maxBytes: maxBytes)
    }

    /// Spools `traces` traces of two spans each, one batch per trace (as one hook process each).
    func spoolTraces(_ spool: OTLPSpool, traces: Int) {
        for index in 0..<traces {
            let sink = OTLPSpoolExporter(spool: spool, startDelivery: { _ in })
            let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
            tracer.withSpan("evaluate", category: .root, fields: ["session_id": "s-\(index)"]) { _ in
                tracer.withSpan("route", category: .stage(.routing)) { span in span.event("matched") }
            }
            sink.flush()
        }
    }

    func delivery(_ spool: OTLPSpool, _ server: LoopbackCollector) throws -> OTLPSpoolDelivery {
        var delivery = OTLPSpoolDelivery(spool: spool, endpoint: try OTLPEndpoint(server.endpoint))
        delivery.idleExit = 0.05
        delivery.initialBackoff = 0.01
        delivery.maxBackoff = 0.05
        return delivery
    }

    @Test("a flush writes one batch file, atomically, in a 0700 directory, and starts delivery once")
    func sinkWritesBatch() throws {
        let spool = spool()
        let starts = Starts()
        let sink = OTLPSpoolExporter(spool: spool, startDelivery: starts.callback)
        #expect(sink.flush())
        #expect(starts.count.load(ordering: .relaxed) == 0)  // nothing spooled, nothing to start
        let tracer = OTLPTestSupport.tracer(sink: DiscardingSink(), exporters: [sink])
        tracer.withSpan("evaluate", category: .root) { _ in }
        #expect(sink.flush())
        #expect(starts.count.load(ordering: .relaxed) == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: spool.directory)
        #expect(names.filter { $0.hasSuffix(".spans") }.count == 1)
        #expect(!names.contains { $0.hasPrefix(".tmp") })
        let mode = try FileManager.default.attributesOfItem(atPath: spool.directory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test("batches are listed oldest first")
    func oldestFirst() throws {
        let spool = spool()
        for index in 0..<5 { try spool.append(Array("line \(index)\n".utf8)) }
        let contents = spool.batches().compactMap { spool.read($0) }.map { String(decoding: $0, as: UTF8.self) }
        #expect(contents == (0..<5).map { "line \($0)\n" })
    }

    @Test("the size cap drops the oldest batches and counts their spans")
    func capDropsOldest() throws {
        let spool = spool(maxBytes: 4096)
        spoolTraces(spool, traces: 12)
        let batches = spool.batches()
        let total = batches.reduce(0) { $0 + $1.size }
        #expect(total <= 4096)
        #expect(!batches.isEmpty)
        // Every trace has two spans: what is left plus what was dropped is all of them.
        let kept = batches.compactMap { spool.read($0) }.reduce(0) { $0 + OTLPSpool.countSpans($1) }
        #expect(spool.droppedSpanCount > 0)
        #expect(kept + spool.droppedSpanCount == 24)
    }

    @Test("a collector that answers gets every span, in one request for several batches, and the spool empties")
    func deliversAndEmpties() throws {
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 3)
        let report = try delivery(spool, server).run()
        #expect(report.ending == .idle)
        #expect(report.sentSpans == 6)
        #expect(server.spanCount == 6)
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.path == "/v1/traces")
        #expect(spool.batchCount == 0)
    }

    @Test("a collector answering 500 then 200 gets the spans on the retry")
    func retriesAfterServerError() throws {
        let server = try LoopbackCollector(mode: .statuses([500, 200]))
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 1)
        let report = try delivery(spool, server).run()
        #expect(report.failedRequests == 1)
        #expect(report.sentSpans == 2)
        #expect(server.spanCount == 2)
        #expect(spool.batchCount == 0)
    }

    @Test("a collector refusing the request for good (400) gets it once: the spans are dropped and counted")
    func rejectedForGood() throws {
        let server = try LoopbackCollector(mode: .statuses([400, 200]))
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 1)
        let report = try delivery(spool, server).run()
        #expect(report.rejectedSpans == 2)
        #expect(report.sentSpans == 0)
        #expect(server.requests.count == 1)
        #expect(spool.droppedSpanCount == 2)
        #expect(spool.lastError?.contains("HTTP 400") == true)
        #expect(spool.batchCount == 0)
    }

    @Test("retry: no answer, 5xx, 408 and 429 are retried; other 4xx are final")
    func retryable() {
        #expect(HTTPPostResult.failure("connect timed out").isRetryable)
        for status in [408, 429, 500, 502, 503, 504] { #expect(HTTPPostResult.rejected(status: status).isRetryable) }
        for status in [400, 401, 403, 404, 413] { #expect(!HTTPPostResult.rejected(status: status).isRetryable) }
        #expect(!HTTPPostResult.success(status: 200).isRetryable)
    }

    @Test("a refused connection keeps the batch; once the collector listens on that port, it arrives")
    func refusedThenListening() throws {
        let server = try LoopbackCollector(mode: .respond(200), listening: false)
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 2)
        var impatient = try delivery(spool, server)
        impatient.giveUpAfter = 0  // one attempt, then the run ends
        let first = impatient.run()
        guard case .gaveUp(let reason) = first.ending else {
            Issue.record("expected the run to give up, got \(first.ending)")
            return
        }
        #expect(reason.contains("cannot connect"))
        #expect(spool.lastError?.contains("gave up on \(server.endpoint)/v1/traces") == true)
        #expect(spool.batchCount == 2)
        try server.startListening()
        let second = try delivery(spool, server).run()
        #expect(second.sentSpans == 4)
        #expect(server.spanCount == 4)
        #expect(spool.batchCount == 0)
    }

    @Test("a collector slower than the request timeout keeps the batch; with time enough it arrives")
    func slowCollector() throws {
        let server = try LoopbackCollector(mode: .slow(1, 200))
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 1)
        var hasty = try delivery(spool, server)
        hasty.requestTimeout = 0.1
        hasty.giveUpAfter = 0
        #expect(hasty.run().failedRequests == 1)
        #expect(spool.batchCount == 1)
        var patient = try delivery(spool, server)
        patient.requestTimeout = 30
        #expect(patient.run().sentSpans == 2)
        #expect(spool.batchCount == 0)
    }

    @Test("only one delivery runs per spool: a second finds the lock taken and returns at once")
    func oneAtATime() throws {
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = spool()
        spoolTraces(spool, traces: 1)
        let held = try #require(FileLock.tryExclusive(spool.deliveryLockPath))
        #expect(spool.deliveryIsRunning)
        #expect(try delivery(spool, server).run().ending == .alreadyRunning)
        #expect(server.acceptedConnections == 0)
        withExtendedLifetime(held) {}
        _ = consume held
        #expect(!spool.deliveryIsRunning)
    }

    @Test("batches of trace lines an earlier version spooled are removed, their lines counted as dropped spans")
    func legacyBatches() throws {
        let spool = spool()
        try spool.prepare()
        let legacy = spool.directory + "/00000000000000000001-1-1.lines"
        #expect(FileManager.default.createFile(atPath: legacy, contents: Data("{\"span\":\"a\"}\n{\"span\":\"b\"}\n".utf8)))
        try spool.append(Array("{\"traceId\":\"x\"}\n".utf8))
        spool.removeLegacyBatches()
        #expect(!FileManager.default.fileExists(atPath: legacy))
        #expect(spool.batchCount == 1)  // the current batch stays
        #expect(spool.droppedSpanCount == 2)
    }

    @Test("a delivery run removes temporary files a killed writer left, once they are old")
    func staleTemporaries() throws {
        let spool = spool()
        try spool.prepare()
        let stale = spool.directory + "/.tmp-killed.spans"
        let fresh = spool.directory + "/.tmp-writing.spans"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("x\n".utf8)))
        #expect(FileManager.default.createFile(atPath: fresh, contents: Data("x\n".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale)
        spool.removeStaleTemporaries(olderThan: 600)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    @Test("batches without spans are removed without a request")
    func skipsSpanlessBatches() throws {
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = spool()
        try spool.append(Array("not a trace line\n".utf8))
        let report = try delivery(spool, server).run()
        #expect(report.sentSpans == 0)
        #expect(server.acceptedConnections == 0)
        #expect(spool.batchCount == 0)
    }

    @Test("the spool root: CUPCAKE_OTLP_SPOOL, else XDG_STATE_HOME, else ~/.local/state; one directory per endpoint")
    func location() throws {
        #expect(OTLPSpoolLocation.root(environment: ["CUPCAKE_OTLP_SPOOL": "/s", "HOME": "/h"]) == "/s")
        #expect(OTLPSpoolLocation.root(environment: ["XDG_STATE_HOME": "/x", "HOME": "/h"]) == "/x/cupcake/otlp-spool")
        #expect(OTLPSpoolLocation.root(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/cupcake/otlp-spool")
        let endpoint = try OTLPEndpoint("http://127.0.0.1:4318/base/")
        #expect(endpoint.baseURL == "http://127.0.0.1:4318/base")
        #expect(try OTLPEndpoint(endpoint.baseURL) == endpoint)
        #expect(OTLPSpoolLocation.directory(root: "/s", endpoint: endpoint) == "/s/http___127.0.0.1_4318_base")
    }
}
