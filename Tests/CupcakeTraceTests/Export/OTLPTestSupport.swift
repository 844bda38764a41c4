import Foundation
import Testing

@testable import CupcakeTrace

/// Helpers shared by the export tests: lines from a real tracer, and OTLP/JSON read back.
enum OTLPTestSupport {
    static func tracer(sink: any Sink) -> Tracer {
        Tracer(configuration: TraceConfiguration(categories: .all, sink: sink))
    }

    /// Parses an OTLP/JSON request and returns its spans (asserting the envelope on the way).
    static func spans(ofRequest bytes: [UInt8]) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let resourceSpans = try #require(object["resourceSpans"] as? [[String: Any]])
        #expect(resourceSpans.count == 1)
        let scopeSpans = try #require(resourceSpans.first?["scopeSpans"] as? [[String: Any]])
        return try #require(scopeSpans.first?["spans"] as? [[String: Any]])
    }

    static func attributes(_ object: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(object["attributes"] as? [[String: Any]])
        var result: [String: [String: Any]] = [:]
        for entry in list {
            let key = try #require(entry["key"] as? String)
            result[key] = try #require(entry["value"] as? [String: Any])
        }
        return result
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("otlp-\(name)-\(UUID().uuidString)").path
    }
}
