/// Turns a finished signal command into the value policies read as `input.signals.<name>`,
/// following Cupcake's rules.
enum SignalValue {
    /// - exit 0: stdout trimmed of surrounding whitespace, parsed as JSON when it is JSON, else that string;
    /// - non-zero exit (or killed by a signal, reported as exit_code -1 like Cupcake does):
    ///   `{"exit_code", "output", "error", "success": false}`;
    /// - timeout: `{"timed_out": true, "exit_code": null, "output", "error", "success": false}`.
    static func value(name: String, timeoutSeconds: Double, outcome: ProcessOutcome) -> JSONValue {
        let output = trimmedText(outcome.stdout)
        if outcome.timedOut {
            return .object([
                "timed_out": .bool(true),
                "exit_code": .null,
                "output": .string(output),
                "error": .string("signal \(name) timed out after \(secondsText(timeoutSeconds)) s"),
                "success": .bool(false),
            ])
        }
        guard outcome.exitCode == 0 else {
            return .object([
                "exit_code": .int(Int64(outcome.exitCode ?? -1)),
                "output": .string(output),
                "error": .string(trimmedText(outcome.stderr)),
                "success": .bool(false),
            ])
        }
        if let parsed = try? JSONValue.parse(output) { return parsed }
        return .string(output)
    }

    /// The value of a signal whose command could not be started.
    static func failure(_ error: ProcessRunError) -> JSONValue {
        .object(["error": .string(error.description), "success": .bool(false)])
    }

    /// Bytes as text (invalid UTF-8 replaced) without leading or trailing Unicode whitespace.
    static func trimmedText(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// "5" for whole seconds, "0.25" otherwise.
    static func secondsText(_ seconds: Double) -> String {
        if seconds.isFinite, seconds == seconds.rounded(), abs(seconds) < 1e15 { return String(Int64(seconds)) }
        return String(seconds)
    }
}
