import CupcakeTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `cupcake eval` with an OTLP/HTTP collector: the hook spools its spans and returns; the detached
/// `cupcake otlp-deliver` it starts sends them. Each test has its own spool and loopback collector.
@Suite("CLI: OTLP export through the spool")
struct OTLPSpoolCLITests {
    /// A spool root of the test's own, and the per-endpoint directory the CLI will use in it.
    struct Spool {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-spool-\(UUID().uuidString)").path

        func directory(port: UInt16) -> String { root + "/http___127.0.0.1_\(port)" }

        func batchCount(port: UInt16) -> Int {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory(port: port))) ?? []
            return names.filter { $0.hasSuffix(".spans") }.count
        }

        /// Whether a delivery process holds this spool's lock.
        func deliveryRunning(port: UInt16) -> Bool {
            let fd = open(directory(port: port) + "/deliver.lock", O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return flock(fd, LOCK_EX | LOCK_NB) != 0
        }

        /// Ends the delivery process this test's hook started, if it still runs: the lock file names
        /// it, and the lock being held shows the process is still the one that wrote the name.
        func stopDelivery(port: UInt16) {
            let path = directory(port: port) + "/deliver.lock"
            guard deliveryRunning(port: port), let text = try? String(contentsOfFile: path, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1
            else { return }
            kill(pid, SIGTERM)
        }
    }

    func evalEvent(_ server: LoopbackCollector, _ spool: Spool) throws -> (result: ChildProcess.Result, seconds: Double) {
        let started = Date()
        let result = try CLI.eval(
            try CLI.event("pretooluse-bash-rm-rf"),
            environment: ["CUPCAKE_TRACE_OTLP": server.endpoint, "CUPCAKE_OTLP_SPOOL": spool.root])
        return (result, Date().timeIntervalSince(started))
    }

    /// Compiles the demo bundle into the test cache first, so a timed run measures only the hook.
    func warmUp() throws {
        _ = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))
    }

    /// Runs `body` with a warmed-up cache, a collector and a spool; afterwards ends the delivery
    /// process the hook started (it would otherwise retry a broken collector for a minute).
    func withCollector(
        _ mode: LoopbackCollector.Mode, listening: Bool = true, _ body: (LoopbackCollector, Spool) throws -> Void
    ) throws {
        try warmUp()
        let server = try LoopbackCollector(mode: mode, listening: listening)
        let spool = Spool()
        defer {
            spool.stopDelivery(port: server.port)
            server.stop()
        }
        try body(server, spool)
    }

    @Test("a collector that answers gets the evaluation's spans and the spool empties")
    func delivers() throws {
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = Spool()
        let (result, _) = try evalEvent(server, spool)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"deny\""))
        #expect(result.stderrBytes.isEmpty)
        #expect(server.wait(seconds: 60) { $0.spanCount >= 7 })
        let names = server.requests.flatMap { request -> [String] in
            let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
            let scopes = (object?["resourceSpans"] as? [[String: Any]] ?? []).flatMap { $0["scopeSpans"] as? [[String: Any]] ?? [] }
            return scopes.flatMap { $0["spans"] as? [[String: Any]] ?? [] }.compactMap { $0["name"] as? String }
        }
        #expect(Set(names).isSuperset(of: ["evaluate", "route", "wasm_eval", "synthesize"]))
        #expect(server.wait(seconds: 60) { _ in spool.batchCount(port: server.port) == 0 })
        // With nothing left to send, the delivery process goes idle and exits, freeing the lock.
        #expect(server.wait(seconds: 60) { _ in !spool.deliveryRunning(port: server.port) })
    }

    @Test("hooks running side by side all get their spans delivered")
    func concurrentHooks() throws {
        try warmUp()
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = Spool()
        let hooks = 4
        let statuses = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: hooks) { _ in
            let status = (try? evalEvent(server, spool).result.status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 0, count: hooks))
        #expect(server.wait(seconds: 60) { $0.spanCount >= 7 * hooks })
        #expect(server.wait(seconds: 60) { _ in spool.batchCount(port: server.port) == 0 })
    }

    @Test("a collector that accepts and never answers does not hold the hook (the old exit flush waited 2 s)")
    func stalledCollector() throws {
        try withCollector(.stall) { server, spool in
            let (result, seconds) = try evalEvent(server, spool)
            #expect(result.status == 0)
            #expect(result.stdout.contains("\"deny\""))
            #expect(seconds < 1.5, "cupcake eval took \(seconds) s")
            // The delivery process did connect and is stuck on the collector, while the hook is done;
            // the batch stays spooled since nothing accepted it.
            #expect(server.wait(seconds: 60) { $0.acceptedConnections >= 1 })
            #expect(spool.batchCount(port: server.port) == 1)
        }
    }

    @Test("a refused connection keeps the spans spooled; when the collector comes up on its port they arrive")
    func refusedThenUp() throws {
        try withCollector(.respond(200), listening: false) { server, spool in
            let (result, seconds) = try evalEvent(server, spool)
            #expect(result.status == 0)
            #expect(seconds < 1.5, "cupcake eval took \(seconds) s")
            #expect(spool.batchCount(port: server.port) == 1)
            try server.startListening()
            // The delivery process retries with a backoff of at most 8 s.
            #expect(server.wait(seconds: 60) { $0.spanCount >= 7 })
            #expect(server.wait(seconds: 60) { _ in spool.batchCount(port: server.port) == 0 })
        }
    }

    @Test("a collector answering 500 first gets the spans on the retry")
    func retriedAfterServerError() throws {
        let server = try LoopbackCollector(mode: .statuses([500, 200]))
        defer { server.stop() }
        let spool = Spool()
        #expect(try evalEvent(server, spool).result.status == 0)
        #expect(server.wait(seconds: 60) { $0.spanCount >= 7 })
        #expect(server.requests.first?.status == 500)
        #expect(server.wait(seconds: 60) { _ in spool.batchCount(port: server.port) == 0 })
    }

    @Test("a slow collector does not hold the hook, and still gets the spans")
    func slowCollector() throws {
        try withCollector(.slow(1, 200)) { server, spool in
            let (result, seconds) = try evalEvent(server, spool)
            #expect(result.status == 0)
            #expect(seconds < 1.5, "cupcake eval took \(seconds) s")
            #expect(server.wait(seconds: 60) { $0.spanCount >= 7 })
            #expect(server.wait(seconds: 60) { _ in spool.batchCount(port: server.port) == 0 })
        }
    }
}
