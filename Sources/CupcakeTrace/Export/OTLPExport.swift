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

    private static let active = Mutex<[any Sink]>([])
    private static let spoolDelivery = Mutex<OTLPSpoolDeliveryConfiguration?>(nil)

    /// Makes later `http://` exporters spool their batches for a separate delivery process
    /// instead of sending them from this process (nil: send from a background thread here, the
    /// default, for long-lived processes). A short-lived process sets this before tracing starts,
    /// so exiting never waits on the network.
    package static func deliverHTTPThroughSpool(_ configuration: OTLPSpoolDeliveryConfiguration?) {
        spoolDelivery.withLock { $0 = configuration }
    }

    /// The sink for `destination`, registered so ``flushAll(timeout:)`` reaches it.
    package static func makeSink(
        for destination: OTLPDestination, encoder: OTLPEncoder = OTLPEncoder()
    ) throws(TraceSinkError) -> any Sink {
        let sink: any Sink
        switch destination {
        case .file(let path):
            sink = try OTLPFileSink(path: path, encoder: encoder)
        case .http(let endpoint):
            if let spooling = spoolDelivery.withLock({ $0 }) {
                let spool = OTLPSpool(
                    directory: OTLPSpoolLocation.directory(root: spooling.root, endpoint: endpoint), maxBytes: spooling.maxBytes)
                sink = OTLPSpoolSink(spool: spool) { spool in spooling.startDelivery(spool, endpoint) }
            } else {
                sink = OTLPHTTPSink(endpoint: endpoint, encoder: encoder)
            }
        }
        active.withLock { $0.append(sink) }
        return sink
    }

    /// The sink trace lines should go to: `primary` alone when no export is configured, else
    /// `primary` and the exporter together. `override` (the CLI flag) wins over the environment.
    /// A destination that cannot be used leaves `primary` alone and returns a warning to log.
    package static func configure(
        primary: any Sink, environment: [String: String], override: String? = nil,
        encoder: OTLPEncoder = OTLPEncoder()
    ) -> (sink: any Sink, warnings: [String]) {
        guard let text = override ?? environment[environmentVariable],
            !Substring(text).trimmingWhitespace().isEmpty
        else {
            // Else OpenTelemetry's own variables, as the SDKs read them.
            guard let destination = OTelEnvironment.destination(environment),
                  let exporter = try? makeSink(for: destination, encoder: encoder) else { return (primary, []) }
            return (TeeSink([primary, exporter]), [])
        }
        do {
            let exporter = try makeSink(for: OTLPDestination(text), encoder: encoder)
            return (TeeSink([primary, exporter]), [])
        } catch {
            let source = override == nil ? environmentVariable : "--trace-otlp"
            return (primary, ["\(source): \(error); OTLP export is off"])
        }
    }

    /// Flushes every exporter made by ``makeSink(for:encoder:)``, sharing one deadline: call it
    /// once before the process exits. Returns true when everything was handed on in time.
    @discardableResult
    package static func flushAll(timeout: Double) -> Bool {
        let sinks = active.withLock { $0 }
        return TeeSink(sinks).flush(timeout: timeout)
    }
}
