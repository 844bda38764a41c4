#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX helpers the process runner needs and Swift does not import directly.
enum POSIXSupport {
    /// GNU functions that Swift's Glibc module hides (it does not define _GNU_SOURCE), looked up once.
    struct GNUFunctions: Sendable {
        typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
        typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        let pidfdOpen: PidfdOpen?
        let addChdir: AddChdir?
        let addClosefrom: AddClosefrom?
        let pipe2: Pipe2?

        static func lookUp() -> GNUFunctions {
            GNUFunctions(
                pidfdOpen: symbol("pidfd_open", as: PidfdOpen.self),
                addChdir: symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self),
                addClosefrom: symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self),
                pipe2: symbol("pipe2", as: Pipe2.self)
            )
        }

        private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
            #if canImport(Glibc)
            // RTLD_DEFAULT is a null handle on glibc.
            guard let address = dlsym(nil, name) else { return nil }
            return unsafeBitCast(address, to: type)
            #else
            return nil
            #endif
        }
    }

    static let gnu = GNUFunctions.lookUp()

    /// pipe(2) with both ends close-on-exec, atomically where the C library allows it
    /// (so a concurrent spawn on another thread cannot inherit them). Returns 0 or -1 with errno set.
    static func makePipe(_ pair: inout [Int32]) -> Int32 {
        if let pipe2 = gnu.pipe2 {
            return pair.withUnsafeMutableBufferPointer { pipe2($0.baseAddress, O_CLOEXEC) }
        }
        guard pipe(&pair) == 0 else { return -1 }
        for fd in pair { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return 0
    }


    /// Monotonic nanoseconds, for deadlines and durations.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// Decodes a waitpid status (the W* macros are not imported into Swift).
    static func decodeWaitStatus(_ status: Int32) -> (exitCode: Int32?, signal: Int32?) {
        let low = status & 0x7f
        if low == 0 { return ((status >> 8) & 0xff, nil) }
        if low != 0x7f { return (nil, low) }
        return (nil, nil)  // stopped: not reachable without WUNTRACED
    }

    /// Whether `pid` (our unreaped child) has exited, without reaping it, so its pid (and so its
    /// process-group id) cannot be reused before we kill the group.
    static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while true {
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if result == 0 { return info.si_signo == SIGCHLD }
            if errno == EINTR { continue }
            return true  // ECHILD: someone else reaped it; treat as gone
        }
    }

    /// Reaps `pid`, blocking; called only once it has exited or been sent SIGKILL.
    static func reap(_ pid: pid_t) -> (exitCode: Int32?, signal: Int32?) {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return decodeWaitStatus(status) }
            if result == -1 && errno == EINTR { continue }
            return (nil, nil)
        }
    }

    /// Closes `fd` if open and marks it closed.
    static func closeIfOpen(_ fd: inout Int32) {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }

    /// Discards a SIGPIPE left pending on this thread by a write to a closed pipe (SIGPIPE is blocked here).
    static func discardPendingSIGPIPE() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var zero = timespec()
            _ = sigtimedwait(&set, nil, &zero)
        }
    }

    /// Blocks SIGPIPE on the calling thread, so a write to a pipe nobody reads returns EPIPE instead of
    /// killing the process, without changing the process-wide disposition.
    static func blockSIGPIPEOnThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}
