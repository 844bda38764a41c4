#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
package enum FieldKeys {
    /// Keys the contract owns on every line; a field with one of these names is renamed.
    package static let reserved: [String] = [
        "timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms",
        "event", "error", "message", "target",
    ]

    /// Field names that carry raw event content. They are dropped from lines unless the `payload`
    /// category is on, whichever API recorded them: safety does not depend on every call site
    /// remembering to use `recordPayload`.
    package static let payload: [String] = [
        "tool_input", "tool_response", "prompt", "content", "output", "stdout", "stderr",
        "updated_input", "transcript", "signal_output", "event_json", "input_json", "result_json",
    ]

    /// Whether `key` names raw event content.
    package static func isPayload(_ key: String) -> Bool { classify(key).contains(.payload) }

    static func classify(_ key: String) -> FieldKind {
        key.utf8.withContiguousStorageIfAvailable(classify(utf8:)) ?? Array(key.utf8).withUnsafeBufferPointer(classify(utf8:))
    }

    static func classify(utf8 key: UnsafeBufferPointer<UInt8>) -> FieldKind {
        // The length picks a handful of candidates; each is a byte comparison, not String's ==
        // (which takes a Unicode-aware slow path for every mismatch).
        switch key.count {
        case 4: return matches(key, "span") ? .reserved : []
        case 5: return matches(key, "level") || matches(key, "event") || matches(key, "error") ? .reserved : []
        case 6:
            if matches(key, "target") { return .reserved }
            return matches(key, "prompt") || matches(key, "output") || matches(key, "stdout") || matches(key, "stderr")
                ? .payload : []
        case 7:
            if matches(key, "span_id") || matches(key, "message") { return .reserved }
            return matches(key, "content") ? .payload : []
        case 8: return matches(key, "trace_id") ? .reserved : []
        case 9: return matches(key, "timestamp") ? .reserved : []
        case 10:
            return matches(key, "tool_input") || matches(key, "transcript") || matches(key, "event_json")
                || matches(key, "input_json") ? .payload : []
        case 11:
            if matches(key, "duration_ms") { return .reserved }
            return matches(key, "result_json") ? .payload : []
        case 13:
            return matches(key, "tool_response") || matches(key, "updated_input") || matches(key, "signal_output")
                ? .payload : []
        case 14: return matches(key, "parent_span_id") ? .reserved : []
        default: return []
        }
    }

    /// Whether `key` holds exactly the bytes of `name` (the caller checked the length).
    @inline(__always)
    private static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        guard let base = key.baseAddress else { return true }
        // The first byte rules out most candidates of the same length without a call.
        return base.pointee == name.utf8Start.pointee && memcmp(base, name.utf8Start, key.count) == 0
    }

    /// Whether two keys are the same bytes. Keys are compared byte for byte, as they are written
    /// on a line; String's == would also pay for Unicode equivalence on every mismatch.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let equal = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                guard let l = left.baseAddress, let r = right.baseAddress else { return true }  // both empty
                return memcmp(l, r, left.count) == 0
            }
        }
        return (equal ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
