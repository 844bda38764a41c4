import Foundation

/// The project configuration (rulebook.yml, `signals/`, `actions/`) loaded as the engine loads
/// it, its error and warnings as findings.
enum RulebookFindings {
    /// The loaded rulebook (nil when the engine would refuse it) and the findings.
    static func load(policyDirectory: String) -> (rulebook: Rulebook?, findings: [ValidationFinding]) {
        let origin = ConfigFiles.displayName(ConfigFiles.absolute(policyDirectory) + "/rulebook.yml", in: policyDirectory)
        let rulebook: Rulebook
        do {
            rulebook = try Rulebook.load(policyDirectory: policyDirectory)
        } catch {
            return (nil, [finding(for: error)])
        }
        let findings = rulebook.warnings.map { warning(from: $0, origin: origin, policyDirectory: policyDirectory) }
        return (rulebook, findings)
    }

    static func finding(for error: ConfigError) -> ValidationFinding {
        let refused = "; the engine refuses to load this configuration until it is fixed"
        switch error {
        case .yaml(let problem):
            return ValidationFinding(.error, .rulebookSyntax, file: problem.location.origin, line: problem.location.line,
                                     problem.message + refused)
        case .invalid(let file, let line, let keyPath, let message):
            let kind: ValidationFinding.Kind = keyPath == "builtins" || keyPath.hasPrefix("builtins.") ? .builtinOption : .rulebookKey
            return ValidationFinding(.error, kind, file: file, line: line, "\(keyPath): \(message)" + refused)
        case .unreadable(let path, let reason):
            return ValidationFinding(.error, .fileUnreadable, file: path, line: nil, reason)
        case .globalDirectory(let path, _, let problem):
            return ValidationFinding(.error, .fileUnreadable, file: path, line: nil, problem)
        }
    }

    /// A loading warning (`<origin>:<line>: ...`, `builtins.<name>: ...` or `<path>: ...` for a
    /// file in signals/ or actions/) as a finding naming its file and line.
    static func warning(from text: String, origin: String, policyDirectory: String) -> ValidationFinding {
        if text.hasPrefix(origin + ":") {
            let rest = text.dropFirst(origin.count + 1)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
                return ValidationFinding(.warning, .rulebookKey, file: origin, line: line, String(rest.dropFirst(digits.count + 2)))
            }
            return ValidationFinding(.warning, .rulebookKey, file: origin, line: nil, String(rest.drop { $0 == " " }))
        }
        if text.hasPrefix("builtins.") {
            return ValidationFinding(.warning, .builtinOption, file: origin, line: nil, text)
        }
        // signals/ and actions/ files are named by absolute path; show them under the directory as given.
        let absolute = ConfigFiles.absolute(policyDirectory)
        if let (file, message) = ProjectValidator.split(text, under: absolute) {
            let base = policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
            return ValidationFinding(.warning, .configFile, file: base + file.dropFirst(absolute.count), line: nil, message)
        }
        return ValidationFinding(.warning, .configFile, file: origin, line: nil, text)
    }
}
