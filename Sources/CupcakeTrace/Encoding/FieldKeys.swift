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
package final class PayloadKeys: Sendable {
    /// The names in plain memory, which this object owns: valid while it lives (a tracer's
    /// configuration keeps it for its traces).
    package let table: PayloadTable

    package init(_ names: [String]) {
        let kept = Set(names.filter { !$0.isEmpty }).map { Array($0.utf8) }.sorted { $0.count < $1.count }
        let longest = kept.last?.count ?? 0
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, kept.reduce(0) { $0 + $1.count }))
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: max(1, kept.count))
        let first = UnsafeMutablePointer<Int>.allocate(capacity: longest + 2)
        var offset = 0, index = 0
        for length in 0...(longest + 1) {
            (first + length).initialize(to: index)
            while index < kept.count, kept[index].count == length {
                (starts + index).initialize(to: offset)
                for (position, byte) in kept[index].enumerated() { (bytes + offset + position).initialize(to: byte) }
                offset += length
                index += 1
            }
        }
        table = PayloadTable(
            bytes: bytes, starts: starts, first: first, longest: longest,
            lengths: kept.reduce(0) { $1.count < 64 ? $0 | (1 << UInt64($1.count)) : $0 })
    }

    deinit {
        table.bytes.deallocate()
        table.starts.deallocate()
        table.first.deallocate()
    }
}

/// ``PayloadKeys``' names as plain pointers, so a lookup on the line-writing path touches no
/// reference count (copying a class reference, or nested arrays, costs a retain and release per
/// field). Immutable.
package struct PayloadTable: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>
    /// Where each name starts in `bytes`, grouped by length: the names of length n are
    /// `starts[first[n] ..< first[n + 1]]`.
    let starts: UnsafeMutablePointer<Int>
    let first: UnsafeMutablePointer<Int>
    let longest: Int
    /// Bit n set when some name is n bytes long (n < 64): most keys are ruled out by one test.
    let lengths: UInt64

    /// Whether `key` is one of the names.
    @inline(__always)
    func contains(utf8 key: UnsafeBufferPointer<UInt8>) -> Bool {
        if key.count < 64, lengths & (1 << UInt64(key.count)) == 0 { return false }
        guard key.count <= longest, let base = key.baseAddress else { return false }
        for index in first[key.count]..<first[key.count + 1] {
            // The first byte rules out most names of the same length without a call.
            let name = bytes + starts[index]
            if name.pointee == base.pointee, memcmp(name, base, key.count) == 0 { return true }
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

    static func classify(_ key: String, payload: PayloadTable) -> FieldKind {
        key.utf8.withContiguousStorageIfAvailable { classify(utf8: $0, payload: payload) }
            ?? Array(key.utf8).withUnsafeBufferPointer { classify(utf8: $0, payload: payload) }
    }

    static func classify(utf8 key: UnsafeBufferPointer<UInt8>, payload: PayloadTable) -> FieldKind {
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
