import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP server on 127.0.0.1 (ephemeral port) standing in for an OTLP collector. Every
/// blocking call is bounded by poll timeouts, and `stop()` ends it.
public final class LoopbackCollector: Sendable {
    public enum Mode: Sendable {
        /// Answer every request with this status.
        case respond(Int)
        /// Answer the requests with these statuses in turn, the last one from then on.
        case statuses([Int])
        /// Read each request, wait this many seconds, then answer with the status.
        case slow(Double, Int)
        /// Accept connections and never read or answer them.
        case stall
    }

    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]  // lowercased names
        public var body: [UInt8]
        /// The status it was answered with.
        public var status = 0
    }

    public let port: UInt16
    private let listener: Int32
    private let mode: Mode
    private let received = Mutex<[Request]>([])
    private let answered = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)
    private let held = Mutex<[Int32]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter listening: false binds the port but does not listen yet, so connections are
    ///   refused until ``startListening()``: a collector that is down and comes back on its port.
    public init(mode: Mode, listening: Bool = true) throws {
        self.mode = mode
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.listener = fd
        DispatchQueue(label: "loopback-collector").async { [self] in serve() }
    }

    public var requests: [Request] { received.withLock { $0 } }

    /// Connections accepted so far (read or not).
    public var acceptedConnections: Int { accepted.load(ordering: .relaxed) }

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts accepting connections on a collector made with `listening: false`.
    public func startListening() throws {
        guard listen(listener, 64) == 0 else { throw ServerError("listen failed") }
    }

    /// Spans in the requests answered with 2xx (OTLP/JSON bodies): the spans delivered.
    public var spanCount: Int {
        requests.filter { (200..<300).contains($0.status) }.reduce(0) { total, request in
            let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
            let resources = object?["resourceSpans"] as? [[String: Any]] ?? []
            let scopes = resources.flatMap { $0["scopeSpans"] as? [[String: Any]] ?? [] }
            return total + scopes.reduce(0) { $0 + ($1["spans"] as? [[String: Any]] ?? []).count }
        }
    }

    /// Waits until `condition` holds, checking every 20 ms for at most `seconds`; returns it.
    public func wait(seconds: Double, until condition: (LoopbackCollector) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(self) {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    public func stop() {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
        close(listener)
        for fd in held.withLock({ $0 }) { close(fd) }
    }

    private func serve() {
        defer { finished.signal() }
        while !stopping.load(ordering: .relaxed) {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            // A socket that is not listening yet reports hang-up at once: wait instead of spinning.
            guard poll(&entry, 1, 20) > 0, entry.revents & Int16(POLLIN) != 0 else {
                usleep(5000)
                continue
            }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            accepted.add(1, ordering: .relaxed)
            let status: Int
            switch mode {
            case .stall:
                held.withLock { $0.append(client) }
                continue
            case .respond(let code), .slow(_, let code):
                status = code
            case .statuses(let codes):
                let index = answered.add(1, ordering: .relaxed).oldValue
                status = codes.isEmpty ? 200 : codes[min(index, codes.count - 1)]
            }
            if var request = readRequest(client) {
                request.status = status
                received.withLock { $0.append(request) }
            }
            if case .slow(let seconds, _) = mode { usleep(UInt32(seconds * 1e6)) }
            let answer = "HTTP/1.1 \(status) Status\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
            _ = answer.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            close(client)
        }
    }

    /// Reads one request: head up to the blank line, then Content-Length bytes (2 s at most).
    private func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(2)
        var headEnd: Int?
        var contentLength = 0
        while Date() < deadline, data.count < 64 << 20 {
            if let end = headEnd, data.count >= end + contentLength { break }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: buffer[..<count])
            if headEnd == nil, let range = findBlankLine(data) {
                headEnd = range
                let head = String(decoding: data[..<range], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: data[..<(end - 4)], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
            body: Array(data[end..<min(data.count, end + contentLength)]))
    }

    private func findBlankLine(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 0...(data.count - 4)
        where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    /// A port nothing listens on (bound, then closed), for "connection refused".
    /// A loopback port nothing listens on. Port 1 (tcpmux) is privileged and unused here; an
    /// ephemeral port freed by a stopped server could be taken again by another test's server
    /// running in parallel, which made the "collector is down" test flaky under load.
    public static func closedPort() throws -> UInt16 { 1 }

    public struct ServerError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
