extension YAMLParser {
    /// Parses the whole text: an optional `---`, one node, then only blank and comment lines.
    mutating func parseDocument() throws(YAMLError) -> JSONValue {
        if oversized {
            throw .inputTooLarge(origin: origin, byteCount: YAMLLimits.maxInputBytes + 1, limit: YAMLLimits.maxInputBytes)
        }
        try checkCharacters()
        var sawStart = false
        var indent = try nextContentLine()
        while true {
            if indent == nil, markerAhead == UInt8(ascii: "-"), !sawStart {
                sawStart = true
                markerAhead = nil
                index += 3
                try finishLine(after: "'---' (content on the document start line is not supported)")
                indent = try nextContentLine()
                continue
            }
            if indent != nil, peek() == UInt8(ascii: "%"), currentIndent == 0 {
                throw unsupported("directives ('%') are not supported")
            }
            break
        }
        var value = JSONValue.null
        if let indent {
            record(here)
            value = try parseBlockNode(indent: indent, parentIndent: -1, depth: 1)
        }
        try expectDocumentEnd()
        return value
    }

    /// After the root node: rejects leftovers, a second document, or content after `...`.
    private mutating func expectDocumentEnd() throws(YAMLError) {
        if let marker = markerAhead {
            if marker == UInt8(ascii: "-") {
                throw unsupported("multi-document streams are not supported")
            }
            markerAhead = nil
            index += 3
            try finishLine(after: "'...'")
            if try nextContentLine() != nil || markerAhead != nil {
                throw unsupported("multi-document streams are not supported")
            }
            return
        }
        if !atEnd {
            throw syntax("inconsistent indentation: this line does not line up with an enclosing block")
        }
    }

    /// Parses a node whose first byte is under the cursor at indentation `indent`.
    mutating func parseBlockNode(indent: Int, parentIndent: Int, depth: Int) throws(YAMLError) -> JSONValue {
        if atSequenceEntry {
            return try parseBlockSequence(indent: indent, depth: depth)
        }
        if lineHoldsMappingEntry() {
            return try parseBlockMapping(indent: indent, depth: depth)
        }
        return try parseInlineNode(parentIndent: parentIndent, depth: depth, afterKey: false)
    }

    /// Parses `key: value` entries whose keys sit at column `indent`; the first key may start mid-line (after `- `).
    mutating func parseBlockMapping(indent: Int, depth: Int) throws(YAMLError) -> JSONValue {
        try checkDepth(depth)
        var members: [String: JSONValue] = [:]
        while true {
            let keyLocation = here
            if atSequenceEntry {
                throw syntax("expected a 'key: value' entry, found a sequence item at the indentation of the mapping's keys")
            }
            let key = try parseBlockKey()
            if members[key] != nil {
                throw syntax("duplicate key \"\(key)\"", at: keyLocation)
            }
            pushKey(key)
            members[key] = try parseBlockValue(parentIndent: indent, depth: depth, inMapping: true)
            popPath()
            guard !atEnd, markerAhead == nil else { break }
            let next = currentIndent
            if next < indent { break }
            if next > indent {
                throw syntax("inconsistent indentation: expected a key at column \(indent + 1)")
            }
        }
        return .object(members)
    }

    /// Parses `- item` entries whose dashes sit at column `indent`.
    mutating func parseBlockSequence(indent: Int, depth: Int) throws(YAMLError) -> JSONValue {
        try checkDepth(depth)
        var elements: [JSONValue] = []
        while atSequenceEntry {
            pushIndex(elements.count)
            index += 1
            elements.append(try parseBlockValue(parentIndent: indent, depth: depth, inMapping: false))
            popPath()
            guard !atEnd, markerAhead == nil else { break }
            let next = currentIndent
            if next < indent { break }
            if next > indent {
                throw syntax("inconsistent indentation: expected '- ' at column \(indent + 1)")
            }
        }
        return .array(elements)
    }

