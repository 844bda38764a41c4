import CupcakeEngine
import CupcakeTrace

/// The pipeline's vocabulary with the settings tests vary.
extension TraceConfiguration {
    func sampled(_ rate: Double) -> TraceConfiguration {
        var configuration = self
        configuration.sampleRate = min(1, max(0, rate))
        return configuration
    }

    func exporting(to exporters: [any SpanExporter]) -> TraceConfiguration {
        var configuration = self
        configuration.exporters = exporters
        return configuration
    }
}
