/// What the hook process hands back to the harness.
public struct HarnessResponse: Sendable, Equatable {
    /// Compact JSON, no trailing newline.
    public var stdout: [UInt8]
    /// The process exit code: 0 for every normal response (decisions travel in the JSON).
    public var exitCode: Int32
    /// Text for stderr, if any.
    public var stderr: String?

    /// Creates a response.
    public init(stdout: [UInt8], exitCode: Int32 = 0, stderr: String? = nil) {
        self.stdout = stdout
        self.exitCode = exitCode
        self.stderr = stderr
    }

    /// A normal (exit 0) response carrying `json`.
    public init(json: JSONValue) {
        self.init(stdout: json.serialized())
    }

    /// `stdout` as text.
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}
