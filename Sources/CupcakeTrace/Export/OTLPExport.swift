import Synchronization

/// Where OTLP export goes, as `CUPCAKE_TRACE_OTLP` or the CLI flag names it.
package enum OTLPDestination: Sendable, Hashable {
    /// `file:<path>`: the Collector's file format, one request per line.
    case file(path: String)
    /// `http://host:port[/base]`: OTLP/HTTP with JSON bodies.
    case http(OTLPEndpoint)

    /// Parses `file:<path>` or `http://host:port`.
    package init(_ text: String) throws(TraceSinkError) {
        let trimmed = String(Substring(text).trimmingWhitespace())
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("file:") {
            var path = String(trimmed.dropFirst("file:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }  // file:///tmp/x is /tmp/x too
            guard !path.isEmpty else { throw .emptyFilePath }
            self = .file(path: path)
        } else if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            self = .http(try OTLPEndpoint(trimmed))
        } else {
            throw .unknownDestination(trimmed)
        }
    }
}

/// Sets up OTLP export and flushes it before the process exits.
package enum OTLPExport {
    /// The environment variable naming the export destination.
    package static let environmentVariable = "CUPCAKE_TRACE_OTLP"

    private static let active = Mutex<[any SpanExporter]>([])
    private static let spoolDelivery = Mutex<OTLPSpoolDeliveryConfiguration?>(nil)

    /// Makes later `http://` exporters spool their batches for a separate delivery process
    /// instead of sending them from this process (nil: send from a background thread here, the
    /// default, for long-lived processes). A short-lived process sets this before tracing starts,
    /// so exiting never waits on the network.
    package static func deliverHTTPThroughSpool(_ configuration: OTLPSpoolDeliveryConfiguration?) {
        spoolDelivery.withLock { $0 = configuration }
    }

    /// The exporter for `destination`, registered so ``flushAll(timeout:)`` reaches it.
    package static func makeExporter(
        for destination: OTLPDestination, encoder: OTLPEncoder = OTLPEncoder()
    ) throws(TraceSinkError) -> any SpanExporter {
        let exporter: any SpanExporter
        switch destination {
        case .file(let path):
            exporter = try OTLPFileExporter(path: path, encoder: encoder)
        case .http(let endpoint):
            if let spooling = spoolDelivery.withLock({ $0 }) {
                let spool = OTLPSpool(
                    directory: OTLPSpoolLocation.directory(root: spooling.root, endpoint: endpoint), maxBytes: spooling.maxBytes)
                exporter = OTLPSpoolExporter(spool: spool, encoder: encoder) { spool in spooling.startDelivery(spool, endpoint) }
            } else {
                exporter = OTLPExporter(endpoint: endpoint, encoder: encoder)
            }
        }
        active.withLock { $0.append(exporter) }
        return exporter
    }

    /// The exporter the environment asks for: `override` (the CLI flag), else
    /// `CUPCAKE_TRACE_OTLP`, else OpenTelemetry's own variables, as the SDKs read them; none when
    /// none is set. A destination that cannot be used gives a warning to log instead.
    package static func configured(
        environment: [String: String], override: String? = nil, encoder: OTLPEncoder = OTLPEncoder()
    ) -> (exporter: (any SpanExporter)?, warnings: [String]) {
        guard let text = override ?? environment[environmentVariable],
            !Substring(text).trimmingWhitespace().isEmpty
        else {
            guard let destination = OTelEnvironment.destination(environment) else { return (nil, []) }
            return (try? makeExporter(for: destination, encoder: encoder), [])
        }
        do {
            return (try makeExporter(for: OTLPDestination(text), encoder: encoder), [])
        } catch {
            let source = override == nil ? environmentVariable : "--trace-otlp"
            return (nil, ["\(source): \(error); OTLP export is off"])
        }
    }

    /// Flushes every exporter made by ``makeExporter(for:encoder:)``, sharing one deadline: call
    /// it once before the process exits. Returns true when everything was handed on in time.
    @discardableResult
    package static func flushAll(timeout: Double) -> Bool {
        let exporters = active.withLock { $0 }
        return MonotonicDeadline.flushEach(within: timeout, exporters.map { exporter in { exporter.flush(timeout: $0) } })
    }
}
