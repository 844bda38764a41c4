/// Severity of a diagnostic line, filtered by `CUPCAKE_LOG` (or `RUST_LOG` when that is unset).
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case error = 1, warn, info, debug, trace

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The upper-case name written in a line's `level` key.
    public var label: String { staticLabel.description }

    var staticLabel: StaticString {
        switch self {
        case .error: "ERROR"
        case .warn: "WARN"
        case .info: "INFO"
        case .debug: "DEBUG"
        case .trace: "TRACE"
        }
    }

    /// Parses `error|warn|info|debug|trace` (case-insensitive; `warning` too).
    public init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "error": self = .error
        case "warn", "warning": self = .warn
        case "info": self = .info
        case "debug": self = .debug
        case "trace": self = .trace
        default: return nil
        }
    }

    /// The threshold from the environment: `CUPCAKE_LOG`, else the part of `RUST_LOG` that
    /// applies to us (a bare level, or a `cupcake...=level` directive), else `warn`.
    /// Returns the offending text when a variable was set but not understood.
    public static func fromEnvironment(_ environment: [String: String]) -> (level: LogLevel, invalid: String?) {
        if let value = environment["CUPCAKE_LOG"], !value.isEmpty {
            if let level = LogLevel(name: value.trimmingWhitespace()) { return (level, nil) }
            return (.warn, "CUPCAKE_LOG=\(value)")
        }
        guard let value = environment["RUST_LOG"], !value.isEmpty else { return (.warn, nil) }
        var level: LogLevel? = nil
        for directive in value.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1)
            if parts.count == 1, let bare = LogLevel(name: parts[0].trimmingWhitespace()) {
                level = level ?? bare
            } else if parts.count == 2, parts[0].trimmingWhitespace().hasPrefix("cupcake"),
                let scoped = LogLevel(name: parts[1].trimmingWhitespace())
            {
                level = scoped  // a directive naming us beats a bare default
            }
        }
        // RUST_LOG often names other crates only; that is not an error for us.
        return (level ?? .warn, nil)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        Substring(self).trimmingWhitespace()
    }
}
