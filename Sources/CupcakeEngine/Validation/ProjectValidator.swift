import Foundation

/// `cupcake validate`: every problem of a policy directory that can be found before the first
/// hook, each naming its file and line. Reads no bundle and runs nothing; hostile files are
/// bounded by the limits discovery uses.
package enum ProjectValidator {
    /// Checks rulebook.yml, `signals/`, `actions/` and the .rego files of `harness`, or (nil) of
    /// every harness with a directory under `policies/`, where anything else is reported too.
    /// Throws only when `policyDirectory` is not a directory.
    package static func validate(policyDirectory: String, harness: Harness?) throws(EngineError) -> ValidationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: policyDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .policyDirectoryMissing(policyDirectory)
        }
        let base = policyDirectory.count > 1 && policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
        var files: [String] = []
        let (rulebook, rulebookFindings) = RulebookFindings.load(policyDirectory: policyDirectory)
        var findings = rulebookFindings
        if FileManager.default.fileExists(atPath: base + "/rulebook.yml") { files.append(base + "/rulebook.yml") }
        // Unknown when the rulebook is refused: then no warning rests on it.
        let hasBuiltins = rulebook.map { !$0.builtins.enabled.isEmpty } ?? true
        let harnesses = harness.map { [$0] } ?? Harness.withPolicyDirectory(in: base)
        if harness == nil { findings += layoutFindings(base, harnesses: harnesses, hasBuiltins: hasBuiltins) }
        for harness in harnesses {
            let root = base + "/policies/" + harness.rawValue
            let walked: (files: [String], warnings: [String], identities: [String: FileIdentity])
            do {
                walked = try PolicyTreeWalk.regoFiles(under: root, harness: harness.rawValue)
            } catch {
                findings.append(PolicyFileCheck.finding(for: error))
                continue
            }
            for warning in walked.warnings {
                let (file, message) = split(warning, under: root) ?? (root, warning)
                if file == root {
                    // A named harness without policies: no mistake when builtins do the work.
                    if !hasBuiltins { findings.append(ValidationFinding(.warning, .policyLayout, file: file, line: nil, message)) }
                } else {
                    findings.append(ValidationFinding(.warning, .fileUnreadable, file: file, line: nil, message))
                }
            }
            if !walked.files.isEmpty { findings += aggregatorFindings(base, harness: harness) }
            let check = PolicyFileCheck(harness: harness, signals: rulebook.map { Set($0.signals.keys) })
            for path in walked.files {
                files.append(path)
                switch BundleFileIO.read(path, limit: PolicyDiscovery.maxPolicyBytes) {
                case .success(let bytes):
                    findings += check.findings(path: path, source: String(decoding: bytes, as: UTF8.self))
                case .failure(.tooLarge):
                    findings.append(ValidationFinding(.error, .fileUnreadable, file: path, line: nil,
                        "larger than the \(PolicyDiscovery.maxPolicyBytes)-byte limit, so the engine skips it"))
                case .failure(let failure):
                    findings.append(ValidationFinding(.error, .fileUnreadable, file: path, line: nil,
                        "cannot read the file (\(failure)), so the engine skips it"))
                }
            }
        }
        // A file several harnesses share (system/evaluate.rego) is reported once.
        var seen: [ValidationFinding] = []
        findings = findings.filter { finding in
            if seen.contains(finding) { return false }
            seen.append(finding)
            return true
        }
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.file, a.element.line ?? 0, a.offset) < (b.element.file, b.element.line ?? 0, b.offset)
        }.map(\.element)
        return ValidationReport(policyDirectory: policyDirectory, harnesses: harnesses, filesChecked: files, findings: ordered)
    }

    /// The aggregator of a harness with policies: missing (unless a prebuilt bundle carries it),
    /// or not the standard one (routed evaluation then never applies).
    static func aggregatorFindings(_ base: String, harness: Harness) -> [ValidationFinding] {
        let sources = PolicyLayer.aggregatorSources(directory: base, harness: harness.rawValue)
        guard !sources.isEmpty else {
            if FileManager.default.fileExists(atPath: base + "/bundles/\(harness.rawValue).tar.gz") { return [] }
            return [ValidationFinding(.error, .aggregator, file: base + "/system/evaluate.rego", line: nil,
                "no aggregator: the policies of \(harness.rawValue) cannot be compiled without package cupcake.system "
                    + "(`cupcake init` writes the standard one)")]
        }
        switch AggregatorRecognizer.recognize(sources) {
        case .success: return []
        case .failure(let notStandard):
            // The reason starts with the file it is about, which the finding names already.
            var reason = notStandard.reason
            for source in sources where reason.hasPrefix(source.path + ": ") { reason.removeFirst(source.path.count + 2) }
            return [ValidationFinding(.warning, .aggregator, file: sources[0].path, line: nil,
                "not the standard aggregator (\(reason)): every policy is evaluated on every routed event, "
                    + "never the routed ones alone")]
        }
    }

    /// Entries of `policies/` no harness reads, or no harness directory at all.
    static func layoutFindings(_ base: String, harnesses: [Harness], hasBuiltins: Bool) -> [ValidationFinding] {
        let policies = base + "/policies"
        let names = Harness.allCases.map(\.rawValue)
        var findings: [ValidationFinding] = []
        if case .success(let entries) = BundleFileIO.list(policies) {
            for entry in entries where !entry.hasPrefix(".") && !names.contains(entry) {
                findings.append(ValidationFinding(.warning, .policyLayout, file: policies + "/" + entry, line: nil,
                    "not read: policies go in policies/<harness>/ for the harnesses \(names.joined(separator: ", "))"
                        + NameSuggestion.hint(for: entry, in: names)))
            }
        }
        if harnesses.isEmpty && !hasBuiltins {
            findings.append(ValidationFinding(.warning, .policyLayout, file: policies, line: nil,
                "no policies/<harness>/ directory (\(names.joined(separator: ", "))) and no builtin enabled: nothing would be evaluated"))
        }
        return findings
    }

    /// `<path>: message` split after `path`, which lies under `directory`; nil for other text.
    static func split(_ text: String, under directory: String) -> (file: String, message: String)? {
        guard text.hasPrefix(directory) else { return nil }
        let rest = text.dropFirst(directory.count)
        guard let colon = rest.range(of: ": ") else { return nil }
        return (directory + rest[..<colon.lowerBound], String(rest[colon.upperBound...]))
    }
}
