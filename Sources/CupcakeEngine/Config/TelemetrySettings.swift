/// The rulebook's `telemetry:` section (upstream's keys): a record of every evaluation written to
/// a directory for a log shipper or SIEM, as JSON lines or as text.
package struct TelemetrySettings: Sendable, Equatable {
    package enum Format: String, Sendable {
        /// The hook's trace lines, one JSON object per line.
        case json
        /// The span waterfall, the event and the lines, as `--debug-files` writes them.
        case text
    }

    /// Off unless `enabled: true`.
    package var enabled = false
    package var format = Format.json
    /// Where records go; relative to the policy directory; `telemetry/` there when absent.
    package var destination: String?

    package init(enabled: Bool = false, format: Format = .json, destination: String? = nil) {
        self.enabled = enabled
        self.format = format
        self.destination = destination
    }

    /// The directory records go to, for a policy directory.
    package func directory(policyDirectory: String) -> String {
        guard let destination, !destination.isEmpty else { return policyDirectory + "/telemetry" }
        return destination.hasPrefix("/") ? destination : policyDirectory + "/" + destination
    }
}
