extension YAMLParser {
    /// Parses a literal (`|`) or folded (`>`) block scalar whose header is under the cursor;
    /// content lines are those indented more than `parentIndent`. Leaves the cursor on the next content line.
    mutating func parseBlockScalar(parentIndent: Int) throws(YAMLError) -> String {
        let folded = peek() == UInt8(ascii: ">")
        index += 1
        var chomping: UInt8 = 0  // 0 clip, '-' strip, '+' keep
        var explicitIndent: Int?
        for _ in 0..<2 {
            let byte = peek()
            if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && chomping == 0 {
                chomping = byte
                index += 1
            } else if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") && explicitIndent == nil {
                explicitIndent = Int(byte - UInt8(ascii: "0"))
                index += 1
            }
        }
        if !Self.isBlank(peek()) {
            throw syntax("invalid block scalar header: expected '-', '+' or an indentation digit 1-9")
        }
        try finishLine(after: "the block scalar header")

        var contentIndent = explicitIndent.map { max(parentIndent, 0) + $0 }
        var lines: [ArraySlice<UInt8>] = []
        while !atEnd {
            let start = index
            var spaces = 0
            while start + spaces < bytes.count && bytes[start + spaces] == 0x20 { spaces += 1 }
            var rest = start + spaces
            while rest < bytes.count && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
            let whitespaceOnly = rest >= bytes.count || bytes[rest] == 0x0A
            if spaces == 0 && isDocumentMarker() { break }
            if whitespaceOnly && spaces <= (contentIndent ?? Int.max) {
                lines.append([])
                skipToLineEnd()
                advance()
                continue
            }
            if contentIndent == nil {
                if spaces <= parentIndent { break }
                if bytes[start + spaces] == 0x09 {
                    throw syntax("tabs are not allowed for indentation", at: location(at: start + spaces))
                }
                contentIndent = spaces
            }
            guard let indent = contentIndent, spaces >= indent else { break }
            skipToLineEnd()
            lines.append(bytes[(start + indent)..<index])
            advance()
        }
        _ = try nextContentLine()
        return Self.assembleBlockScalar(lines: lines, folded: folded, chomping: chomping)
    }

    /// Joins the content lines (indentation removed, empty lines empty) per style and chomping.
    static func assembleBlockScalar(lines: [ArraySlice<UInt8>], folded: Bool, chomping: UInt8) -> String {
        let lastContent = lines.lastIndex { !$0.isEmpty }
        var output: [UInt8] = []
        if let lastContent {
            var pendingEmpty = 0
            var previous: ArraySlice<UInt8>?
            for line in lines[...lastContent] {
                if line.isEmpty {
                    pendingEmpty += 1
                    continue
                }
                if let previous {
                    let bothNormal = folded && !isMoreIndented(previous) && !isMoreIndented(line)
                    if bothNormal && pendingEmpty == 0 {
                        output.append(0x20)
                    } else {
                        output.append(contentsOf: repeatElement(0x0A, count: pendingEmpty + (bothNormal ? 0 : 1)))
                    }
                } else {
                    output.append(contentsOf: repeatElement(0x0A, count: pendingEmpty))
                }
                output.append(contentsOf: line)
                previous = line
                pendingEmpty = 0
            }
            if chomping != UInt8(ascii: "-") { output.append(0x0A) }
            if chomping == UInt8(ascii: "+") {
                output.append(contentsOf: repeatElement(0x0A, count: lines.count - lastContent - 1))
            }
        } else if chomping == UInt8(ascii: "+") {
            output.append(contentsOf: repeatElement(0x0A, count: lines.count))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isMoreIndented(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == 0x20 || line.first == 0x09
    }
}
