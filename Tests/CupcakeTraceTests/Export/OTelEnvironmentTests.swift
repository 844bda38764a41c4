import Testing

@testable import CupcakeTrace

/// OpenTelemetry's SDK variables as Cupcake reads them.
@Suite struct OTelEnvironmentTests {
    @Test func destinations() throws {
        #expect(OTelEnvironment.destination([:]) == nil)
        let base = try #require(OTelEnvironment.destination(["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318/base/"]))
        #expect(base == .http(try OTLPEndpoint("http://c:4318/base")))
        guard case .http(let exact)? = OTelEnvironment.destination([
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://ignored:1", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318/v1/spans",
        ]) else {
            Issue.record("no destination")
            return
        }
        #expect(exact.path == "/v1/spans" && exact.host == "c")
        #expect(OTelEnvironment.destination(["OTEL_EXPORTER_OTLP_ENDPOINT": "https://c:4318"]) == .http(try OTLPEndpoint("https://c:4318")))
        #expect(OTelEnvironment.destination(["OTEL_EXPORTER_OTLP_ENDPOINT": "grpc://c:4317"]) == nil)
        #expect(OTelEnvironment.destination(["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_SDK_DISABLED": "TRUE"]) == nil)
        #expect(OTelEnvironment.destination(["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_TRACES_EXPORTER": "otlp,none"]) == nil)
    }

    @Test("headers: percent-decoded values, traces-specific ones first, anything that could break the request dropped")
    func headers() {
        let parsed = OTelEnvironment.headers(["OTEL_EXPORTER_OTLP_HEADERS": " a = 1 ,b=x%3Dy%2C z, bad name=1,c=%zz,d=%0A,e"])
        #expect(parsed.map(\.name) == ["a", "b"])
        #expect(parsed.map(\.value) == ["1", "x=y, z"])
        let specific = OTelEnvironment.headers(["OTEL_EXPORTER_OTLP_HEADERS": "a=1", "OTEL_EXPORTER_OTLP_TRACES_HEADERS": "t=2"])
        #expect(specific.map(\.name) == ["t"])
        #expect(OTelEnvironment.serviceName([:]) == "cupcake")
        #expect(OTelEnvironment.serviceName(["OTEL_SERVICE_NAME": " hooks "]) == "hooks")
    }
}
