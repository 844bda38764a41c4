extension YAMLParser {
    /// Parses a flow node (`[...]`, `{...}`, quoted or plain scalar), which may span lines.
    mutating func parseFlowNode(depth: Int) throws(YAMLError) -> JSONValue {
        try rejectNodeProperties()
        switch peek() {
        case UInt8(ascii: "["): return try parseFlowSequence(depth: depth)
        case UInt8(ascii: "{"): return try parseFlowMapping(depth: depth)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try parseQuotedScalar())
        case UInt8(ascii: "|"), UInt8(ascii: ">"): throw syntax("block scalars are not allowed inside flow collections")
        case UInt8(ascii: "-") where Self.isBlank(peek(1)): throw syntax("block sequences are not allowed inside flow collections")
        case UInt8(ascii: "?") where Self.isBlank(peek(1)): throw unsupported("complex keys ('?') are not supported")
        default: return YAMLCoreSchema.resolve(plain: try parseFlowPlainScalar())
        }
    }

    private mutating func parseFlowSequence(depth: Int) throws(YAMLError) -> JSONValue {
        try checkDepth(depth)
        let opened = here
        index += 1
        var elements: [JSONValue] = []
        try skipFlowSpace(opened: opened, closer: "]")
        while peek() != UInt8(ascii: "]") {
            if peek() == UInt8(ascii: ",") { throw syntax("expected a value before ','") }
            pushIndex(elements.count)
            record(here)
            var element = try parseFlowNode(depth: depth + 1)
            try skipFlowSpace(opened: opened, closer: "]")
            if peek() == UInt8(ascii: ":") {
                // `[a: b]` is a sequence holding the one-pair mapping {a: b}.
                guard case .string(let key) = element else {
                    throw unsupported("only scalar keys are supported in a flow sequence's single-pair mapping")
                }
                index += 1
                try skipFlowSpace(opened: opened, closer: "]")
                let value = peek() == UInt8(ascii: ",") || peek() == UInt8(ascii: "]") ? JSONValue.null : try parseFlowNode(depth: depth + 2)
                element = .object([key: value])
                try skipFlowSpace(opened: opened, closer: "]")
            }
            popPath()
            elements.append(element)
            if peek() == UInt8(ascii: ",") {
                index += 1
                try skipFlowSpace(opened: opened, closer: "]")
            } else if peek() != UInt8(ascii: "]") {
                throw syntax("expected ',' or ']' in a flow sequence")
            }
        }
        index += 1
        return .array(elements)
    }

    private mutating func parseFlowMapping(depth: Int) throws(YAMLError) -> JSONValue {
        try checkDepth(depth)
        let opened = here
        index += 1
        var members: [String: JSONValue] = [:]
        try skipFlowSpace(opened: opened, closer: "}")
        while peek() != UInt8(ascii: "}") {
            let keyLocation = here
            let key: String
            switch peek() {
            case UInt8(ascii: ","): throw syntax("expected a key before ','")
            case UInt8(ascii: "["), UInt8(ascii: "{"): throw unsupported("flow collections as keys are not supported")
            case UInt8(ascii: "\""), UInt8(ascii: "'"): key = try parseQuotedScalar()
            case UInt8(ascii: ":") where Self.isFlowBlank(peek(1)): throw syntax("empty mapping key")
            default:
                try rejectNodeProperties()
                key = try parseFlowPlainScalar()
            }
            if members[key] != nil { throw syntax("duplicate key \"\(key)\"", at: keyLocation) }
            try skipFlowSpace(opened: opened, closer: "}")
            var value = JSONValue.null
            pushKey(key)
            if peek() == UInt8(ascii: ":") {
                index += 1
                try skipFlowSpace(opened: opened, closer: "}")
                record(here)
                if peek() != UInt8(ascii: ",") && peek() != UInt8(ascii: "}") {
                    value = try parseFlowNode(depth: depth + 1)
                    try skipFlowSpace(opened: opened, closer: "}")
                }
            }
            popPath()
            members[key] = value
            if peek() == UInt8(ascii: ",") {
                index += 1
                try skipFlowSpace(opened: opened, closer: "}")
            } else if peek() != UInt8(ascii: "}") {
                throw syntax("expected ',' or '}' in a flow mapping")
            }
        }
        index += 1
        return .object(members)
    }

    /// Skips spaces, tabs, line breaks and comments between flow tokens; end of input is an
    /// unterminated collection reported where it opened.
    private mutating func skipFlowSpace(opened: YAMLLocation, closer: Character) throws(YAMLError) {
        while true {
            let byte = peek()
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                advance()
            } else if byte == UInt8(ascii: "#") {
                let previous = index > 0 ? bytes[index - 1] : 0x0A
                guard previous == 0x20 || previous == 0x09 || previous == 0x0A else {
                    throw syntax("a comment needs a space before '#'")
                }
                skipToLineEnd()
            } else if byte == 0 {
                let kind = closer == "]" ? "flow sequence" : "flow mapping"
                throw syntax("unterminated \(kind): no closing '\(closer)' for this opening bracket", at: opened)
            } else if index - lineStart == 0 && isDocumentMarker() {
                throw syntax("unterminated flow collection before a document marker", at: opened)
            } else {
                return
            }
        }
    }

    static func isFlowBlank(_ byte: UInt8) -> Bool {
        isBlank(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// Reads a plain scalar inside a flow collection: stops at `,[]{}`, `: `, ` #` or a line end.
    private mutating func parseFlowPlainScalar() throws(YAMLError) -> String {
        let start = index
        var previous: UInt8 = 0x20
        while true {
            let byte = peek()
            if byte == 0 || byte == 0x0A || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { break }
            if byte == UInt8(ascii: ":") && Self.isFlowBlank(peek(1)) { break }
            if byte == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09) { break }
            previous = byte
            index += 1
        }
        var end = index
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if end == start { throw syntax("expected a value") }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
