/// `sensitive_data_protection` (global configuration only): credentials, keys and secrets files
/// may not be read, searched for or printed. Deny on Claude Code, Factory and OpenCode (Read,
/// Grep, WebFetch, Glob patterns, shell commands that read them); halt on Cursor. Upstream's
/// patterns; `additional_patterns` (substrings, `*` as a wildcard) and `message` are honoured.
struct SensitiveDataProtection: RulebookBuiltin {
    static let key = "sensitive_data_protection"
    static let defaultMessage = "Access to potentially sensitive data blocked"

    static let pathContains = [
        ".env", "dotenv", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".ssh/config", "known_hosts", "authorized_keys",
        ".aws/credentials", ".aws/config", ".gcloud/", ".azure/", ".kube/config", "kubeconfig", ".docker/config.json",
        ".dockercfg", ".npmrc", ".pypirc", ".gem/credentials", ".m2/settings.xml", ".gradle/gradle.properties", "nuget.config",
        ".cargo/credentials", ".sqlite", ".db", "database.yml", "database.json", "connection.json", "cookie", "session",
        ".htpasswd", "wp-config.php", ".git-credentials", ".netrc", ".gitconfig", ".hgrc",
    ]
    static let nameContains = ["credential", "secret", "token", "apikey", "api_key", "api-key", "password", "passwd", "private", "auth"]
    static let suffixes = [".pem", ".key", ".p12", ".pfx", ".cer", ".crt", ".jks", ".keystore", ".ppk"]
    static let globWords = ["secret", "credential", "token", "password", ".env", ".key", ".pem", "apikey", "api_key", "id_", ".sqlite", ".db"]
    static let readVerbs: Set<String> = ["cat", "less", "more", "head", "tail", "grep", "awk", "sed", "strings", "xxd", "od", "base64", "bat", "nl"]
    static let commandIndicators = [
        ".env", "credential", "secret", "token", "password", "apikey", "api_key", ".pem", ".key", "id_rsa", ".aws/", ".ssh/",
        ".npmrc", ".pypirc", "cookie",
    ]
    static let secretCommands = [
        "security find-generic-password", "security find-internet-password", "security dump-keychain", "gpg --export",
        "ssh-add -l", "aws configure get", "gcloud auth print-access-token", "docker login", "git config --get",
        "keyring get", "secret-tool lookup",
    ]

    let name = key
    var message: String
    var additionalPatterns: [String]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> SensitiveDataProtection {
        SensitiveDataProtection(message: try options.string("message", default: defaultMessage),
                                additionalPatterns: try options.strings("additional_patterns"))
    }

    var inputConfig: JSONValue? {
        ["message": .string(message), "additional_patterns": .array(additionalPatterns.map(JSONValue.string))]
    }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor { return event.eventName == "beforeReadFile" || event.eventName == "beforeShellExecution" }
        guard event.isPreToolUse, let tool = event.toolName else { return false }
        return ["Read", "Grep", "WebFetch", "Glob", "NotebookRead"].contains(tool) || Preprocessor.shellTools.contains(tool)
    }

    func isSensitive(_ path: String) -> Bool {
        let lowered = path.lowered
        let file = lowered.split(separator: "/").last.map(String.init) ?? lowered
        return Self.pathContains.contains { lowered.includes($0) } || Self.nameContains.contains { file.includes($0) }
            || Self.suffixes.contains { lowered.hasSuffix($0) } || matchesAdditional(lowered)
    }

    private func matchesAdditional(_ lowered: String) -> Bool {
        additionalPatterns.contains { pattern in
            let pattern = pattern.lowered
            return pattern.includes("*") ? PathPatterns.glob(pattern, matches: lowered)
                || PathPatterns.glob(pattern, matches: String(lowered.split(separator: "/").last ?? ""))
                : lowered.includes(pattern)
        }
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        let cursor = event.harness == .cursor
        let ruleID = cursor ? "GLOBAL-BUILTIN-SENSITIVE-DATA-PROTECTION" : "GLOBAL-BUILTIN-SENSITIVE-DATA"
        let severity: Severity = cursor ? .critical : .high
        func refuse(_ reason: String) -> DecisionSet {
            let decision = Decision(ruleID: ruleID, reason: reason, severity: severity)
            return cursor ? DecisionSet(halts: [decision]) : DecisionSet(denials: [decision])
        }
        let custom = message != Self.defaultMessage
        if event.shellCommand != nil {
            guard readsSensitiveData(event) else { return .empty }
            return refuse(custom ? message : "Command blocked - attempts to access sensitive data")
        }
        if event.toolName == "Glob", let pattern = event.raw["tool_input"]?["pattern"]?.stringValue?.lowered,
           Self.globWords.contains(where: { pattern.includes($0) }) || matchesAdditional(pattern) {
            return refuse(custom ? message : "Blocked search pattern that could discover sensitive files")
        }
        guard let hit = event.resolvedPaths.first(where: isSensitive) else { return .empty }
        return refuse(custom ? "\(message): \(Self.mask(hit))" : "Blocked access to potentially sensitive file: \(Self.mask(hit))")
    }

    private func readsSensitiveData(_ event: EventView) -> Bool {
        let lowered = event.loweredCommand ?? ""
        if Self.secretCommands.contains(where: { lowered.includes($0) }) { return true }
        let reads = event.commands.contains { Self.readVerbs.contains($0.name) }
        let indicators = Self.commandIndicators.contains { lowered.includes($0) } || matchesAdditional(lowered)
        return reads && indicators
    }

    /// A sensitive path named without its secret: upstream's masks.
    static func mask(_ path: String) -> String {
        let lowered = path.lowered
        for (word, mask) in [("key", "[REDACTED-KEY-FILE]"), ("secret", "[REDACTED-SECRET-FILE]"),
                             ("credential", "[REDACTED-CREDENTIAL-FILE]"), ("token", "[REDACTED-TOKEN-FILE]"),
                             (".env", "[REDACTED-ENV-FILE]"), ("password", "[REDACTED-PASSWORD-FILE]")] where lowered.includes(word) {
            return mask
        }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = file.lastIndex(of: "."), dot != file.index(before: file.endIndex) {
            return "[SENSITIVE-FILE: *.\(file[file.index(after: dot)...])]"
        }
        return "[SENSITIVE-FILE]"
    }
}
