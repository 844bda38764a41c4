import CupcakeEngine

/// How `cupcake validate` prints a report: compiler-style lines for people, one JSON object for tools.
enum ValidationOutput {
    /// `file:line: severity: message [kind]` per finding, then a summary line.
    static func text(_ report: ValidationReport) -> String {
        var lines = report.findings.map { finding in
            let place = finding.line.map { "\(finding.file):\($0)" } ?? finding.file
            return "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.kind.rawValue)]"
        }
        let harnesses = report.harnesses.isEmpty ? "no harness" : report.harnesses.map(\.rawValue).joined(separator: ", ")
        let outcome = report.findings.isEmpty ? "no problems"
            : "\(counted(report.errorCount, "error")), \(counted(report.warningCount, "warning"))"
        lines.append("checked \(counted(report.filesChecked.count, "file")) (\(harnesses)): \(outcome)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The documented object (see `ValidateCommand.help`), on one line.
    static func json(_ report: ValidationReport) -> String {
        let findings: [JSONValue] = report.findings.map { finding in
            [
                "severity": .string(finding.severity.rawValue), "kind": .string(finding.kind.rawValue),
                "file": .string(finding.file), "line": finding.line.map { .int(Int64($0)) } ?? .null,
                "message": .string(finding.message),
            ]
        }
        let object: JSONValue = [
            "version": 1,
            "policy_directory": .string(report.policyDirectory),
            "harnesses": .array(report.harnesses.map { .string($0.rawValue) }),
            "files_checked": .array(report.filesChecked.map { .string($0) }),
            "counts": [
                "files": .int(Int64(report.filesChecked.count)), "errors": .int(Int64(report.errorCount)),
                "warnings": .int(Int64(report.warningCount)),
            ],
            "valid": .bool(report.errorCount == 0),
            "findings": .array(findings),
        ]
        return object.jsonString + "\n"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
