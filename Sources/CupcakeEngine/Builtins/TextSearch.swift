#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `needle` occurs in this text, compared byte for byte (UTF-8). Builtins search
    /// commands and paths many times per event; Foundation's `contains` goes through NSString
    /// and costs microseconds a call, this costs nanoseconds.
    func includes(_ needle: some StringProtocol) -> Bool {
        if needle.isEmpty { return true }
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { wanted in TextSearch.occurs(wanted, in: haystack) }
        }
        if let found = found ?? nil { return found }
        var haystack = String(self), wanted = String(needle)
        haystack.makeContiguousUTF8()
        wanted.makeContiguousUTF8()
        return haystack.includes(wanted)
    }
}

extension String {
    /// Lower-cased: ASCII text byte by byte (itself, uncopied, when it has no capitals), other
    /// text by Unicode's rules.
    var lowered: String {
        var capitals = false
        for byte in utf8 {
            if byte >= 0x80 { return lowercased() }
            if byte >= 0x41 && byte <= 0x5A { capitals = true }
        }
        guard capitals else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// `hasPrefix` byte for byte (UTF-8), without Unicode's canonical equivalence: paths and
    /// patterns are compared as the bytes the file system sees.
    func hasBytePrefix(_ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard count <= utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { wanted in
                guard let text = text.baseAddress, let wanted = wanted.baseAddress else { return count == 0 }
                return memcmp(text, wanted, count) == 0
            }
        }.flatMap { $0 } ?? hasPrefix(prefix)
    }

    /// Whether any byte of the text's UTF-8 is one of `bytes`.
    func containsAnyByte(_ bytes: (UInt8, UInt8, UInt8)) -> Bool {
        utf8.withContiguousStorageIfAvailable { text in
            text.contains { $0 == bytes.0 || $0 == bytes.1 || $0 == bytes.2 }
        } ?? utf8.contains { $0 == bytes.0 || $0 == bytes.1 || $0 == bytes.2 }
    }
}

enum TextSearch {
    /// memchr for the first byte, memcmp for the rest.
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = haystack.baseAddress, let wanted = needle.baseAddress, needle.count <= haystack.count else {
            return needle.isEmpty
        }
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(start + offset, Int32(wanted.pointee), last - offset + 1) else { return false }
            let index = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(start + index, wanted, needle.count) == 0 { return true }
            offset = index + 1
        }
        return false
    }
}
