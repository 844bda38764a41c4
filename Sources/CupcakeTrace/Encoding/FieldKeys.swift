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

/// The names of fields that carry raw content (commands, prompts, command output), which lines
/// leave out unless the `payload` category is on. The embedder names them
/// (``TraceConfiguration/payloadKeys``); kept by length, so telling a key costs a couple of byte
/// comparisons instead of hashing every key on every span.
package struct PayloadKeys: Sendable {
    /// The names, by their UTF-8 length.
    private let byLength: [[[UInt8]]]

    package init(_ names: [String]) {
        var table: [[[UInt8]]] = []
        for name in names where !name.isEmpty {
            let bytes = Array(name.utf8)
            while table.count <= bytes.count { table.append([]) }
            table[bytes.count].append(bytes)
        }
        byLength = table
    }

    /// Whether `key` is one of the names.
    func contains(utf8 key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count < byLength.count, let base = key.baseAddress else { return false }
        for name in byLength[key.count] {
            // The first byte rules out most names of the same length without a call.
            let equal = name.withUnsafeBufferPointer { name in
                guard let start = name.baseAddress, start.pointee == base.pointee else { return false }
                return memcmp(start, base, key.count) == 0
            }
            if equal { return true }
        }
        return false
    }
}

/// The reserved key names, and how a key is classified.
package enum FieldKeys {
    /// Keys the contract owns on every line; a field with one of these names is renamed.
    package static let reserved: [String] = [
        "timestamp", "level", "span", "trace_id", "span_id", "parent_span_id", "duration_ms",
        "event", "error", "message", "target",
    ]

    static func classify(_ key: String, payload: PayloadKeys) -> FieldKind {
        key.utf8.withContiguousStorageIfAvailable { classify(utf8: $0, payload: payload) }
            ?? Array(key.utf8).withUnsafeBufferPointer { classify(utf8: $0, payload: payload) }
    }

    static func classify(utf8 key: UnsafeBufferPointer<UInt8>, payload: PayloadKeys) -> FieldKind {
        if isReserved(utf8: key) { return .reserved }
        return payload.contains(utf8: key) ? .payload : []
    }

    static func isReserved(utf8 key: UnsafeBufferPointer<UInt8>) -> Bool {
        // The length picks a handful of candidates; each is a byte comparison, not String's ==
        // (which takes a Unicode-aware slow path for every mismatch).
        switch key.count {
        case 4: return matches(key, "span")
        case 5: return matches(key, "level") || matches(key, "event") || matches(key, "error")
        case 6: return matches(key, "target")
        case 7: return matches(key, "span_id") || matches(key, "message")
        case 8: return matches(key, "trace_id")
        case 9: return matches(key, "timestamp")
        case 11: return matches(key, "duration_ms")
        case 14: return matches(key, "parent_span_id")
        default: return false
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
