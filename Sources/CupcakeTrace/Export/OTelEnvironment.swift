/// The standard OpenTelemetry SDK variables Cupcake honours for trace export, as the SDKs read
/// them: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the full URL) or `OTEL_EXPORTER_OTLP_ENDPOINT`
/// (a base, `/v1/traces` appended), `OTEL_EXPORTER_OTLP_TRACES_HEADERS` or
/// `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,…`, values percent-decoded),
/// `OTEL_EXPORTER_OTLP_(TRACES_)CERTIFICATE` (the CA for https), `OTEL_SERVICE_NAME`,
/// `OTEL_SDK_DISABLED` and `OTEL_TRACES_EXPORTER=none`.
package enum OTelEnvironment {
    /// The export destination the OTEL variables name, or nil: none set, SDK disabled, or not a
    /// URL Cupcake can send to (no warning: these variables are often set for other programs).
    static func destination(_ environment: [String: String]) -> OTLPDestination? {
        if environment["OTEL_SDK_DISABLED"]?.lowercased() == "true" { return nil }
        if let exporters = environment["OTEL_TRACES_EXPORTER"], exporters.lowercased().split(separator: ",").contains("none") {
            return nil
        }
        if let full = nonEmpty(environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]) {
            return (try? OTLPEndpoint(full, exactPath: true)).map(OTLPDestination.http)
        }
        if let base = nonEmpty(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]) {
            return (try? OTLPEndpoint(base)).map(OTLPDestination.http)
        }
        return nil
    }

    /// The extra request headers, validated: a name must be an HTTP token and a value must not
    /// hold control characters (no header can be smuggled into the request); others are dropped.
    package static func headers(_ environment: [String: String]) -> [(name: String, value: String)] {
        guard let text = nonEmpty(environment["OTEL_EXPORTER_OTLP_TRACES_HEADERS"]) ?? nonEmpty(environment["OTEL_EXPORTER_OTLP_HEADERS"])
        else { return [] }
        var headers: [(name: String, value: String)] = []
        for pair in text.split(separator: ",") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals].trimmingWhitespace())
            guard let value = percentDecoded(String(pair[pair.index(after: equals)...].trimmingWhitespace())),
                  isToken(name), value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { continue }
            headers.append((name, value))
        }
        return headers
    }

    /// `OTEL_SERVICE_NAME`, else "cupcake".
    package static func serviceName(_ environment: [String: String]) -> String {
        nonEmpty(environment["OTEL_SERVICE_NAME"]) ?? "cupcake"
    }

    /// The CA certificate file that server certificates must chain to
    /// (`OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE`, else `OTEL_EXPORTER_OTLP_CERTIFICATE`), else nil:
    /// the system's trust store.
    package static func certificateFile(_ environment: [String: String]) -> String? {
        nonEmpty(environment["OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE"]) ?? nonEmpty(environment["OTEL_EXPORTER_OTLP_CERTIFICATE"])
    }

    /// This process's CA certificate file, read once.
    static let processCertificateFile: String? = certificateFile(ProcessEnvironment.snapshot)

    /// The headers of this process's environment, read once.
    static let processHeaders: [(name: String, value: String)] = headers(ProcessEnvironment.snapshot)

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !Substring(text).trimmingWhitespace().isEmpty else { return nil }
        return String(Substring(text).trimmingWhitespace())
    }

    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// `%XX` escapes decoded; nil when an escape is broken or the result is not UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == 0x25 else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
