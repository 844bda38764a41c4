import CupcakeEngine
import Foundation
import Testing

@testable import CupcakeTrace

/// CUPCAKE_TRACE_OTLP / the CLI flag, endpoints, and the tee.
@Suite("Export: OTLP configuration")
struct ExportConfigurationTests {
    @Test("destinations: file paths and http endpoints")
    func destinations() throws {
        #expect(try OTLPDestination("file:/tmp/t.jsonl") == .file(path: "/tmp/t.jsonl"))
        #expect(try OTLPDestination(" file:///tmp/t.jsonl ") == .file(path: "/tmp/t.jsonl"))
        let http = try OTLPDestination("http://collector:4318")
        guard case .http(let endpoint) = http else {
            Issue.record("expected http")
            return
        }
        #expect(endpoint.host == "collector")
        #expect(endpoint.port == 4318)
        #expect(endpoint.path == "/v1/traces")
        #expect(try OTLPEndpoint("http://localhost").port == OTLPEndpoint.defaultPort)
        let v6 = try OTLPEndpoint("http://[::1]:9000/otlp/")
        #expect(v6.host == "::1")
        #expect(v6.port == 9000)
        #expect(v6.path == "/otlp/v1/traces")
        #expect(v6.description == "http://[::1]:9000/otlp/v1/traces")
        let secure = try OTLPEndpoint("HTTPS://collector.example/otlp")
        #expect(secure.usesTLS && secure.port == 4318 && secure.description == "https://collector.example:4318/otlp/v1/traces")
        #expect(try OTLPEndpoint(secure.baseURL) == secure)
    }

    @Test("bad destinations are refused with a message that says what to write", arguments: [
        ("ftp://x", "expected file:<path>, http://host:port or https://host:port"),
        ("file:", "path is empty"),
        ("https://", "missing or invalid host"),
        ("http://", "missing or invalid host"),
        ("http://host:0", "port must be a number"),
        ("http://host:99999", "port must be a number"),
        ("http://host:abc", "port must be a number"),
        ("http://[::1", "unclosed '['"),
        ("http://user@host:1", "missing or invalid host"),
    ])
    func badDestinations(text: String, message: String) {
        do {
            _ = try OTLPDestination(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("configured: nothing set gives no exporter; a destination gives one; a bad one warns")
    func configured() throws {
        #expect(OTLPExport.configured(environment: [:]).exporter == nil)
        let blank = OTLPExport.configured(environment: ["CUPCAKE_TRACE_OTLP": "  "])
        #expect(blank.exporter == nil && blank.warnings.isEmpty)

        let path = OTLPTestSupport.temporaryPath("config")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chosen = OTLPExport.configured(environment: ["CUPCAKE_TRACE_OTLP": "ftp://ignored"], override: "file:\(path)")
        #expect(chosen.warnings.isEmpty)
        let exporter = try #require(chosen.exporter as? OTLPFileExporter)
        let lines = InMemorySink()
        let tracer = OTLPTestSupport.tracer(sink: lines, exporters: [exporter])
        tracer.withSpan("evaluate", category: .root) { _ in }
        #expect(lines.lines.count == 1)  // the line still goes to the sink
        #expect(OTLPExport.flushAll(timeout: 1))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 1)

        let bad = OTLPExport.configured(environment: ["CUPCAKE_TRACE_OTLP": "udp://x"])
        #expect(bad.exporter == nil)
        #expect(bad.warnings.count == 1)
        #expect(bad.warnings.first?.hasPrefix("CUPCAKE_TRACE_OTLP: ") == true)
    }

    @Test("export alone turns on the eval spans and writes no lines; with CUPCAKE_TRACE both")
    func exportAlone() throws {
        let path = OTLPTestSupport.temporaryPath("alone")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = InMemorySink()
        let (alone, _) = TraceConfiguration.fromEnvironment(["CUPCAKE_TRACE_OTLP": "file:\(path)"], base: .pipeline, sink: lines)
        #expect(alone.categories == .eval)
        #expect(alone.sink is DiscardingSink)
        #expect(alone.exporters.count == 1)
        let (both, _) = TraceConfiguration.fromEnvironment(
            ["CUPCAKE_TRACE_OTLP": "file:\(path)", "CUPCAKE_TRACE": "all"], base: .pipeline, sink: lines)
        #expect(both.sink is InMemorySink)
        #expect(both.exporters.count == 1)
        let tracer = Tracer(configuration: alone)
        #expect(!tracer.writesLines)
    }

    @Test("a tee writes to every sink and reports a failure of any")
    func tee() {
        let first = InMemorySink()
        let second = InMemorySink(failing: true)
        let tee = TeeSink([first, second])
        let line = Array("{\"a\":1}\n".utf8)
        #expect(line.withUnsafeBytes { tee.write($0) } == false)
        #expect(first.lines == ["{\"a\":1}"])
        second.setFailing(false)
        #expect(line.withUnsafeBytes { tee.write($0) })
        #expect(second.lines.count == 1)
        #expect(tee.flush(timeout: 0))  // nothing held back
    }
}
