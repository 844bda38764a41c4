import CupcakeTestSupport
import Foundation
import Testing

/// OTLP over https: a local TLS collector (python3's ssl module) with a self-signed certificate
/// the test makes with openssl, trusted through OTEL_EXPORTER_OTLP_CERTIFICATE.
@Suite("CLI: OTLP over https")
struct OTLPTLSTests {
    static let tools: Bool = ["/usr/bin/openssl", "/usr/bin/python3"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    /// A TLS collector answering 200 to every POST and appending each request's path and body to
    /// a file; its port on the first line of its stdout.
    final class Collector {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-tls-\(UUID().uuidString)").path
        let process = Process()
        private(set) var port: UInt16 = 0
        var certificate: String { directory + "/cert.pem" }
        var received: String { (try? String(contentsOfFile: directory + "/received.txt", encoding: .utf8)) ?? "" }

        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let made = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/openssl"), [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/key.pem", "-out", certificate,
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            ])
            guard made.status == 0 else { throw ChildProcess.LookupError.notBuilt(name: "certificate: \(made.stderr)", near: directory) }
            let script = """
                import http.server, signal, ssl, sys
                signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
                class Handler(http.server.BaseHTTPRequestHandler):
                    def do_POST(self):
                        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                        with open(sys.argv[1] + "/received.txt", "ab") as f:
                            f.write(self.path.encode() + b"\\n" + body + b"\\n")
                        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
                    def log_message(self, *args): pass
                server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(sys.argv[1] + "/cert.pem", sys.argv[1] + "/key.pem")
                server.socket = context.wrap_socket(server.socket, server_side=True)
                print(server.server_address[1], flush=True)
                server.serve_forever()
                """
            try script.write(toFile: directory + "/server.py", atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [directory + "/server.py", directory]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            port = UInt16(line.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }

        func stop() {
            // SIGKILL: a child may inherit a signal mask that blocks SIGTERM from the test runner.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: directory)
        }

        func wait(seconds: Double, until condition: (Collector) -> Bool) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if condition(self) { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return condition(self)
        }
    }

    @Test("spans reach an https collector whose self-signed certificate is trusted explicitly; untrusted, they stay spooled",
          .enabled(if: tools, "needs openssl and python3 to make and serve a certificate"))
    func https() throws {
        _ = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"))  // compile and cache first
        let collector = try Collector()
        defer { collector.stop() }
        #expect(collector.port > 0)
        let endpoint = "https://127.0.0.1:\(collector.port)"

        // Not trusted: the certificate is refused, nothing arrives, the reason is recorded.
        let untrustedSpool = collector.directory + "/spool-untrusted"
        let refused = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "CUPCAKE_OTLP_SPOOL": untrustedSpool])
        #expect(refused.status == 0)
        let lastError = untrustedSpool + "/https___127.0.0.1_\(collector.port)/last-error"
        let recorded = collector.wait(seconds: 90) { _ in FileManager.default.fileExists(atPath: lastError) }
        #expect(recorded)
        #expect(((try? String(contentsOfFile: lastError, encoding: .utf8)) ?? "").contains("certificate"))
        #expect(collector.received.isEmpty)

        // Trusted through OTEL_EXPORTER_OTLP_CERTIFICATE: the spans arrive.
        let trusted = try CLI.eval(try CLI.event("pretooluse-bash-rm-rf"), environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_EXPORTER_OTLP_CERTIFICATE": collector.certificate,
            "CUPCAKE_OTLP_SPOOL": collector.directory + "/spool"])
        #expect(trusted.status == 0)
        #expect(trusted.stderrBytes.isEmpty, "\(trusted.stderr)")
        #expect(collector.wait(seconds: 60) { $0.received.contains("\"name\":\"evaluate\"") })
        #expect(collector.received.hasPrefix("/v1/traces\n"))
    }
}
