import Foundation
@testable import CupcakeEngine

/// A scratch policy directory for validation tests, removed when the value goes.
struct ValidationProject: ~Copyable {
    let directory = NSTemporaryDirectory() + "cupcake-validate-\(UUID().uuidString)"

    /// Writes `text` at `relative` under the directory; `executable` for signal scripts.
    func write(_ relative: String, _ text: String, executable: Bool = false) throws {
        try write(relative, Data(text.utf8), executable: executable)
    }

    func write(_ relative: String, _ data: Data, executable: Bool = false) throws {
        let path = directory + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
    }

    /// A Claude Code policy in `policies/claude/<name>.rego`.
    func policy(_ name: String, _ text: String) throws {
        try write("policies/claude/\(name).rego", text)
    }

    /// Validates; the standard aggregator is written first unless the project has one or
    /// `aggregator` is false.
    func validate(_ harness: Harness? = .claude, aggregator: Bool = true) throws -> ValidationReport {
        if aggregator, !FileManager.default.fileExists(atPath: path("system/evaluate.rego")) {
            try write("system/evaluate.rego", SetupTemplates.aggregator)
        }
        return try ProjectValidator.validate(policyDirectory: directory, harness: harness)
    }

    /// The path a finding names for `relative`.
    func path(_ relative: String) -> String { directory + "/" + relative }

    /// A policy whose METADATA routing is `routing` (lines 5 on, each without the `#     ` prefix)
    /// and whose rules are `rules`; the package line follows the routing.
    static func rego(routing: [String], rules: String = standardDeny) -> String {
        (["# METADATA", "# custom:", "#   id: T-1", "#   routing:"] + routing.map { "#     " + $0 }
            + ["package cupcake.policies.t", "", "import rego.v1", ""]).joined(separator: "\n") + "\n" + rules
    }

    static let standardDeny = """
        deny contains decision if {
        	input.tool_name == "Bash"
        	decision := {"rule_id": "T-1", "reason": "no"}
        }

        """

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

extension ValidationReport {
    /// The findings of one kind as "severity file:line" ("-" for no line).
    func places(_ kind: ValidationFinding.Kind) -> [String] {
        findings.filter { $0.kind == kind }.map { "\($0.severity.rawValue) \($0.file):\($0.line.map(String.init) ?? "-")" }
    }

    func messages(_ kind: ValidationFinding.Kind) -> [String] {
        findings.filter { $0.kind == kind }.map(\.message)
    }
}
