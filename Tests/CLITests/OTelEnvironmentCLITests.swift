import CupcakeTestSupport
import Foundation
import Testing

/// OpenTelemetry's own variables instead of CUPCAKE_TRACE_OTLP, end to end through the spool.
@Suite("CLI: OTEL_* variables")
struct OTelEnvironmentCLITests {
    @Test("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (its path as given), headers (percent-decoded) and the service name reach the collector")
    func tracesEndpointHeadersAndServiceName() throws {
        _ = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))  // compile and cache first
        let server = try LoopbackCollector(mode: .respond(200))
        defer { server.stop() }
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-otel-\(UUID().uuidString)").path
        let result = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: [
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": server.endpoint + "/custom/traces",
            // A value with an escaped space, and one trying to smuggle a header (dropped).
            "OTEL_EXPORTER_OTLP_HEADERS": "api-key=abc%20def,x-tenant=t1,evil=a%0D%0AInjected: 1",
            "OTEL_SERVICE_NAME": "agent-hooks",
            "CUPCAKE_OTLP_SPOOL": spool,
        ])
        #expect(result.status == 0)
        #expect(result.stderrBytes.isEmpty, "\(result.stderr)")
        #expect(server.wait(seconds: 60) { $0.spanCount >= 5 })
        let request = try #require(server.requests.first)
        #expect(request.path == "/custom/traces")
        #expect(request.headers["api-key"] == "abc def")
        #expect(request.headers["x-tenant"] == "t1")
        #expect(request.headers["evil"] == nil && request.headers["injected"] == nil)
        #expect(String(decoding: request.body, as: UTF8.self).contains("\"stringValue\":\"agent-hooks\""))
    }

    @Test("OTEL_EXPORTER_OTLP_ENDPOINT is a base (/v1/traces appended); CUPCAKE_TRACE_OTLP wins; unusable URLs and the off switches stay quiet")
    func baseEndpointAndPrecedence() throws {
        _ = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))
        let server = try LoopbackCollector(mode: .respond(200))
        let other = try LoopbackCollector(mode: .respond(200))
        defer {
            server.stop()
            other.stop()
        }
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-otel-\(UUID().uuidString)").path
        let base = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": server.endpoint, "CUPCAKE_OTLP_SPOOL": spool])
        #expect(base.status == 0)
        #expect(server.wait(seconds: 60) { $0.spanCount >= 5 })
        #expect(server.requests.first?.path == "/v1/traces")

        let both = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": server.endpoint, "CUPCAKE_TRACE_OTLP": other.endpoint, "CUPCAKE_OTLP_SPOOL": spool])
        #expect(both.status == 0)
        #expect(other.wait(seconds: 60) { $0.spanCount >= 5 })

        // A URL Cupcake cannot send to (gRPC) and the SDK's off switches: quiet, nothing spooled.
        for environment in [["OTEL_EXPORTER_OTLP_ENDPOINT": "grpc://127.0.0.1:4317"],
                            ["OTEL_EXPORTER_OTLP_ENDPOINT": server.endpoint, "OTEL_SDK_DISABLED": "true"],
                            ["OTEL_EXPORTER_OTLP_ENDPOINT": server.endpoint, "OTEL_TRACES_EXPORTER": "none"]] {
            let quiet = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: environment.merging(["CUPCAKE_OTLP_SPOOL": spool]) { $1 })
            #expect(quiet.status == 0)
            #expect(quiet.stderrBytes.isEmpty, "\(environment): \(quiet.stderr)")
        }
        let spooled = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
        #expect(spooled.allSatisfy { $0.hasPrefix("http___127.0.0.1") }, "\(spooled)")
    }
}
