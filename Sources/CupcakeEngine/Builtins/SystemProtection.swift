/// `system_protection` (global configuration only): critical system paths are out of reach of
/// every file tool, reads included, and of shell commands that name them, change them or run
/// with `sudo`/`doas`. Halt. Upstream's list of paths; `additional_paths` and `message` are
/// honoured (upstream ignores them), and harmless device files (`2>/dev/null`) are not a reason.
struct SystemProtection: RulebookBuiltin {
    static let key = "system_protection"
    static let defaultMessage = "Access to critical system path blocked"
    static let prefixes = [
        "/etc/", "/system/", "/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/", "/boot/", "/lib/", "/lib64/", "/sys/", "/proc/",
        "/dev/", "/root/", "/var/log/secure", "/var/log/auth", "/library/launchagents/", "/library/launchdaemons/",
        "/library/preferences/", "/private/etc/", "/private/var/", "~/.ssh/", "~/library/launchagents/", "~/.gnupg/",
        "~/.config/", "~/.local/share/keyrings/", "c:\\windows\\", "c:\\program files\\", "c:\\program files (x86)\\",
        "c:\\programdata\\", "c:\\users\\all users\\", "c:\\bootmgr", "%systemroot%", "%windir%",
    ]
    /// What upstream looks for in a shell command.
    static let indicators = [
        "/etc/", "/system/", "/usr/bin/", "/usr/sbin/", "/boot/", "/lib/", "/sys/", "/proc/", "/dev/", "~/.ssh/",
        "/library/launch", "c:\\windows\\", "%systemroot%", "%windir%", "/private/etc/", "/private/var/",
    ]
    /// Device files that are no system path to protect.
    static let harmlessDevices: Set<String> = [
        "/dev/null", "/dev/stdout", "/dev/stderr", "/dev/stdin", "/dev/tty", "/dev/zero", "/dev/random", "/dev/urandom",
        "/dev/fd/0", "/dev/fd/1", "/dev/fd/2",
    ]

    let name = key
    var message: String
    var additionalPaths: [String]

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> SystemProtection {
        SystemProtection(message: try options.string("message", default: defaultMessage),
                         additionalPaths: try options.strings("additional_paths"))
    }

    var inputConfig: JSONValue? { ["message": .string(message), "additional_paths": .array(additionalPaths.map(JSONValue.string))] }

    func applies(to event: HookEvent) -> Bool {
        if event.harness == .cursor { return ["beforeShellExecution", "afterFileEdit", "beforeReadFile"].contains(event.eventName) }
        return event.isPreToolUse
    }

    /// A terminal, a standard stream or one of the process's own descriptors, as named or as
    /// links resolve them (`/dev/stderr` → `/proc/self/fd/2` → `/dev/pts/0`).
    static func isHarmlessDevice(_ lowered: String) -> Bool {
        if harmlessDevices.contains(lowered) || lowered.hasPrefix("/dev/pts/") || lowered.hasPrefix("/dev/fd/") { return true }
        guard lowered.hasPrefix("/proc/") else { return false }
        let parts = lowered.split(separator: "/", omittingEmptySubsequences: true)
        return parts.count >= 3 && (parts[1] == "self" || parts[1].allSatisfy(\.isNumber)) && parts[2] == "fd"
    }

    func isSystemPath(_ path: String, home: String?) -> Bool {
        let lowered = path.lowercased()
        if Self.isHarmlessDevice(lowered) { return false }
        let prefixes = Self.prefixes.map { PathPatterns.expand($0, home: home?.lowercased()) }
            + additionalPaths.map { PathPatterns.expand($0.lowercased(), home: home?.lowercased()) }
        return prefixes.contains { prefix in
            lowered.hasPrefix(prefix) || (prefix.hasSuffix("/") && lowered == String(prefix.dropLast()))
                || (prefix.contains("*") && PathPatterns.glob(prefix, matches: lowered))
        }
    }

    func evaluate(_ event: HookEvent, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        if let command = event.shellCommand {
            guard commandTouchesSystem(command, event: event, home: environment.home) else { return .empty }
            let reason = message == Self.defaultMessage ? "Command blocked - references critical system paths" : message
            return DecisionSet(halts: [Decision(ruleID: "GLOBAL-BUILTIN-SYSTEM-PROTECTION", reason: reason, severity: .critical)])
        }
        guard let hit = (event.resolvedPaths + event.rawPathValues).first(where: { isSystemPath($0, home: environment.home) }) else {
            return .empty
        }
        return DecisionSet(halts: [Decision(ruleID: "GLOBAL-BUILTIN-SYSTEM-PROTECTION", reason: "\(message): \(hit)", severity: .critical)])
    }

    private func commandTouchesSystem(_ command: String, event: HookEvent, home: String?) -> Bool {
        let commands = ShellCommandWalk.commands(in: command)
        if commands.contains(where: { ["sudo", "doas", "su", "pkexec"].contains($0.name) }) { return true }
        if CommandNames.invoked(in: command).contains(where: { ["sudo", "doas", "su", "pkexec"].contains($0) }) { return true }
        for each in commands {
            let words = Array(each.words) + each.redirects.map(\.target.text)
            for word in words {
                let lowered = word.lowercased()
                if Self.isHarmlessDevice(lowered) { continue }
                if isSystemPath(lowered, home: home) || Self.indicators.contains(where: { lowered.contains($0) })
                    && !Self.harmlessDevices.contains(where: { lowered.hasSuffix($0) }) {
                    return true
                }
            }
        }
        return event.affectedPaths.contains { isSystemPath($0, home: home) }
    }
}

/// The names of the commands a shell line runs, wrappers included (`sudo rm` runs `sudo`).
enum CommandNames {
    static func invoked(in command: String) -> [String] {
        var names: [String] = []
        ShellLexer.forEachCommand(in: command) { simple in
            for word in simple.words where !CommandWrappers.isAssignment(word.text) {
                names.append(CommandWrappers.basename(word.text))
                break
            }
        }
        return names
    }
}
