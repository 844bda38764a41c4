import CupcakeTestSupport
import Foundation

/// Runs the built `cupcake` CLI against the demo project and fixture events.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let project = root.appendingPathComponent("Fixtures/project/.cupcake").path
    /// A cache directory per test run, so tests never depend on a user's cache.
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-cli-tests-\(getpid())").path

    static func event(_ name: String, harness: String = "claude") throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Fixtures/events/\(harness)/\(name).json"))
    }

    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
        standardError: ChildProcess.StandardError = .pipe
    ) throws -> ChildProcess.Result {
        try ChildProcess.run(
            try ChildProcess.executable(named: "cupcake"), arguments, environment: environment, stdin: stdin,
            standardError: standardError)
    }

    /// `cupcake eval --harness claude` on the demo project.
    static func eval(
        _ stdin: Data, harness: String = "claude", policyDirectory: String = project, extra: [String] = [],
        environment: [String: String] = [:]
    ) throws -> ChildProcess.Result {
        try run(["eval", "--harness", harness, "--policy-dir", policyDirectory, "--cache-dir", cache] + extra,
                stdin: stdin, environment: environment)
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return object as? [String: Any] ?? [:]
    }

    /// The spans of one OTLP/JSON request line, across its resource and scope groups.
    static func otlpSpans(_ request: String) throws -> [[String: Any]] {
        let resources = try json(request)["resourceSpans"] as? [[String: Any]] ?? []
        return resources.flatMap { $0["scopeSpans"] as? [[String: Any]] ?? [] }.flatMap { $0["spans"] as? [[String: Any]] ?? [] }
    }
}
