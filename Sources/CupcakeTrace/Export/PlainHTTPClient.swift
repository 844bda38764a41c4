import CupcakeCodecs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of one POST.
enum HTTPPostResult: Equatable {
    case success(status: Int)
    /// The collector answered with a status other than 2xx.
    case rejected(status: Int)
    /// No HTTP answer: the reason.
    case failure(String)
    /// The server cannot be trusted (its certificate, or no TLS library): trying again cannot help
    /// until the configuration changes, yet the spans are not at fault.
    case untrusted(String)

    /// Why the POST did not succeed, or nil when it did.
    var failureReason: String? {
        switch self {
        case .success: nil
        case .rejected(let status): "collector answered HTTP \(status)"
        case .failure(let reason), .untrusted(let reason): reason
        }
    }

    /// Whether the same request may succeed later: a 4xx other than 408 (timeout) and 429 (too
    /// many requests) says the request itself is refused, so sending it again cannot help. A 5xx
    /// is retried (OTLP names only 502, 503 and 504, but a collector restarting may answer 500).
    var isRetryable: Bool {
        guard case .rejected(let status) = self else { return failureReason != nil }
        return !(400..<500).contains(status) || status == 408 || status == 429
    }
}

/// A minimal HTTP/1.1 client over a POSIX socket (TLS for https, see `TLSSession`): one POST per
/// connection, everything bounded by a
/// deadline (connect, send and the status line), so a collector that is down, slow or hostile can
/// never hold the sender longer than the timeout. Only the status line of the answer is read.
enum PlainHTTPClient {
    static func post(
        to endpoint: OTLPEndpoint, contentType: String, body: [UInt8], timeout: Double
    ) -> HTTPPostResult {
        let deadline = MonotonicDeadline(seconds: timeout)
        let connected = connect(endpoint, deadline: deadline)
        guard case .success(let fd) = connected else {
            if case .failure(let reason) = connected { return .failure(reason) }
            return .failure("cannot connect")
        }
        defer { close(fd) }
        var tls: TLSSession?
        if endpoint.usesTLS {
            switch TLSSession.open(fd: fd, host: endpoint.host, caFile: OTelEnvironment.processCertificateFile, deadline: deadline) {
            case .success(let session): tls = session
            case .failure(let failure): return failure.permanent ? .untrusted(failure.message) : .failure(failure.message)
            }
        }
        let hostHeader = endpoint.host.contains(":") ? "[\(endpoint.host)]:\(endpoint.port)" : "\(endpoint.host):\(endpoint.port)"
        // OTEL_EXPORTER_OTLP_HEADERS (an API key, say), validated so none can break the request.
        let extra = OTelEnvironment.processHeaders.map { "\($0.name): \($0.value)\r\n" }.joined()
        let head =
            "POST \(endpoint.path) HTTP/1.1\r\nHost: \(hostHeader)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\nUser-Agent: cupcake-otlp\r\n" + extra + "\r\n"
        if let tls {
            if let error = tls.sendAll(Array(head.utf8) + body, deadline: deadline) { return .failure(error) }
            return readStatus(deadline: deadline) { tls.receive(capacity: 1024, deadline: deadline) }
        }
        if let error = sendAll(fd, Array(head.utf8), deadline: deadline) ?? sendAll(fd, body, deadline: deadline) {
            return .failure(error)
        }
        return readStatus(deadline: deadline) { receive(fd, deadline: deadline) }
    }

    private enum Connected {
        case success(Int32)
        case failure(String)
    }

    private static func connect(_ endpoint: OTLPEndpoint, deadline: MonotonicDeadline) -> Connected {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        // Name resolution cannot be bounded here; it runs on the sender thread only, never on the
        // thread that writes trace lines.
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else {
            return .failure("cannot resolve host \(endpoint.host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var lastError = "no address"
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let info = current {
            current = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = systemErrorText(errno)
                continue
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            #if canImport(Darwin)
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                return .success(fd)
            }
            if errno == EINPROGRESS, waitFor(fd, events: Int16(POLLOUT), deadline: deadline) {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 {
                    return .success(fd)
                }
                lastError = systemErrorText(error)
            } else {
                lastError = errno == EINPROGRESS ? "connect timed out" : systemErrorText(errno)
            }
            close(fd)
            if deadline.remainingNanoseconds == 0 { break }
        }
        return .failure("cannot connect to \(endpoint.host):\(endpoint.port): \(lastError)")
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    static func waitFor(_ fd: Int32, events: Int16, deadline: MonotonicDeadline) -> Bool {
        while true {
            let milliseconds = deadline.remainingMilliseconds
            if milliseconds == 0 { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { return false }
        }
    }

    /// Sends every byte or returns why it could not.
    private static func sendAll(_ fd: Int32, _ bytes: [UInt8], deadline: MonotonicDeadline) -> String? {
        var offset = 0
        while offset < bytes.count {
            guard waitFor(fd, events: Int16(POLLOUT), deadline: deadline) else { return "timed out sending the request" }
            let sent = bytes.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, sendFlags)
            }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return "send failed: \(systemErrorText(errno))"
            }
            offset += sent
        }
        return nil
    }

    /// Reads (through `receive`: empty at the end of the stream) until the status line is
    /// complete and returns its code (2xx is success).
    private static func readStatus(deadline: MonotonicDeadline, _ receive: () -> Result<[UInt8], TLSFailure>) -> HTTPPostResult {
        var received: [UInt8] = []
        while received.count < 8192 {
            if let lineEnd = received.firstIndex(of: 0x0A) {
                return parseStatusLine(Array(received[..<lineEnd]))
            }
            switch receive() {
            case .failure(let reason): return .failure(reason.message)
            case .success(let chunk) where chunk.isEmpty: return .failure("connection closed before an HTTP status")
            case .success(let chunk): received.append(contentsOf: chunk)
            }
        }
        return .failure("answer is not HTTP")
    }

    /// The next bytes of a plain socket, empty at the end of the stream.
    private static func receive(_ fd: Int32, deadline: MonotonicDeadline) -> Result<[UInt8], TLSFailure> {
        var chunk = [UInt8](repeating: 0, count: 1024)
        while true {
            guard waitFor(fd, events: Int16(POLLIN), deadline: deadline) else {
                return .failure(TLSFailure("no answer within the timeout"))
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return .failure(TLSFailure("receive failed: \(systemErrorText(errno))"))
            }
            return .success(Array(chunk[..<count]))
        }
    }

    static func parseStatusLine(_ line: [UInt8]) -> HTTPPostResult {
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let code = Int(parts[1]), (100...999).contains(code) else {
            return .failure("answer is not HTTP")
        }
        if (200..<300).contains(code) { return .success(status: code) }
        return .rejected(status: code)
    }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif
}

@inline(__always)
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.connect(fd, address, length)
    #else
    return Darwin.connect(fd, address, length)
    #endif
}
