import CupcakeEngine

/// `cupcake validate`: the mistakes of a policy directory, before the first hook meets them.
enum ValidateCommand {
    static let help = """
        usage: cupcake validate [--policy-dir D] [--harness claude|cursor|factory|opencode] [--json]

        Checks a policy directory (default .cupcake: rulebook.yml, policies/<harness>/, signals/,
        actions/) without running anything: METADATA routing (missing, malformed, events the harness
        never sends, unknown tools, signals nobody defines, routing that matches nothing), decision
        rules the aggregator would not collect or decisions without rule_id and reason, and the
        rulebook (unknown keys, builtins and options). Without --harness, every harness directory
        under policies/ is checked. Each finding names its file and line.

        --json prints one object: version, policy_directory, harnesses, files_checked,
        counts {files, errors, warnings}, valid, and findings [{severity, kind, file, line, message}]
        (line is null when the problem has none).

        Exit codes: 0 no errors (warnings allowed), 1 errors found, 64 bad command line,
        66 policy directory missing.
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse("validate", words, valueFlags: ["--policy-dir", "--harness"], switchFlags: ["--json"], help: help) {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        let harness: Harness?
        switch CommandSetup.harness("validate", arguments) {
        case .success(let named): harness = named
        case .failure(let code): return code
        }
        let report: ValidationReport
        do {
            report = try ProjectValidator.validate(policyDirectory: arguments.values["--policy-dir"] ?? ".cupcake", harness: harness)
        } catch {
            Output.stderr("cupcake validate: \(error)")
            return .noPolicyDirectory
        }
        Output.stdout(arguments.switches.contains("--json") ? ValidationOutput.json(report) : ValidationOutput.text(report))
        return report.errorCount > 0 ? .validationFailed : .success
    }
}
