import CupcakeEngine
import Foundation
import Synchronization
import Testing

@testable import CupcakeTrace

/// Keeps every finished span it is given, in OTLP's shape, as the exporters receive them.
final class CapturingExporter: SpanExporter {
    private let items = Mutex<[OTLPItem]>([])

    func export(_ span: FinishedSpan) { items.withLock { $0.append(OTLPItem(span)) } }

    /// The spans so far, each with its events attached, in the order they ended.
    var spans: [OTLPSpan] {
        var batcher = OTLPBatcher(maxSpans: .max)
        for item in items.withLock({ $0 }) { _ = batcher.add(item) }
        return batcher.take()
    }

    var itemCount: Int { items.withLock { $0.count } }
}

/// Helpers shared by the export tests: spans from a real tracer, and OTLP/JSON read back.
enum OTLPTestSupport {
    static func tracer(sink: any Sink, exporters: [any SpanExporter] = []) -> Tracer {
        Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: sink).exporting(to: exporters))
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
