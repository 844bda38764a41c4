import CupcakeCodecs

/// A JSON value read from a trace line. Numbers keep their text so an integer stays an integer
/// when it is written out again.
public indirect enum TraceLineValue: Sendable, Equatable {
    case string(String)
    /// The number as written (already checked to be a JSON number).
    case number(String)
    case bool(Bool)
    case null
    case array([TraceLineValue])
    case object([TraceLineField])

    /// The same value with the tools' types (an object's members in the order written).
    init(_ value: OrderedJSON) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(TraceLineValue.init))
        case .object(let members): self = .object(members.map { TraceLineField(key: $0.key, value: TraceLineValue($0.value)) })
        }
    }

    /// The value as a number, when it is one.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The value as a string, when it is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Short human text: strings bare, everything else as JSON.
    public var displayText: String {
        switch self {
        case .string(let text): return text
        default:
            var out: [UInt8] = []
            JSONText.append(self, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// One key and its value, in the order the line had them.
public struct TraceLineField: Sendable, Equatable {
    /// The key as written on the line.
    public let key: String
    /// Its value.
    public let value: TraceLineValue

    /// A field named `key`.
    public init(key: String, value: TraceLineValue) {
        self.key = key
        self.value = value
    }
}
