/// Why a trace line could not be turned into a span or an event. Such lines (diagnostic lines,
/// foreign or damaged text) are skipped by the exporters, never fatal.
package enum TraceLineParseError: Error, CustomStringConvertible, Equatable {
    case malformedJSON(offset: Int)
    case tooDeep
    case notAnObject
    case missingKey(String)
    case invalidValue(key: String)

    package var description: String {
        switch self {
        case .malformedJSON(let offset): "trace line: not valid JSON at byte \(offset)"
        case .tooDeep: "trace line: nested deeper than \(FlatJSONScanner.maxDepth) levels"
        case .notAnObject: "trace line: not a JSON object"
        case .missingKey(let key): "trace line: required key '\(key)' is missing (not a span or event line)"
        case .invalidValue(let key): "trace line: key '\(key)' does not have the value the trace-line contract defines"
        }
    }
}

/// One trace line, read back: a span, or an event inside the span it names.
package enum ParsedTraceLine: Sendable, Equatable {
    case span(OTLPSpan)
    case event(traceID: TraceID, spanID: SpanID, OTLPEvent)
}

/// Reads lines of the trace-line contract (Docs/trace-line.schema.json) into OTLP spans and events.
package enum TraceLineParser {
    /// Parses one line (with or without its trailing newline).
    package static func parse(_ line: String) throws(TraceLineParseError) -> ParsedTraceLine {
        var copy = line
        let result = copy.withUTF8 { bytes in Result { () throws(TraceLineParseError) in try parse(bytes) } }
        return try result.get()
    }

    /// Parses one line from its UTF-8 bytes.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(TraceLineParseError) -> ParsedTraceLine {
        var scanner = FlatJSONScanner(bytes)
        scanner.skipWhitespace()
        guard scanner.consume(UInt8(ascii: "{")) else { throw .notAnObject }
        var timestamp: UInt64?
        var level: String?
        var name: String?
        var traceID: TraceID?
        var spanID: SpanID?
        var parentSpanID: SpanID?
        var sawParent = false
        var durationNanos: UInt64?
        var event: String?
        var error: String?
        var attributes: [(key: String, value: OTLPValue)] = []
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key: RequiredKey
                if let keyBytes = scanner.plainString() {
                    key = RequiredKey(keyBytes)
                } else {
                    key = RequiredKey(try scanner.parseString())
                }
                try scanner.expect(UInt8(ascii: ":"))
                let value = try scanner.parseValue()
                switch key {
                case .timestamp:
                    guard case .string(let text) = value, let nanos = RFC3339Parser.nanoseconds(text) else {
                        throw .invalidValue(key: key.name)
                    }
                    timestamp = nanos
                case .level: level = try string(value, key.name)
                case .span: name = try string(value, key.name)
                case .traceID:
                    guard let id = Self.traceIDValue(try string(value, key.name)) else {
                        throw .invalidValue(key: key.name)
                    }
                    traceID = id
                case .spanID: spanID = try spanIDValue(value, key.name)
                case .parentSpanID:
                    sawParent = true
                    parentSpanID = value.isNull ? nil : try spanIDValue(value, key.name)
                case .durationMilliseconds:
                    guard case .number(let text) = value, let nanos = Self.nanoseconds(milliseconds: text) else {
                        throw .invalidValue(key: key.name)
                    }
                    durationNanos = nanos
                case .event: event = try string(value, key.name)
                case .error: error = try string(value, key.name)
                case .other(let name):
                    if let converted = Self.attributeValue(value) {
                        if attributes.isEmpty { attributes.reserveCapacity(8) }
                        attributes.append((name, converted))
                    }
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.fail() }
        guard let timestamp else { throw .missingKey("timestamp") }
        guard let name else { throw .missingKey("span") }
        guard let traceID else { throw .missingKey("trace_id") }
        guard let spanID else { throw .missingKey("span_id") }
        guard sawParent else { throw .missingKey("parent_span_id") }
        guard let durationNanos else { throw .missingKey("duration_ms") }
        if let event {
            if let level { attributes.insert(("level", .string(level)), at: 0) }
            if let error { attributes.append(("error", .string(error))) }
            return .event(
                traceID: traceID, spanID: spanID,
                OTLPEvent(name: event, timeUnixNano: timestamp, attributes: attributes))
        }
        let (end, overflow) = timestamp.addingReportingOverflow(durationNanos)
        return .span(
            OTLPSpan(
                traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, name: name,
                startTimeUnixNano: timestamp, endTimeUnixNano: overflow ? .max : end,
                attributes: attributes, errorMessage: error))
    }

    private static func string(_ value: ScannedJSON, _ key: String) throws(TraceLineParseError) -> String {
        guard case .string(let text) = value else { throw .invalidValue(key: key) }
        return text
    }

    private static func spanIDValue(_ value: ScannedJSON, _ key: String) throws(TraceLineParseError) -> SpanID {
        var text = try string(value, key)
        let raw = text.withUTF8 { hex in hex.count == 16 ? hexValue(hex[...]) : nil }
        guard let raw else { throw .invalidValue(key: key) }
        return SpanID(rawValue: raw)
    }

    /// Lowercase hex (the contract's ids), at most 16 digits, read in place.
    private static func hexValue(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        Hex.parse(digits)
    }

    private static func traceIDValue(_ text: String) -> TraceID? {
        var text = text
        return text.withUTF8 { hex in
            guard hex.count == 32, let high = hexValue(hex[0..<16]), let low = hexValue(hex[16..<32]) else { return nil }
            return TraceID(high: high, low: low)
        }
    }

    /// A field value as an attribute; `null` fields are left out (OTLP has no null).
    static func attributeValue(_ value: ScannedJSON) -> OTLPValue? {
        switch value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null: return nil
        case .object(let text): return .string(text)
        case .number(let text):
            if let int = Int64(text) { return .int(int) }
            return Double(text).map { .double($0) }
        case .array(let elements): return .array(elements.compactMap(attributeValue))
        }
    }

    /// Milliseconds as written on a line ("12.345") to nanoseconds, exactly for plain decimals.
    static func nanoseconds(milliseconds text: String) -> UInt64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count <= 2, let whole = UInt64(parts[0]), parts.count == 1 || parts[1].allSatisfy(\.isASCII) {
            var fraction: UInt64 = 0
            if parts.count == 2 {
                let digits = parts[1].prefix(6)
                guard let value = UInt64(digits) else { return fallback(text) }
                fraction = value
                for _ in digits.count..<6 { fraction *= 10 }
            }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1_000_000)
            return overflow ? .max : scaled &+ fraction
        }
        return fallback(text)
    }

    private static func fallback(_ text: String) -> UInt64? {
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        let nanos = value * 1_000_000
        return nanos >= Double(UInt64.max) ? .max : UInt64(nanos)
    }
}

