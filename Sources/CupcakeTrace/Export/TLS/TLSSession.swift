import CupcakeCodecs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TLS over a connected non-blocking socket: the handshake with the server's certificate
/// verified (against `caFile`, else the system's trust store) and its name checked, then
/// writes and reads, each step bounded by the request's deadline.
final class TLSSession {
    private let library: OpenSSL
    private let context: OpaquePointer
    private let session: OpaquePointer
    private let fd: Int32

    /// Sets up and completes the handshake, or returns why it failed.
    static func open(fd: Int32, host: String, caFile: String?, deadline: MonotonicDeadline) -> Result<TLSSession, TLSFailure> {
        guard let library = OpenSSL.shared else {
            return .failure(TLSFailure("https needs the system's OpenSSL (libssl.so.3), which could not be loaded", permanent: true))
        }
        guard let method = library.clientMethod(), let context = library.contextNew(method) else {
            return .failure(TLSFailure("TLS set-up failed: \(library.lastError())"))
        }
        library.contextSetVerify(context, 1, nil)  // SSL_VERIFY_PEER
        let trusted = caFile.map { library.contextLoadVerifyLocations(context, $0, nil) } ?? library.contextSetDefaultVerifyPaths(context)
        guard trusted == 1 else {
            library.contextFree(context)
            return .failure(TLSFailure("cannot load the trusted certificates \(caFile ?? "of the system"): \(library.lastError())",
                                       permanent: true))
        }
        guard let session = library.new(context) else {
            library.contextFree(context)
            return .failure(TLSFailure("TLS set-up failed: \(library.lastError())"))
        }
        let tls = TLSSession(library: library, context: context, session: session, fd: fd)
        guard library.setFD(session, fd) == 1, library.setHost(session, host) == 1 else {
            return .failure(TLSFailure("TLS set-up failed: \(library.lastError())"))
        }
        // Server name indication, for names only (an address is not sent, as the standard says).
        if !host.contains(":"), !host.allSatisfy({ $0.isNumber || $0 == "." }) {
            var name = Array(host.utf8CString)
            _ = name.withUnsafeMutableBytes { library.control(session, 55, 0, $0.baseAddress) }  // SSL_CTRL_SET_TLSEXT_HOSTNAME
        }
        if let failure = tls.retry(deadline: deadline, { library.connect(session) }) {
            let verify = library.verifyResult(session)
            if verify != 0, let text = library.verifyErrorString(verify) {
                return .failure(TLSFailure("the server's certificate is not trusted: \(String(cString: text))", permanent: true))
            }
            return .failure(TLSFailure("TLS handshake failed: \(failure)"))
        }
        return .success(tls)
    }

    private init(library: OpenSSL, context: OpaquePointer, session: OpaquePointer, fd: Int32) {
        self.library = library
        self.context = context
        self.session = session
        self.fd = fd
    }

    deinit {
        _ = library.shutdown(session)
        library.free(session)
        library.contextFree(context)
    }

    /// Writes every byte, or says why not.
    func sendAll(_ bytes: [UInt8], deadline: MonotonicDeadline) -> String? {
        var offset = 0
        while offset < bytes.count {
            var written: Int32 = 0
            let failure = retry(deadline: deadline) {
                written = bytes.withUnsafeBytes { library.write(session, $0.baseAddress.map { $0 + offset }, Int32(min(bytes.count - offset, 1 << 20))) }
                return written
            }
            if let failure { return "TLS write failed: \(failure)" }
            offset += Int(written)
        }
        return nil
    }

    /// Up to `capacity` bytes; empty at the end of the stream.
    func receive(capacity: Int, deadline: MonotonicDeadline) -> Result<[UInt8], TLSFailure> {
        var buffer = [UInt8](repeating: 0, count: capacity)
        var count: Int32 = 0
        let failure = retry(deadline: deadline) {
            count = buffer.withUnsafeMutableBytes { library.read(session, $0.baseAddress, Int32($0.count)) }
            return count
        }
        if let failure {
            if failure == "closed" { return .success([]) }
            return .failure(TLSFailure("TLS read failed: \(failure)"))
        }
        return .success(Array(buffer[..<Int(count)]))
    }

    /// Runs `step` until it succeeds (> 0), waiting on the socket as OpenSSL asks; nil on success.
    private func retry(deadline: MonotonicDeadline, _ step: () -> Int32) -> String? {
        while true {
            let result = step()
            if result > 0 { return nil }
            switch library.getError(session, result) {
            case 2:  // SSL_ERROR_WANT_READ
                guard wait(Int16(POLLIN), deadline: deadline) else { return "timed out" }
            case 3:  // SSL_ERROR_WANT_WRITE
                guard wait(Int16(POLLOUT), deadline: deadline) else { return "timed out" }
            case 6:  // SSL_ERROR_ZERO_RETURN: the peer closed the TLS session
                return "closed"
            case 5:  // SSL_ERROR_SYSCALL
                return result == 0 ? "closed" : "socket error: \(systemErrorText(errno))"
            default:
                return library.lastError()
            }
        }
    }

    private func wait(_ events: Int16, deadline: MonotonicDeadline) -> Bool {
        PlainHTTPClient.waitFor(fd, events: events, deadline: deadline)
    }
}

/// Why a connection (TLS or plain) failed, as a sentence; `permanent` when trying again cannot
/// help until the configuration changes (an untrusted certificate, no OpenSSL).
struct TLSFailure: Error {
    let message: String
    let permanent: Bool
    init(_ message: String, permanent: Bool = false) {
        self.message = message
        self.permanent = permanent
    }
}
