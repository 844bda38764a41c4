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
        // Literal comparisons only: no arrays or hashing on the per-field path.
        switch key.utf8.count {
        case 4: return key == "span" ? .reserved : []
        case 5: return key == "level" || key == "event" || key == "error" ? .reserved : []
        case 6:
            if key == "target" { return .reserved }
            return key == "prompt" || key == "output" || key == "stdout" || key == "stderr" ? .payload : []
        case 7:
            if key == "span_id" || key == "message" { return .reserved }
            return key == "content" ? .payload : []
        case 8: return key == "trace_id" ? .reserved : []
        case 9: return key == "timestamp" ? .reserved : []
        case 10:
            return key == "tool_input" || key == "transcript" || key == "event_json" || key == "input_json"
                ? .payload : []
        case 11:
            if key == "duration_ms" { return .reserved }
            return key == "result_json" ? .payload : []
        case 13: return key == "tool_response" || key == "updated_input" || key == "signal_output" ? .payload : []
        case 14: return key == "parent_span_id" ? .reserved : []
        default: return []
        }
    }
}
