/// The limits a line puts on field values, for outputs that carry values rather than text
/// (OTLP): the same cut, at a character boundary, with the same marker.
enum TextLimit {
    /// `text` cut to at most `limit` UTF-8 bytes plus the marker `…[+N bytes]`.
    static func cut(_ text: String, to limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var cut = utf8.index(utf8.startIndex, offsetBy: max(0, limit))
        // Back to the start of a character: UTF-8 continuation bytes are 10xxxxxx.
        while cut > utf8.startIndex, cut < utf8.endIndex, utf8[cut] & 0xC0 == 0x80 { cut = utf8.index(before: cut) }
        let kept = utf8.distance(from: utf8.startIndex, to: cut)
        return String(decoding: utf8[utf8.startIndex..<cut], as: UTF8.self) + "…[+\(utf8.count - kept) bytes]"
    }

    /// The first ``JSONLineWriter/maxArrayElements`` strings, each cut, and an element saying how
    /// many were left out.
    static func cutArray(_ texts: [String], to limit: Int) -> [String] {
        var kept = texts.prefix(JSONLineWriter.maxArrayElements).map { cut($0, to: limit) }
        if texts.count > JSONLineWriter.maxArrayElements {
            kept.append("…[+\(texts.count - JSONLineWriter.maxArrayElements) more]")
        }
        return kept
    }
}
