/// How a field's key is treated on a line, decided once when the field is recorded.
struct FieldKind: OptionSet {
    let rawValue: UInt8
    /// The key is one the contract owns; the field is written as `field.<key>`.
    static let reserved = FieldKind(rawValue: 1)
    /// The key carries raw event content; written only with the `payload` category.
    static let payload = FieldKind(rawValue: 2)
}

/// The reserved and payload key names. A switch on length first keeps classification to a couple
/// of comparisons instead of hashing every key on every span.
public enum FieldKeys {
    /// Keys the contract owns on every line; a field with one of these names is renamed.
    public static let reserved: [String] = [
        "timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms",
        "event", "error", "message", "target",
    ]

    /// Field names that carry raw event content. They are dropped from lines unless the `payload`
    /// category is on, whichever API recorded them: safety does not depend on every call site
    /// remembering to use `recordPayload`.
    public static let payload: [String] = [
        "tool_input", "tool_response", "prompt", "content", "output", "stdout", "stderr",
        "updated_input", "transcript", "signal_output", "event_json", "input_json", "result_json",
    ]

    /// Whether `key` names raw event content.
    public static func isPayload(_ key: String) -> Bool { classify(key).contains(.payload) }

    static func classify(_ key: String) -> FieldKind {
        let candidates: [String]
        switch key.utf8.count {
        case 4: candidates = ["span"]
        case 5: candidates = ["level", "event", "error"]
        case 6: candidates = ["target", "prompt", "output", "stdout", "stderr"]
        case 7: candidates = ["span_id", "message", "content"]
        case 8: candidates = ["trace_id"]
        case 9: candidates = ["timestamp"]
        case 10: candidates = ["tool_input", "transcript", "event_json", "input_json"]
        case 11: candidates = ["duration_ms", "result_json"]
        case 13: candidates = ["tool_response", "updated_input", "signal_output"]
        case 14: candidates = ["parent_span_id"]
        default: return []
        }
        guard let match = candidates.first(where: { $0 == key }) else { return [] }
        return payload.contains(match) ? .payload : .reserved
    }
}
