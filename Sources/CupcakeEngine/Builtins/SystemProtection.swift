/// `system_protection` (global configuration only): critical system paths are out of reach of
/// every file tool, reads included, and of shell commands that name them, change them or run
/// with `sudo`/`doas`. Halt. Upstream's list of paths; `additional_paths` and `message` are
/// honoured (upstream ignores them), and harmless device files (`2>/dev/null`) are not a reason.
struct SystemProtection: RulebookBuiltin {
    static let key = "system_protection"
    static let defaultMessage = "Access to critical system path blocked"
    static let systemPaths = [
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
    /// Commands that run others with more privileges.
    static let cursorEvents: Set<String> = ["beforeShellExecution", "afterFileEdit", "beforeReadFile"]
    static let elevators: Set<String> = ["sudo", "doas", "su", "pkexec"]
    /// Device files that are no system path to protect.
    static let harmlessDevices: Set<String> = [
        "/dev/null", "/dev/stdout", "/dev/stderr", "/dev/stdin", "/dev/tty", "/dev/zero", "/dev/random", "/dev/urandom",
        "/dev/fd/0", "/dev/fd/1", "/dev/fd/2",
    ]

    let name = key
    var message: String
    var additionalPaths: [String]
    /// Matched against every path of every event: prepared once, `~` expanded with the
    /// process's HOME (the one `BuiltinEnvironment.home` holds).
    let prefixes: Prefixes

    init(message: String, additionalPaths: [String], home: String?) {
        self.message = message
        self.additionalPaths = additionalPaths
        let home = home?.lowered
        let all = Self.systemPaths.map { PathPatterns.expand($0, home: home) } + additionalPaths.map { PathPatterns.expand($0.lowered, home: home) }
        prefixes = Prefixes(plain: all.filter { !$0.includes("*") }.map { Array($0.utf8) },
                            globs: all.filter { $0.includes("*") }.map { Array($0.utf8) })
    }

    static func parse(_ options: inout BuiltinOptions, enabled: Bool) throws(ConfigError) -> SystemProtection {
        SystemProtection(message: try options.string("message", default: defaultMessage),
                         additionalPaths: try options.strings("additional_paths"),
                         home: HomeDirectory.current())
    }

    var inputConfig: JSONValue? { ["message": .string(message), "additional_paths": .array(additionalPaths.map(JSONValue.string))] }

    func applies(to event: EventView) -> Bool {
        if event.harness == .cursor { return Self.cursorEvents.contains(event.eventName) }
        return event.isPreToolUse
    }

    /// A terminal, a standard stream or one of the process's own descriptors, as named or as
    /// links resolve them (`/dev/stderr` → `/proc/self/fd/2` → `/dev/pts/0`).
    static func isHarmlessDevice(_ lowered: String) -> Bool {
        guard lowered.hasBytePrefix("/dev/") || lowered.hasBytePrefix("/proc/") else { return false }
        if harmlessDevices.contains(lowered) || lowered.hasPrefix("/dev/pts/") || lowered.hasPrefix("/dev/fd/") { return true }
        guard lowered.hasPrefix("/proc/") else { return false }
        let parts = lowered.split(separator: "/", omittingEmptySubsequences: true)
        return parts.count >= 3 && (parts[1] == "self" || parts[1].allSatisfy(\.isNumber)) && parts[2] == "fd"
    }

    /// The protected prefixes, lower-cased and `~` expanded: plain ones (matched by prefix, a
    /// directory also by its own name) and globs.
    struct Prefixes: Sendable {
        var plain: [[UInt8]]
        var globs: [[UInt8]]
    }

    func isSystemPath(_ path: String) -> Bool { isSystemPath(lowered: path.lowered) }

    func isSystemPath(lowered: String) -> Bool {
        if Self.isHarmlessDevice(lowered) { return false }
        let bytes = Array(lowered.utf8)
        for prefix in prefixes.plain where prefix.count <= bytes.count + 1 {
            // Most prefixes differ from the path in their first two bytes.
            if prefix.count > 1 && bytes.count > 1 && (prefix[0] != bytes[0] || prefix[1] != bytes[1]) { continue }
            if bytes.starts(with: prefix) { return true }
            // The directory itself: `/etc` for `/etc/`.
            if prefix.count == bytes.count + 1 && prefix.last == 0x2F && prefix.starts(with: bytes) { return true }
        }
        return prefixes.globs.contains { PathPatterns.glob($0, matches: bytes) }
    }

    func evaluate(_ event: EventView, signals: [String: JSONValue], environment: BuiltinEnvironment) -> DecisionSet {
        if let command = event.shellCommand {
            guard commandTouchesSystem(command, event: event, home: environment.home) else { return .empty }
            let reason = message == Self.defaultMessage ? "Command blocked - references critical system paths" : message
            return DecisionSet(halts: [Decision(ruleID: "GLOBAL-BUILTIN-SYSTEM-PROTECTION", reason: reason, severity: .critical)])
        }
        guard let hit = (event.resolvedPaths + event.rawPathValues).first(where: { isSystemPath($0) }) else {
            return .empty
        }
        return DecisionSet(halts: [Decision(ruleID: "GLOBAL-BUILTIN-SYSTEM-PROTECTION", reason: "\(message): \(hit)", severity: .critical)])
    }

    private func commandTouchesSystem(_ command: String, event: EventView, home: String?) -> Bool {
        let commands = event.commands
        if commands.contains(where: { Self.elevators.contains($0.name) || Self.elevators.contains($0.invokedName) }) { return true }
        for each in commands {
            let words = Array(each.words) + each.redirects.map(\.target.text)
            // Every system path and indicator has a `/`, `\\` or `%`; most words have none.
            for word in words where word.containsAnyByte((0x2F, 0x5C, 0x25)) {
                let lowered = word.lowered
                if Self.isHarmlessDevice(lowered) { continue }
                if isSystemPath(lowered: lowered) || Self.indicators.contains(where: { lowered.includes($0) })
                    && !Self.harmlessDevices.contains(where: { lowered.hasSuffix($0) }) {
                    return true
                }
            }
        }
        return event.loweredAffectedPaths.contains { isSystemPath(lowered: $0) }
    }
}
