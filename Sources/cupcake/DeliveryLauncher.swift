import CupcakeTrace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts `cupcake otlp-deliver` for a spool, detached from the hook: its own session (so the
/// agent's signals to the hook's process group do not reach it), standard streams on /dev/null
/// (so it never holds the agent's pipes open), and not waited for.
enum DeliveryLauncher {
    /// The spool configuration the CLI uses, or nil when no spool location can be found (then the
    /// in-process exporter stays, bounded by the exit flush).
    static func configuration(environment: [String: String]) -> OTLPSpoolDeliveryConfiguration? {
        guard let root = OTLPSpoolLocation.root(environment: environment) else { return nil }
        return OTLPSpoolDeliveryConfiguration(root: root) { spool, endpoint in
            // A running delivery process will pick the new batch up; spawning costs the hook ~1 ms.
            guard !spool.deliveryIsRunning else { return }
            start(spool: spool.directory, endpoint: endpoint.description)
        }
    }

    /// Spawns the delivery process; a failure only leaves the batch spooled for a later hook.
    static func start(spool: String, endpoint: String) {
        let executable = OwnExecutable.path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A descriptor opened without close-on-exec (the agent's pipe, say) would otherwise stay
        // open for the delivery process's whole life.
        if let addClosefrom { _ = addClosefrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | setsidFlag))

        let words = [executable, "otlp-deliver", "--spool", spool, "--endpoint", endpoint]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
    }

    // POSIX_SPAWN_SETSID: glibc hides it without _GNU_SOURCE (0x80 since 2.26); 0x400 on Darwin.
    #if canImport(Glibc)
    private static let setsidFlag: Int32 = 0x80
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    private static let addClosefrom: AddClosefrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddClosefrom.self) }
    #else
    private static let setsidFlag: Int32 = 0x400
    private static let addClosefrom: ((UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = nil
    #endif
}
