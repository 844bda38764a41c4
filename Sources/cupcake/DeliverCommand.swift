import CupcakeTrace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cupcake otlp-deliver`: the detached process a hook starts to send its spooled OTLP batches
/// (not listed in the help; hooks start it themselves).
enum DeliverCommand {
    static let help = """
        usage: cupcake otlp-deliver --spool D --endpoint http://host:port/v1/traces

        Sends the trace batches spooled in D to the OTLP/HTTP endpoint, oldest first, removing each
        once the collector accepted it; exits when D has stayed empty for 3 s, when requests have
        failed for 60 s, or at once when another otlp-deliver holds D. Hooks start it on their own.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse("otlp-deliver", words, valueFlags: ["--spool", "--endpoint"], switchFlags: [], help: help) {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        guard let directory = arguments.values["--spool"], let text = arguments.values["--endpoint"] else {
            Output.stderr("cupcake otlp-deliver: --spool and --endpoint are required\n\(help)")
            return .usage
        }
        let endpoint: OTLPEndpoint
        do {
            endpoint = try OTLPEndpoint(text, exactPath: true)
        } catch {
            Output.stderr("cupcake otlp-deliver: \(error)")
            return .usage
        }
        // The hook's working directory is the agent's project: do not keep it busy for the run.
        if directory.hasPrefix("/") { _ = chdir("/") }
        _ = OTLPSpoolDelivery(spool: OTLPSpool(directory: directory), endpoint: endpoint).run()
        return .success
    }
}
