import Foundation

/// One parsed output line, with typed access to the contract's keys.
public struct TraceLine {
    public let raw: String
    public let object: [String: Any]

    public init(_ raw: String) throws {
        self.raw = raw
        let data = Data(raw.utf8)
        let parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        guard let object = parsed as? [String: Any] else {
            throw LineError.notAnObject(raw)
        }
        self.object = object
    }

    public var span: String? { object["span"] as? String }
    public var traceID: String? { object["trace_id"] as? String }
    public var spanID: String? { object["span_id"] as? String }
    public var parentSpanID: String? { object["parent_span_id"] as? String }
    public var level: String? { object["level"] as? String }
    public var event: String? { object["event"] as? String }
    public var message: String? { object["message"] as? String }
    public var isSpanLine: Bool { span != nil && event == nil }
    public subscript(key: String) -> Any? { object[key] }

    public enum LineError: Error, CustomStringConvertible {
        case notAnObject(String)
        public var description: String {
            switch self {
            case .notAnObject(let line): "not a JSON object: \(line.prefix(200))"
            }
        }
    }
}

