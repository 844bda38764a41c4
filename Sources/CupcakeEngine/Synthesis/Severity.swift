/// How serious a policy decision is, as the policy's `severity` field states it.
///
/// Ordered from least to most severe (`info < low < medium < high < critical`), so `max()`
/// gives the most severe of several.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case critical = "CRITICAL"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"
    case info = "INFO"

    /// The severity a decision gets when its `severity` is missing or not one we know.
    public static let defaultValue: Severity = .medium

    /// Reads a policy's severity text, ignoring case and surrounding spaces. "MODERATE" is read
    /// as medium (older Cupcake policies use it); anything unknown becomes `defaultValue`.
    public init(parsing text: String) {
        var trimmed = Substring(text)
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        switch trimmed.uppercased() {
        case "CRITICAL": self = .critical
        case "HIGH": self = .high
        case "MEDIUM", "MODERATE": self = .medium
        case "LOW": self = .low
        case "INFO", "INFORMATIONAL": self = .info
        default: self = Severity.defaultValue
        }
    }

    /// 0 for info up to 4 for critical.
    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    /// Whether `lhs` is less severe than `rhs`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