/// The keys the contract owns, told apart by their bytes so other keys are the only ones that
/// become strings.
enum RequiredKey {
    case timestamp, level, span, traceID, spanID, parentSpanID, durationMilliseconds, event, error
    case other(String)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        func matches(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == bytes.count
                && (0..<bytes.count).allSatisfy { bytes[$0] == literal.utf8Start[$0] }
        }
        switch bytes.count {
        case 4 where matches("span"): self = .span
        case 5 where matches("level"): self = .level
        case 5 where matches("event"): self = .event
        case 5 where matches("error"): self = .error
        case 7 where matches("span_id"): self = .spanID
        case 8 where matches("trace_id"): self = .traceID
        case 9 where matches("timestamp"): self = .timestamp
        case 11 where matches("duration_ms"): self = .durationMilliseconds
        case 14 where matches("parent_span_id"): self = .parentSpanID
        default: self = .other(String(decoding: bytes, as: UTF8.self))
        }
    }

    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { RequiredKey($0) }
    }

    var name: String {
        switch self {
        case .timestamp: "timestamp"
        case .level: "level"
        case .span: "span"
        case .traceID: "trace_id"
        case .spanID: "span_id"
        case .parentSpanID: "parent_span_id"
        case .durationMilliseconds: "duration_ms"
        case .event: "event"
        case .error: "error"
        case .other(let name): name
        }
    }
}

extension ScannedJSON {
    var isNull: Bool { if case .null = self { true } else { false } }
}
