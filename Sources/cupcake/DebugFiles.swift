import CupcakeEngine
import CupcakeTrace
import CupcakeTraceTools
import Foundation

/// `cupcake eval --debug-files` (upstream's flag): one record per evaluation in the policy
/// directory's `debug/` (or `--debug-dir`): the trace of the hook (every category, payload fields
/// included) as a span waterfall, the event as received, and the trace's JSON lines. The newest `keep` records are kept.
enum DebugFiles {
    static let keep = 100

    /// A tracer that records everything for the debug file, and still writes to stderr what
    /// `CUPCAKE_TRACE` or `--trace` asked for (then with every category too).
    static func tracer(environment: [String: String], categoriesOverride: String?, otlpOverride: String?) -> (Tracer, InMemorySink) {
        let capture = InMemorySink()
        let asked = categoriesOverride ?? environment["CUPCAKE_TRACE"] ?? ""
        let toStderr = !asked.isEmpty && asked.lowercased() != "off"
        let sink: any Sink = toStderr ? TeeSink([BackgroundFileDescriptorSink.standardError, capture]) : capture
        var forced = environment
        forced["CUPCAKE_TRACE_SAMPLE"] = nil  // a debug record is wanted for every hook
        let tracer = Tracer.fromEnvironment(forced, base: .pipeline, categoriesOverride: "all,payload", otlpOverride: otlpOverride, sink: sink)
        return (tracer, capture)
    }

    /// Writes the record of the captured lines into `directory` and drops the oldest beyond
    /// `keep`. A failure is reported on stderr and never changes the hook's answer.
    /// The most records the telemetry directory keeps (a shipper normally takes them first).
    static let keepTelemetry = 10_000

    /// The rulebook's `telemetry:` record: the trace's JSON lines (`json`) or the debug record's
    /// text (`text`), one file per hook.
    static func writeTelemetry(_ lines: [String], event: [UInt8], settings: TelemetrySettings, to directory: String) {
        switch settings.format {
        case .text:
            write(lines, event: event, to: directory, keep: keepTelemetry)
        case .json:
            let traceID = lines.lazy.compactMap { Array($0.utf8).withUnsafeBufferPointer { TraceRecord.parse($0) }?.traceID }.first
            let name = fileName(Date(), traceID: traceID ?? "no-trace").replacingOccurrences(of: ".txt", with: ".json")
            store(lines.joined(separator: "\n") + "\n", name: name, in: directory, keep: keepTelemetry)
        }
    }

    static func write(_ lines: [String], event: [UInt8], to directory: String, keep: Int = keep) {
        let bytes = lines.joined(separator: "\n")
        var grouper = TraceGrouper()
        var groups: [TraceGroup] = []
        for line in lines {
            let record = Array(line.utf8).withUnsafeBufferPointer { TraceRecord.parse($0) }
            if let record { groups += grouper.add(record) }
        }
        groups += grouper.finish()
        let traceID = groups.first?.traceID ?? "no-trace"
        let renderer = WaterfallRenderer(width: 100, colour: false)
        var text = "===== Cupcake debug record \(timestamp(Date())) trace \(traceID) =====\n\n"
        for group in groups { text += renderer.render(group) + "\n" }
        // The event as the agent sent it (its first 64 KiB), as upstream's records begin with it.
        let shown = event.prefix(64 << 10)
        text += "----- event (\(event.count) bytes\(shown.count < event.count ? ", the first \(shown.count)" : "")) -----\n"
        text += String(decoding: shown, as: UTF8.self) + "\n"
        text += "\n----- trace lines -----\n" + bytes + "\n"
        store(text, name: fileName(Date(), traceID: traceID), in: directory, keep: keep)
    }

    /// Writes one record atomically and drops the oldest beyond `keep`; a failure is reported on
    /// stderr and never changes the hook's answer.
    static func store(_ text: String, name: String, in directory: String, keep: Int) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
            rotate(directory, keep: keep)
        } catch {
            Output.stderr("cupcake eval: cannot write a record in \(directory): \(error.localizedDescription)")
        }
    }

    /// Removes the oldest records (by name, which starts with the time) beyond `keep`.
    static func rotate(_ directory: String, keep: Int) {
        let records = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".json")) && $0.first?.isNumber == true }.sorted()
        for name in records.dropLast(keep) { try? FileManager.default.removeItem(atPath: directory + "/" + name) }
    }

    /// `2026-12-06_13-05-09.123456_<trace id>.txt`: UTC, sortable, unique per trace.
    static func fileName(_ date: Date, traceID: String) -> String {
        timestamp(date).replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "T", with: "_") + "_\(traceID).txt"
    }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        formatter.timeZone = TimeZone(identifier: "UTC") ?? .current
        return date.formatted(formatter).replacingOccurrences(of: "Z", with: "")
    }
}
