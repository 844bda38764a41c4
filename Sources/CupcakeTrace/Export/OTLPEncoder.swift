/// Writes OTLP/JSON `ExportTraceServiceRequest` bodies, as the OpenTelemetry protocol's JSON
/// encoding defines them: lowerCamelCase keys, hex trace and span ids, enums as integers, 64-bit
/// integers (times, `intValue`) as decimal strings. Hand-written for speed, like the trace lines.
package struct OTLPEncoder: Sendable {
    /// `service.name` of the resource.
    package let serviceName: String
    /// `service.version` of the resource, also the instrumentation scope's version.
    package let serviceVersion: String
    /// The request's opening up to the `spans` array: the same for every request.
    private let prefix: [UInt8]

    /// The version reported when the caller names none.
    package static let defaultServiceVersion = "0.1.0"
    /// OTLP `Span.SpanKind` SPAN_KIND_INTERNAL: every Cupcake span is in-process work.
    static let spanKindInternal = 1
    /// Arrays nested deeper than this are written empty (spans from trace files can nest).
    static let maxArrayDepth = 32
    /// OTLP `Status.StatusCode` STATUS_CODE_ERROR.
    static let statusCodeError = 2

    /// `serviceName` defaults to `OTEL_SERVICE_NAME`, else "cupcake".
    package init(serviceName: String = OTelEnvironment.serviceName(ProcessEnvironment.snapshot),
                serviceVersion: String = OTLPEncoder.defaultServiceVersion) {
        self.serviceName = serviceName
        self.serviceVersion = serviceVersion
        var writer = JSONLineWriter(capacity: 256)  // starts with "{"
        writer.buffer.append("\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"")
        writer.appendEscapedContent(serviceName, limit: .max)
        writer.buffer.append("\"}},{\"key\":\"service.version\",\"value\":{\"stringValue\":\"")
        writer.appendEscapedContent(serviceVersion, limit: .max)
        writer.buffer.append("\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"")
        writer.appendEscapedContent(serviceName, limit: .max)
        writer.buffer.append("\",\"version\":\"")
        writer.appendEscapedContent(serviceVersion, limit: .max)
        writer.buffer.append("\"},\"spans\":[")
        prefix = Array(writer.buffer.array.dropFirst())  // each request's writer opens its own "{"
    }

    /// One request holding `spans`, as a JSON object without a trailing newline.
    package func encodeRequest(_ spans: [OTLPSpan]) -> [UInt8] {
        encode(spans, newline: false)
    }

    /// One request holding `spans`, ending in `\n`: a line of the Collector's file format.
    package func encodeRequestLine(_ spans: [OTLPSpan]) -> [UInt8] {
        encode(spans, newline: true)
    }

    /// Each span as its OTLP/JSON object on a line of its own: the spool's batch format, which
    /// ``encodeRequest(spanLines:)`` wraps into requests without reading the spans back.
    package func encodeSpanLines(_ spans: [OTLPSpan]) -> [UInt8] {
        var writer = JSONLineWriter(capacity: 16 + spans.count * 400)
        writer.buffer.removeAll()  // no object of its own: just the spans' objects
        for span in spans {
            Self.appendSpan(span, to: &writer)
            writer.buffer.append(UInt8(ascii: "\n"))
        }
        return writer.buffer.array
    }

    /// One request holding the spans of `batches` (each ``encodeSpanLines(_:)`` output), and how
    /// many spans that is.
    package func encodeRequest(spanLines batches: [[UInt8]]) -> (body: [UInt8], spanCount: Int) {
        var writer = JSONLineWriter(capacity: prefix.count + 16 + batches.reduce(0) { $0 + $1.count })
        writer.buffer.append(prefix)
        var count = 0
        for batch in batches {
            for line in Self.spanLines(of: batch) {
                if count > 0 { writer.buffer.append(UInt8(ascii: ",")) }
                line.withUnsafeBufferPointer { writer.buffer.append($0) }
                count += 1
            }
        }
        writer.buffer.append("]}]}]}")
        return (writer.buffer.array, count)
    }

    /// The span objects of a batch in the spool's format (``encodeSpanLines(_:)``): its lines that
    /// are span objects this encoder wrote (a damaged or foreign file's other lines are left out of
    /// requests rather than sent to the collector, and not counted as spans).
    static func spanLines(of batch: [UInt8]) -> [ArraySlice<UInt8>] {
        batch.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).filter(isSpanLine)
    }

    private static func isSpanLine(_ line: ArraySlice<UInt8>) -> Bool {
        let opening: StaticString = "{\"traceId\":\""
        guard line.count > opening.utf8CodeUnitCount, line.last == UInt8(ascii: "}") else { return false }
        return zip(line, UnsafeBufferPointer(start: opening.utf8Start, count: opening.utf8CodeUnitCount)).allSatisfy { $0 == $1 }
    }

    private func encode(_ spans: [OTLPSpan], newline: Bool) -> [UInt8] {
        var writer = JSONLineWriter(capacity: prefix.count + 16 + spans.count * 400)
        writer.buffer.append(prefix)
        for (index, span) in spans.enumerated() {
            if index > 0 { writer.buffer.append(UInt8(ascii: ",")) }
            Self.appendSpan(span, to: &writer)
        }
        writer.buffer.append("]}]}]}")
        if newline { writer.buffer.append(UInt8(ascii: "\n")) }
        return writer.buffer.array
    }

    static func appendSpan(_ span: OTLPSpan, to writer: inout JSONLineWriter) {
        writer.buffer.append("{\"traceId\":\"")
        writer.appendHex(span.traceID)
        writer.buffer.append("\",\"spanId\":\"")
        writer.appendHex(span.spanID.rawValue)
        if let parent = span.parentSpanID {
            writer.buffer.append("\",\"parentSpanId\":\"")
            writer.appendHex(parent.rawValue)
        }
        writer.buffer.append("\",\"name\":\"")
        writer.appendEscapedContent(span.name, limit: .max)
        writer.buffer.append("\",\"kind\":1,\"startTimeUnixNano\":\"")
        writer.appendDecimal(span.startTimeUnixNano)
        writer.buffer.append("\",\"endTimeUnixNano\":\"")
        writer.appendDecimal(span.endTimeUnixNano)
        writer.buffer.append("\",\"attributes\":")
        appendAttributes(span.attributes, to: &writer)
        if !span.events.isEmpty {
            writer.buffer.append(",\"events\":[")
            for (index, event) in span.events.enumerated() {
                if index > 0 { writer.buffer.append(UInt8(ascii: ",")) }
                writer.buffer.append("{\"timeUnixNano\":\"")
                writer.appendDecimal(event.timeUnixNano)
                writer.buffer.append("\",\"name\":\"")
                writer.appendEscapedContent(event.name, limit: .max)
                writer.buffer.append("\",\"attributes\":")
                appendAttributes(event.attributes, to: &writer)
                writer.buffer.append(UInt8(ascii: "}"))
            }
            writer.buffer.append(UInt8(ascii: "]"))
        }
        if let message = span.errorMessage {
            writer.buffer.append(",\"status\":{\"code\":2,\"message\":\"")
            writer.appendEscapedContent(message, limit: .max)
            writer.buffer.append("\"}}")
        } else {
            writer.buffer.append(",\"status\":{}}")
        }
    }

    static func appendAttributes(_ attributes: [(key: String, value: OTLPValue)], to writer: inout JSONLineWriter) {
        writer.buffer.append(UInt8(ascii: "["))
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { writer.buffer.append(UInt8(ascii: ",")) }
            writer.buffer.append("{\"key\":\"")
            writer.appendEscapedContent(attribute.key, limit: .max)
            writer.buffer.append("\",\"value\":")
            appendValue(attribute.value, to: &writer, depth: 0)
            writer.buffer.append(UInt8(ascii: "}"))
        }
        writer.buffer.append(UInt8(ascii: "]"))
    }

    /// An `AnyValue` object. Nesting is bounded by the parser's depth cap; the check here keeps
    /// the encoder safe for spans built by hand too.
    static func appendValue(_ value: OTLPValue, to writer: inout JSONLineWriter, depth: Int) {
        switch value {
        case .string(let text):
            writer.buffer.append("{\"stringValue\":\"")
            writer.appendEscapedContent(text, limit: .max)
            writer.buffer.append("\"}")
        case .int(let int):
            writer.buffer.append("{\"intValue\":\"")
            writer.appendInteger(int)
            writer.buffer.append("\"}")
        case .double(let double):
            writer.buffer.append("{\"doubleValue\":")
            writer.appendDouble(double)
            writer.buffer.append(UInt8(ascii: "}"))
        case .bool(let flag):
            writer.buffer.append(flag ? "{\"boolValue\":true}" : "{\"boolValue\":false}")
        case .array(let elements):
            writer.buffer.append("{\"arrayValue\":{\"values\":[")
            if depth < Self.maxArrayDepth {
                for (index, element) in elements.enumerated() {
                    if index > 0 { writer.buffer.append(UInt8(ascii: ",")) }
                    appendValue(element, to: &writer, depth: depth + 1)
                }
            }
            writer.buffer.append("]}}")
        }
    }
}