    /// Parses the value after `key:` or `- `, on the same line or the following more-indented
    /// lines; leaves the cursor on the next content line.
    private mutating func parseBlockValue(parentIndent: Int, depth: Int, inMapping: Bool) throws(YAMLError) -> JSONValue {
        skipInlineSpace()
        if peek() == 0x0A || atEnd || peek() == UInt8(ascii: "#") {
            try finishLine(after: "the entry")
            guard let next = try nextContentLine() else {
                record(here)
                return .null
            }
            record(here)
            if next > parentIndent {
                return try parseBlockNode(indent: next, parentIndent: parentIndent, depth: depth + 1)
            }
            // YAML lets a mapping's sequence value start at the key's own indentation.
            if next == parentIndent && inMapping && atSequenceEntry {
                return try parseBlockSequence(indent: next, depth: depth + 1)
            }
            return .null
        }
        record(here)
        if !inMapping {
            // Compact forms inside `- `: a mapping or a nested sequence starting on the dash's line.
            if atSequenceEntry {
                return try parseBlockSequence(indent: currentIndent, depth: depth + 1)
            }
            if lineHoldsMappingEntry() {
                return try parseBlockMapping(indent: currentIndent, depth: depth + 1)
            }
        }
        return try parseInlineNode(parentIndent: parentIndent, depth: depth + 1, afterKey: inMapping)
    }

    /// Parses a mapping key up to and including its `:`.
    private mutating func parseBlockKey() throws(YAMLError) -> String {
        let start = here
        let first = peek()
        if first == UInt8(ascii: "?") && Self.isBlank(peek(1)) {
            throw unsupported("complex keys ('?') are not supported")
        }
        try rejectNodeProperties()
        var key: String
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let line = lineNumber
            key = try parseQuotedScalar()
            if lineNumber != line {
                throw syntax("a quoted key must fit on one line", at: start)
            }
            skipInlineSpace()
        } else {
            if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
                throw unsupported("flow collections as keys are not supported")
            }
            let keyStart = index
            var previous: UInt8 = 0x20
            while true {
                let byte = peek()
                if byte == 0x0A || byte == 0 { break }
                if byte == UInt8(ascii: ":") && Self.isBlank(peek(1)) { break }
                if byte == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) { break }
                previous = byte
                index += 1
            }
            var end = index
            while end > keyStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            key = String(decoding: bytes[keyStart..<end], as: UTF8.self)
            if key.isEmpty && peek() == UInt8(ascii: ":") {
                throw syntax("empty mapping key", at: start)
            }
        }
        guard peek() == UInt8(ascii: ":") else {
            throw syntax("expected 'key: value', found a line without ':'", at: start)
        }
        index += 1
        return key
    }

    /// Rejects anchors, aliases, tags and reserved indicators at the start of a node.
    func rejectNodeProperties() throws(YAMLError) {
        switch peek() {
        case UInt8(ascii: "&"): throw unsupported("anchors ('&') are not supported")
        case UInt8(ascii: "*"): throw unsupported("aliases ('*') are not supported")
        case UInt8(ascii: "!"): throw unsupported("tags ('!') are not supported")
        case UInt8(ascii: "@"), UInt8(ascii: "`"): throw syntax("a plain scalar cannot start with '\(Character(Unicode.Scalar(peek())))'; quote it")
        default: return
        }
    }

    /// Parses a node that starts mid-line: block scalar, flow collection, quoted or plain scalar.
    /// Leaves the cursor on the next content line.
    mutating func parseInlineNode(parentIndent: Int, depth: Int, afterKey: Bool) throws(YAMLError) -> JSONValue {
        try rejectNodeProperties()
        let byte = peek()
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return .string(try parseBlockScalar(parentIndent: parentIndent))
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let value = try parseFlowNode(depth: depth)
            try finishLine(after: byte == UInt8(ascii: "[") ? "a flow sequence" : "a flow mapping")
            _ = try nextContentLine()
            return value
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let text = try parseQuotedScalar()
            try finishLine(after: "a quoted scalar")
            _ = try nextContentLine()
            return .string(text)
        case UInt8(ascii: "-") where Self.isBlank(peek(1)):
            throw syntax(afterKey ? "a block sequence cannot start on the same line as its key" : "unexpected '- '")
        case UInt8(ascii: "?") where Self.isBlank(peek(1)):
            throw unsupported("complex keys ('?') are not supported")
        case UInt8(ascii: "%"):
            throw syntax("a plain scalar cannot start with '%'; quote it")
        default:
            let text = try parseBlockPlainScalar(parentIndent: parentIndent)
            return YAMLCoreSchema.resolve(plain: text)
        }
    }
}
