#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Our ends of a freshly spawned child's pipes. All are close-on-exec and non-blocking.
struct SpawnedChild {
    var pid: pid_t
    var stdinFD: Int32
    var stdoutFD: Int32
    var stderrFD: Int32
}

/// posix_spawn of `sh -c <command>` in a new process group, with pipes on fds 0, 1 and 2.
enum ProcessSpawner {
    static func spawn(shell: String, request: ProcessRequest) throws(ProcessRunError) -> SpawnedChild {
        guard !request.command.utf8.contains(0) else { throw .invalidCommand(request.command) }
        let environment = try environmentBlock(extras: request.environment)
        if let directory = request.workingDirectory { try checkDirectory(directory) }

        var pipes: [Int32] = []  // [stdinR, stdinW, outR, outW, errR, errW]
        defer { for fd in pipes where fd >= 0 { close(fd) } }
        for _ in 0..<3 {
            var pair: [Int32] = [-1, -1]
            guard POSIXSupport.makePipe(&pair) == 0 else { throw .pipeCreationFailed(reason: systemErrorText(errno)) }
            pipes.append(contentsOf: pair)
        }
        // If this process runs with fd 0, 1 or 2 closed, a pipe end may land there and a later dup2
        // would clobber it; keep every end at 3 or above.
        for index in pipes.indices where pipes[index] < 3 {
            let moved = fcntl(pipes[index], F_DUPFD_CLOEXEC, 3)
            guard moved >= 0 else { throw .pipeCreationFailed(reason: systemErrorText(errno)) }
            close(pipes[index])
            pipes[index] = moved
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[3], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[5], 2)
        // Descriptors someone opened without close-on-exec (a library, the parent's parent) must not
        // reach the child: one holding a caller's pipe open could keep that pipe from ever ending.
        if let addClosefrom = POSIXSupport.gnu.addClosefrom { _ = addClosefrom(&actions, 3) }
        if let directory = request.workingDirectory {
            guard let addChdir = POSIXSupport.gnu.addChdir else { throw .workingDirectoryUnsupported(path: directory) }
            let added = directory.withCString { addChdir(&actions, $0) }
            guard added == 0 else { throw .workingDirectoryUnavailable(path: directory, reason: systemErrorText(added)) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (pgid = child pid) so a timeout can kill every descendant at once;
        // empty signal mask and default SIGPIPE so the child does not inherit our thread's blocking.
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = CStringArray(["sh", "-c", request.command])
        let envp = CStringArray(environment)
        defer {
            argv.release()
            envp.release()
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, shell, &actions, &attributes, argv.pointers, envp.pointers)
        guard result == 0 else {
            if let directory = request.workingDirectory, result == ENOENT || result == ENOTDIR || result == EACCES,
               (try? checkDirectory(directory)) == nil {
                throw .workingDirectoryUnavailable(path: directory, reason: systemErrorText(result))
            }
            throw .spawnFailed(shell: shell, reason: systemErrorText(result))
        }

        let child = SpawnedChild(pid: pid, stdinFD: pipes[1], stdoutFD: pipes[2], stderrFD: pipes[4])
        for fd in [child.stdinFD, child.stdoutFD, child.stderrFD] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        pipes[1] = -1
        pipes[2] = -1
        pipes[4] = -1  // kept; the defer closes only the child's ends
        return child
    }

    /// This process's environment with `extras` added or replacing, as "NAME=value" strings.
    private static func environmentBlock(extras: [String: String]) throws(ProcessRunError) -> [String] {
        for (name, value) in extras {
            if name.isEmpty || name.utf8.contains(UInt8(ascii: "=")) || name.utf8.contains(0) || value.utf8.contains(0) {
                throw .invalidEnvironment(name: name)
            }
        }
        var block: [String] = []
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        if var cursor = start {
            while let entry = cursor.pointee {
                let text = String(cString: entry)
                let name = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
                if extras[name] == nil { block.append(text) }
                cursor += 1
            }
        }
        for (name, value) in extras.sorted(by: { $0.key < $1.key }) { block.append("\(name)=\(value)") }
        return block
    }

    private static func checkDirectory(_ path: String) throws(ProcessRunError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .workingDirectoryUnavailable(path: path, reason: systemErrorText(errno))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .workingDirectoryUnavailable(path: path, reason: "not a directory")
        }
    }
}

/// A NULL-terminated array of heap C strings for posix_spawn's argv and envp.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    func release() {
        var index = 0
        while let string = pointers[index] {
            free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
