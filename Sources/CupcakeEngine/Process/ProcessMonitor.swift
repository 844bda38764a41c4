#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking part of a run, on a dedicated thread: spawn, then one poll() loop that feeds stdin,
/// drains stdout and stderr, notices the exit, and enforces the deadline; then kill the group and reap.
enum ProcessMonitor {
    private static let readChunk = 64 << 10
    /// Poll slice when no pidfd is available to wake us at the child's exit.
    private static let exitPollMilliseconds: Int64 = 5

    static func run(shell: String, request: ProcessRequest, usePidfd: Bool = true) -> Result<ProcessOutcome, ProcessRunError> {
        POSIXSupport.blockSIGPIPEOnThisThread()
        let start = POSIXSupport.monotonicNanoseconds()
        let child: SpawnedChild
        do {
            child = try ProcessSpawner.spawn(shell: shell, request: request)
        } catch {
            return .failure(error)
        }
        let deadline = start &+ request.timeoutNanoseconds
        var loop = Loop(child: child, limit: max(0, request.outputLimit), stdin: request.stdin, usePidfd: usePidfd)
        loop.run(until: deadline)
        // Kill the group again right before reaping: the shell's pid, and so the group id, stays
        // reserved until it is reaped, so this can never hit an unrelated process.
        kill(-child.pid, SIGKILL)
        if loop.timedOut { kill(child.pid, SIGKILL) }  // in case the shell itself left its group
        let status = POSIXSupport.reap(child.pid)
        let end = POSIXSupport.monotonicNanoseconds()
        return .success(ProcessOutcome(
            exitCode: status.exitCode, terminatingSignal: status.signal,
            stdout: loop.stdout.bytes, stderr: loop.stderr.bytes,
            stdoutTruncated: loop.stdout.truncated, stderrTruncated: loop.stderr.truncated,
            timedOut: loop.timedOut, durationNanoseconds: end &- start))
    }

    /// Bytes kept from one output pipe, up to a limit.
    struct CappedOutput {
        var bytes: [UInt8] = []
        var truncated = false
        let limit: Int

        mutating func append(_ chunk: UnsafeRawBufferPointer) {
            let room = limit - bytes.count
            if chunk.count > room { truncated = true }
            if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
        }
    }

    private struct Loop {
        let pid: pid_t
        var stdinFD: Int32
        var stdoutFD: Int32
        var stderrFD: Int32
        var pidFD: Int32
        let input: [UInt8]
        var written = 0
        var stdout: CappedOutput
        var stderr: CappedOutput
        var exited = false
        var timedOut = false
        var scratch: [UInt8]

        init(child: SpawnedChild, limit: Int, stdin: [UInt8], usePidfd: Bool) {
            pid = child.pid
            stdinFD = child.stdinFD
            stdoutFD = child.stdoutFD
            stderrFD = child.stderrFD
            let pidfdOpen = usePidfd ? POSIXSupport.gnu.pidfdOpen : nil
            pidFD = pidfdOpen.map { $0(child.pid, 0) } ?? -1
            if pidFD >= 0 { _ = fcntl(pidFD, F_SETFD, FD_CLOEXEC) }
            input = stdin
            stdout = CappedOutput(limit: limit)
            stderr = CappedOutput(limit: limit)
            scratch = [UInt8](repeating: 0, count: ProcessMonitor.readChunk)
            if input.isEmpty { POSIXSupport.closeIfOpen(&stdinFD) }
        }

        mutating func run(until deadline: UInt64) {
            defer {
                POSIXSupport.closeIfOpen(&stdinFD)
                POSIXSupport.closeIfOpen(&stdoutFD)
                POSIXSupport.closeIfOpen(&stderrFD)
                POSIXSupport.closeIfOpen(&pidFD)
            }
            while true {
                if !exited && POSIXSupport.hasExited(pid) {
                    exited = true
                    // The shell is done: its leftovers (background jobs that may hold the pipes open)
                    // die now; what they already wrote is still drained below.
                    kill(-pid, SIGKILL)
                    POSIXSupport.closeIfOpen(&stdinFD)
                    POSIXSupport.closeIfOpen(&pidFD)
                }
                if exited && stdoutFD < 0 && stderrFD < 0 { return }
                let now = POSIXSupport.monotonicNanoseconds()
                if now >= deadline {
                    if !exited {
                        timedOut = true
                        kill(-pid, SIGKILL)
                    }
                    drainBuffered()
                    return  // processes that escaped the group may hold the pipes; stop reading anyway
                }
                waitForEvents(remainingNanoseconds: deadline - now)
            }
        }

        private mutating func waitForEvents(remainingNanoseconds: UInt64) {
            var fds: [pollfd] = []
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if pidFD >= 0 { fds.append(pollfd(fd: pidFD, events: Int16(POLLIN), revents: 0)) }
            var milliseconds = Int64((remainingNanoseconds + 999_999) / 1_000_000)
            if !exited && pidFD < 0 { milliseconds = min(milliseconds, ProcessMonitor.exitPollMilliseconds) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: milliseconds))
            guard ready > 0 else { return }  // timeout or EINTR: the caller re-checks exit and deadline
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    writeInput(revents: entry.revents)
                } else if entry.fd == stdoutFD {
                    if Self.drain(stdoutFD, scratch: &scratch, into: &stdout) == .closed { POSIXSupport.closeIfOpen(&stdoutFD) }
                } else if entry.fd == stderrFD {
                    if Self.drain(stderrFD, scratch: &scratch, into: &stderr) == .closed { POSIXSupport.closeIfOpen(&stderrFD) }
                }
            }
        }

        private mutating func writeInput(revents: Int16) {
            if revents & Int16(POLLERR | POLLHUP) != 0 && revents & Int16(POLLOUT) == 0 {
                POSIXSupport.closeIfOpen(&stdinFD)  // the child closed its stdin
                return
            }
            let count = input.withUnsafeBytes { bytes in
                write(stdinFD, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count > 0 {
                written += count
                if written == input.count { POSIXSupport.closeIfOpen(&stdinFD) }
            } else if count < 0 && errno != EAGAIN && errno != EINTR {
                if errno == EPIPE { POSIXSupport.discardPendingSIGPIPE() }
                POSIXSupport.closeIfOpen(&stdinFD)  // EPIPE: the child will never read the rest
            }
        }

        /// Keeps what already sits in the pipes at the deadline (partial output of a timed-out command),
        /// with a bounded number of reads in case an escaped writer keeps writing.
        private mutating func drainBuffered() {
            for _ in 0..<32 where stdoutFD >= 0 {
                if Self.drain(stdoutFD, scratch: &scratch, into: &stdout) != .data { break }
            }
            for _ in 0..<32 where stderrFD >= 0 {
                if Self.drain(stderrFD, scratch: &scratch, into: &stderr) != .data { break }
            }
        }

        enum ReadResult { case data, wouldBlock, closed }

        /// Reads once; `.closed` at EOF (every writer gone) or on a read error.
        private static func drain(_ fd: Int32, scratch: inout [UInt8], into output: inout CappedOutput) -> ReadResult {
            let count = scratch.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress, buffer.count)
            }
            if count > 0 {
                scratch.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                return .data
            }
            return count < 0 && (errno == EAGAIN || errno == EINTR) ? .wouldBlock : .closed
        }
    }
}
