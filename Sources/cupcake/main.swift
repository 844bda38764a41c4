// cupcake: the policy engine as AI coding agents call it from their hooks.
import CupcakeTrace

#if canImport(Glibc)
import Glibc
#endif

let help = """
    usage: cupcake <command> [options]

    commands:
      init     put Cupcake into a project for an agent: .cupcake/ and the agent's hook settings
      eval     evaluate one hook event from stdin and print the harness's response
      verify   show the routing map, policies, signals and bundle of a policy directory
      validate check a policy directory for mistakes (routing, decision rules, rulebook) before any hook runs
      inspect  list the policies (id, package, events, tools, signals), builtins and bundle entrypoints
      trace    view saved trace lines as span trees (view), or convert them (export --format chrome|otlp)
      version  cupcake's version and the libwasmtime it is built for (also --version)
      help     this text

    `cupcake <command> --help` describes a command. Set CUPCAKE_TRACE=eval (or pass --trace) to
    get JSON trace lines on stderr.
    """

let words = Array(CommandLine.arguments.dropFirst())
// A hook process must not wait on a collector: OTLP/HTTP batches go to a spool on disk and a
// detached `cupcake otlp-deliver` sends them.
OTLPExport.deliverHTTPThroughSpool(DeliveryLauncher.configuration(environment: ProcessEnvironment.snapshot))
let status: ExitCode
switch words.first {
case "otlp-deliver":
    status = DeliverCommand.run(Array(words.dropFirst()))
case "eval":
    status = await EvalCommand.run(Array(words.dropFirst()))
case "verify":
    status = VerifyCommand.run(Array(words.dropFirst()))
case "init":
    status = InitCommand.run(Array(words.dropFirst()))
case "version", "--version", "-V":
    Output.stdout(VersionText.text)
    status = .success
case "validate":
    status = ValidateCommand.run(Array(words.dropFirst()))
case "inspect":
    status = InspectCommand.run(Array(words.dropFirst()))
case "trace":
    status = TraceCommand.run(Array(words.dropFirst()))
case "help", "--help", "-h":
    Output.stdout(help + "\n")
    status = .success
case nil:
    Output.stderr(help)
    status = .usage
case let other?:
    Output.stderr("cupcake: unknown command \(other)\n\(help)")
    status = .usage
}
// Nothing else is buffered: trace lines still queued for the background writer and
// OpenTelemetry exporters' batches are handed on (bounded), then the process leaves without
// running exit handlers (tearing down the wasmtime engine and Foundation costs milliseconds).
BackgroundFileDescriptorSink.flushAll(timeout: 1)
_ = OTLPExport.flushAll(timeout: 2)
_exit(status.rawValue)
