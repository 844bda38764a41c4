/// The limits a line puts on field values: strings cut at a character boundary with a marker
/// saying how much was cut, arrays cut with a last element saying how many were left out. The
/// line writer applies them to bytes; outputs that carry values rather than text (OTLP) use
/// ``cut(_:to:)`` and ``cutArray(_:to:)``.
enum TextLimit {
    /// The largest prefix of `utf8` of at most `limit` bytes that ends at a character boundary.
    static func characterBoundary(in utf8: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        var cut = max(0, limit)
        // UTF-8 continuation bytes are 10xxxxxx.
        while cut > 0, cut < utf8.count, utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// What replaces the `count` bytes cut from a string.
    static func cutMarker(_ count: Int) -> String { "…[+\(count) bytes]" }

    /// The last element of an array from which `count` elements were left out.
    static func omittedMarker(_ count: Int) -> String { "…[+\(count) more]" }

    /// `text` cut to at most `limit` UTF-8 bytes plus the cut marker.
    static func cut(_ text: String, to limit: Int) -> String {
        JSONLineWriter.withUTF8(text) { utf8 in
            guard utf8.count > limit else { return text }
            let kept = characterBoundary(in: utf8, atMost: limit)
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[0..<kept]), as: UTF8.self) + cutMarker(utf8.count - kept)
        }
    }

    /// The first ``JSONLineWriter/maxArrayElements`` strings, each cut, and an element saying how
    /// many were left out.
    static func cutArray(_ texts: [String], to limit: Int) -> [String] {
        var kept = texts.prefix(JSONLineWriter.maxArrayElements).map { cut($0, to: limit) }
        if texts.count > JSONLineWriter.maxArrayElements {
            kept.append(omittedMarker(texts.count - JSONLineWriter.maxArrayElements))
        }
        return kept
    }
}
