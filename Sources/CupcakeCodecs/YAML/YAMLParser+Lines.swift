extension YAMLParser {
    /// Rejects control characters (binary input) before parsing, naming the first one's place.
    mutating func checkCharacters() throws(YAMLError) {
        var line = 1
        var start = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x0A {
                line += 1
                start = offset + 1
            } else if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                index = offset
                lineNumber = line
                lineStart = start
                let hex = String(byte, radix: 16, uppercase: true)
                throw syntax("control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) is not allowed")
            }
        }
    }

    /// Skips spaces and tabs inside a line.
    mutating func skipInlineSpace() {
        while peek() == 0x20 || peek() == 0x09 { index += 1 }
    }

    /// Skips to the end of the current line (not past the newline).
    mutating func skipToLineEnd() {
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
    }

    /// After a complete node on this line: allows only whitespace and a comment, then moves past the newline.
    mutating func finishLine(after what: String) throws(YAMLError) {
        skipInlineSpace()
        if peek() == UInt8(ascii: "#") {
            if index > lineStart && bytes[index - 1] != 0x20 && bytes[index - 1] != 0x09 {
                throw syntax("a comment needs a space before '#'")
            }
            skipToLineEnd()
        }
        if !atEnd && peek() != 0x0A {
            throw syntax("unexpected text after \(what)")
        }
        advance()
    }

    /// Moves from a line start past blank and comment-only lines to the first content byte of
    /// the next content line and returns its indentation; nil at the end of input or before a
    /// document marker (then `markerAhead` is set).
    mutating func nextContentLine() throws(YAMLError) -> Int? {
        while !atEnd {
            let start = index
            while peek() == 0x20 { index += 1 }
            let byte = peek()
            if byte == 0x0A {
                advance()
                continue
            }
            if byte == 0 { return nil }
            if byte == 0x09 {
                let tabPosition = index
                skipInlineSpace()
                if peek() == 0x0A || peek() == 0 || peek() == UInt8(ascii: "#") {
                    skipToLineEnd()
                    advance()
                    continue
                }
                throw syntax("tabs are not allowed for indentation", at: location(at: tabPosition))
            }
            if byte == UInt8(ascii: "#") {
                skipToLineEnd()
                advance()
                continue
            }
            if index == start, isDocumentMarker() {
                markerAhead = byte
                return nil
            }
            return index - lineStart
        }
        return nil
    }

    /// Whether the cursor (at a line start) is on `---` or `...` followed by a blank.
    func isDocumentMarker() -> Bool {
        let first = peek()
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return peek(1) == first && peek(2) == first && Self.isBlank(peek(3))
    }

    /// Whether the cursor is on a block sequence entry: `-` followed by a blank.
    var atSequenceEntry: Bool {
        peek() == UInt8(ascii: "-") && Self.isBlank(peek(1))
    }

    /// Whether the rest of this line is a `key: value` entry (a `:` followed by a blank, outside
    /// quotes, before any comment). Scans one line; does not move the cursor.
    func lineHoldsMappingEntry() -> Bool {
        var scan = index
        let first = scan < bytes.count ? bytes[scan] : 0
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            scan += 1
            while scan < bytes.count && bytes[scan] != 0x0A {
                let byte = bytes[scan]
                if first == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                    scan += 2
                    continue
                }
                if byte == first {
                    if first == UInt8(ascii: "'") && scan + 1 < bytes.count && bytes[scan + 1] == first {
                        scan += 2
                        continue
                    }
                    scan += 1
                    while scan < bytes.count && (bytes[scan] == 0x20 || bytes[scan] == 0x09) { scan += 1 }
                    return scan < bytes.count && bytes[scan] == UInt8(ascii: ":")
                        && (scan + 1 >= bytes.count || Self.isBlank(bytes[scan + 1]))
                }
                scan += 1
            }
            return false
        }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return false }
        var previous: UInt8 = 0x20
        while scan < bytes.count && bytes[scan] != 0x0A {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) { return false }
            if byte == UInt8(ascii: ":") && (scan + 1 >= bytes.count || Self.isBlank(bytes[scan + 1])) { return true }
            previous = byte
            scan += 1
        }
        return false
    }
}
