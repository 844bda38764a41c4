/// Where OTLP/HTTP export sends requests: `POST <endpoint>/v1/traces`.
package struct OTLPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https`: requests go over TLS, the server's certificate verified.
    package let usesTLS: Bool
    package let host: String
    package let port: UInt16
    /// The request path: the endpoint's own path (if any) followed by `/v1/traces`.
    package let path: String

    /// The port OTLP/HTTP collectors listen on by default.
    package static let defaultPort: UInt16 = 4318

    /// Parses `http://host[:port][/base]` or `https://…` (an IPv6 host in brackets).
    /// With `exactPath`, the URL's path is the request path as given (OpenTelemetry's
    /// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), `/` when it has none.
    package init(_ text: String, exactPath: Bool = false) throws(TraceSinkError) {
        var rest = Substring(text.trimmingWhitespace())
        let secure = rest.lowercased().hasPrefix("https://")
        guard secure || rest.lowercased().hasPrefix("http://") else {
            throw .invalidEndpoint(text, reason: "expected http://host:port or https://host:port")
        }
        rest = rest.dropFirst(secure ? "https://".count : "http://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var base = String(rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" })
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidEndpoint(text, reason: "unclosed '[' in the IPv6 host")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidEndpoint(text, reason: "unexpected text after the host") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty, !host.contains("@"), host.allSatisfy({ !$0.isWhitespace }) else {
            throw .invalidEndpoint(text, reason: "missing or invalid host")
        }
        var port = Self.defaultPort
        if let portText {
            guard let value = UInt16(portText), value > 0 else {
                throw .invalidEndpoint(text, reason: "port must be a number from 1 to 65535")
            }
            port = value
        }
        self.usesTLS = secure
        self.host = String(host)
        self.port = port
        if exactPath {
            self.path = base.isEmpty ? "/" : base
        } else {
            while base.hasSuffix("/") { base.removeLast() }
            self.path = base + "/v1/traces"
        }
    }

    package var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(usesTLS ? "https" : "http")://\(shownHost):\(port)\(path)"
    }

    /// The endpoint as configured (without `/v1/traces`): parsing it gives this endpoint again.
    package var baseURL: String {
        description.hasSuffix("/v1/traces") ? String(description.dropLast("/v1/traces".count)) : description
    }

    /// What names the endpoint's spool directory: its base URL, as before exact paths existed.
    var spoolName: String { baseURL }
}
