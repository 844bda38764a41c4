import CupcakeTrace
import CupcakeTraceTools
import CupcakeCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cupcake trace view` and `cupcake trace export`: reading saved trace lines.
enum TraceCommand {
    static let help = """
        usage: cupcake trace view [FILE|-] [--trace-id ID] [--session ID] [--slowest N] [--summary]
               cupcake trace export --format chrome|otlp [FILE|-]

        view     draws each evaluation as a span tree with a waterfall bar per span, its decision
                 and its slowest span (marked *). Lines that are not trace lines are skipped and
                 counted; a trace without its root line is shown marked INCOMPLETE.
                 --trace-id ID   only this trace
                 --session ID    only evaluations of this Claude Code session_id
                 --slowest N     only the N slowest evaluations, slowest first
                 --summary       per span name: count, p50, p95 and max duration instead of trees
                 Width: $COLUMNS, else the terminal's, else 100. Colour when stdout is a terminal
                 and NO_COLOR is unset.
        export   --format chrome: the Trace Event Format (JSON) on stdout, for Perfetto
                 (ui.perfetto.dev) and chrome://tracing; one process track per trace.
                 --format otlp: OTLP/JSON requests, one per line (the OpenTelemetry
                 Collector's file format), on stdout.

        FILE is read in a streaming fashion; without FILE, or with -, stdin is read.
        """

    static func run(_ words: [String]) -> ExitCode {
        switch words.first {
        case "view": return view(Array(words.dropFirst()))
        case "export": return export(Array(words.dropFirst()))
        case "help", "--help", "-h":
            Output.stdout(help + "\n")
            return .success
        case nil:
            Output.stderr("cupcake trace: missing subcommand (view or export)\n\(help)")
            return .usage
        case let other?:
            Output.stderr("cupcake trace: unknown subcommand \(other)\n\(help)")
            return .usage
        }
    }

    // MARK: view

    private static func view(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse(
            "trace view", words, valueFlags: ["--trace-id", "--session", "--slowest"], switchFlags: ["--summary"],
            help: help)
        {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        var slowest: Int?
        if let text = arguments.values["--slowest"] {
            guard let count = Int(text), count > 0, count <= 100_000 else {
                Output.stderr("cupcake trace view: --slowest needs a whole number from 1 to 100000, not \(text)")
                return .usage
            }
            slowest = count
        }
        let session = arguments.values["--session"]
        let summaryOnly = arguments.switches.contains("--summary")
        let reader: LineReader
        switch openInput("trace view", arguments) {
        case .success(let opened): reader = opened
        case .failure(let code): return code
        }
        let renderer = WaterfallRenderer(width: terminalWidth(), colour: useColour())
        var stream = TraceStream(reader: reader, traceID: arguments.values["--trace-id"])
        var summary = SpanSummary()
        var kept: [TraceGroup] = []  // the slowest N so far, slowest first
        var shown = 0
        stream.run { group in
            if let session, group.rootText("session_id") != session { return }
            if summaryOnly {
                for record in group.records { summary.add(record) }
                shown += 1
                return
            }
            if let slowest {
                let position = kept.firstIndex(where: { $0.durationMicros < group.durationMicros }) ?? kept.count
                if position < slowest {
                    kept.insert(group, at: position)
                    if kept.count > slowest { kept.removeLast() }
                }
                return
            }
            Output.stdout((shown > 0 ? "\n" : "") + renderer.render(group))
            shown += 1
        }
        if summaryOnly {
            if shown > 0 { Output.stdout(summary.render()) }
        } else if slowest != nil {
            for (index, group) in kept.enumerated() { Output.stdout((index > 0 ? "\n" : "") + renderer.render(group)) }
            shown = kept.count
        }
        var note = "cupcake trace view: \(shown) trace\(shown == 1 ? "" : "s") shown"
        if stream.skippedLines > 0 { note += ", \(stream.skippedLines) line\(stream.skippedLines == 1 ? "" : "s") skipped (not trace lines)" }
        Output.stderr(note)
        return readFailed("trace view", stream.readError) ? .badInput : .success
    }

    // MARK: export

    private static func export(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse("trace export", words, valueFlags: ["--format"], switchFlags: [], help: help) {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        let otlp: Bool
        switch arguments.values["--format"] {
        case "chrome": otlp = false
        case "otlp": otlp = true
        case nil:
            Output.stderr("cupcake trace export: --format is required (chrome or otlp)\n\(help)")
            return .usage
        case let other?:
            Output.stderr("cupcake trace export: unknown --format \(other); use chrome or otlp")
            return .usage
        }
        let reader: LineReader
        switch openInput("trace export", arguments) {
        case .success(let opened): reader = opened
        case .failure(let code): return code
        }
        if otlp { return exportOTLP(reader) }
        var stream = TraceStream(reader: reader)
        var writer = ChromeTraceWriter(sink: FileDescriptorSink(fileDescriptor: 1))
        stream.run(until: { writer.failed }) { writer.write($0) }
        let written = writer.finish()
        if stream.skippedLines > 0 {
            Output.stderr("cupcake trace export: \(stream.skippedLines) line\(stream.skippedLines == 1 ? "" : "s") skipped (not trace lines)")
        }
        if !written {
            Output.stderr("cupcake trace export: stdout could not be written (its reader went away or the disk is full)")
            return .badInput
        }
        return readFailed("trace export", stream.readError) ? .badInput : .success
    }

    /// `--format otlp`: the OpenTelemetry Collector's file format on stdout (one OTLP/JSON
    /// request per line), written by the OTLP file exporter from the file's records.
    private static func exportOTLP(_ input: LineReader) -> ExitCode {
        let exporter: OTLPFileExporter
        do {
            exporter = try OTLPFileExporter(path: "/dev/stdout")
        } catch {
            Output.stderr("cupcake trace export: stdout cannot be opened for OTLP output: \(error)")
            return .badInput
        }
        var stream = TraceStream(reader: input)
        stream.run(record: { record in
            if let item = OTLPItem(record) { exporter.add(item) }
        }, group: { _ in })
        let written = exporter.flush(timeout: 0) && exporter.droppedSpanCount == 0
        if stream.skippedLines > 0 {
            Output.stderr("cupcake trace export: \(stream.skippedLines) line\(stream.skippedLines == 1 ? "" : "s") skipped (not trace lines)")
        }
        if !written {
            Output.stderr("cupcake trace export: stdout could not be written (its reader went away or the disk is full)")
            return .badInput
        }
        return readFailed("trace export", stream.readError) ? .badInput : .success
    }

    // MARK: shared

    /// A reader of FILE, or of stdin for `-` or no FILE.
    private static func openInput(_ command: String, _ arguments: Arguments) -> Result<LineReader, ExitCode> {
        guard arguments.positional.count <= 1 else {
            Output.stderr("cupcake \(command): one input file at most, got \(arguments.positional.count)\n\(help)")
            return .failure(.usage)
        }
        guard let path = arguments.positional.first, path != "-" else {
            return .success(LineReader(fileDescriptor: 0))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            Output.stderr("cupcake \(command): \(path): \(systemErrorText(errno))")
            return .failure(.badInput)
        }
        // The descriptor stays open until the process exits: one file per command.
        return .success(LineReader(fileDescriptor: descriptor))
    }

    private static func readFailed(_ command: String, _ error: Int32?) -> Bool {
        guard let error else { return false }
        Output.stderr("cupcake \(command): reading stopped early: \(systemErrorText(error))")
        return true
    }

    /// `COLUMNS`, else the terminal's width, else 100.
    static func terminalWidth() -> Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }

    /// Colour only on a terminal, and never when NO_COLOR is set to anything non-empty.
    static func useColour() -> Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(1) == 1
    }
}
