extension YAMLParser {
    /// Parses a plain scalar in block context, continuing onto following lines indented more than
    /// `parentIndent`; leaves the cursor on the next content line.
    mutating func parseBlockPlainScalar(parentIndent: Int) throws(YAMLError) -> String {
        var output: [UInt8] = []
        var endedByComment = try appendPlainLine(into: &output)
        while !endedByComment && !atEnd {
            // Look ahead for a continuation line; restore the cursor if there is none.
            let saved = (index, lineNumber, lineStart)
            advance()
            var emptyLines = 0
            var continuation = false
            while !atEnd {
                while peek() == 0x20 { index += 1 }
                if peek() == 0x0A {
                    emptyLines += 1
                    advance()
                    continue
                }
                let indent = index - lineStart
                let byte = peek()
                continuation = byte != 0 && byte != 0x09 && byte != UInt8(ascii: "#") && indent > parentIndent
                    && !(indent == 0 && isDocumentMarker())
                break
            }
            guard continuation else {
                (index, lineNumber, lineStart) = saved
                break
            }
            if emptyLines == 0 {
                output.append(0x20)
            } else {
                output.append(contentsOf: repeatElement(0x0A, count: emptyLines))
            }
            endedByComment = try appendPlainLine(into: &output)
        }
        try finishLine(after: "a plain scalar")
        _ = try nextContentLine()
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the plain text up to the end of the line or a ` #` comment, without trailing
    /// spaces; returns whether a comment ended it.
    private mutating func appendPlainLine(into output: inout [UInt8]) throws(YAMLError) -> Bool {
        let start = index
        var previous: UInt8 = 0x20
        var comment = false
        while true {
            let byte = peek()
            if byte == 0x0A || byte == 0 { break }
            if byte == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) {
                comment = true
                break
            }
            if byte == UInt8(ascii: ":") && Self.isBlank(peek(1)) {
                throw syntax("unexpected ': ' inside a plain scalar; quote the value or put a nested mapping on its own line")
            }
            previous = byte
            index += 1
        }
        var end = index
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        output.append(contentsOf: bytes[start..<end])
        return comment
    }
}
