/// The state of one parse: the UTF-8 bytes, a cursor, and the line it is on.
///
/// Invariant between block-level steps: the cursor sits on the first content byte of a line
/// (after its indentation), or at the end of input, or before a document marker (`markerAhead`).
struct YAMLParser {
    let bytes: [UInt8]
    let origin: String
    var index = 0
    /// 1-based number of the line holding `index`.
    var lineNumber = 1
    /// Offset of the first byte of that line.
    var lineStart = 0
    /// Set when `nextContentLine` stopped at a `---` or `...` line.
    var markerAhead: UInt8?
    let recordLocations: Bool
    var locations: [String: YAMLLocation] = [:]
    var path: [String] = []
    var oversized = false

    init(text: String, origin: String, recordLocations: Bool) {
        var raw = Array(text.utf8)
        if raw.count > YAMLLimits.maxInputBytes {
            oversized = true
            raw = []
        }
        // CRLF becomes LF so that every other step deals with one line ending.
        if raw.contains(UInt8(ascii: "\r")) {
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(raw.count)
            for (offset, byte) in raw.enumerated() where !(byte == 0x0D && offset + 1 < raw.count && raw[offset + 1] == 0x0A) {
                cleaned.append(byte)
            }
            raw = cleaned
        }
        self.bytes = raw
        self.origin = origin
        self.recordLocations = recordLocations
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
    }

    // MARK: - Cursor

    /// The byte at `index + offset`, or 0 past the end (NUL is rejected up front, so 0 means end).
    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        let position = index + offset
        return position < bytes.count ? bytes[position] : 0
    }

    var atEnd: Bool { index >= bytes.count }

    /// Whether `byte` ends a token in block context: space, tab, newline or end of input.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0
    }

    /// Moves past one byte, keeping the line bookkeeping right.
    @inline(__always)
    mutating func advance() {
        if index < bytes.count {
            if bytes[index] == 0x0A {
                lineNumber += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// The location of byte offset `position`, which must be on the current line.
    func location(at position: Int) -> YAMLLocation {
        var column = 1
        var scan = lineStart
        while scan < position && scan < bytes.count {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if bytes[scan] & 0xC0 != 0x80 { column += 1 }
            scan += 1
        }
        return YAMLLocation(origin: origin, line: lineNumber, column: column)
    }

    var here: YAMLLocation { location(at: index) }

    func syntax(_ message: String, at location: YAMLLocation? = nil) -> YAMLError {
        .syntax(location ?? here, message)
    }

    func unsupported(_ message: String, at location: YAMLLocation? = nil) -> YAMLError {
        .unsupported(location ?? here, message)
    }

    /// The indentation of the current line: the cursor's offset into it.
    var currentIndent: Int { index - lineStart }

    func checkDepth(_ depth: Int) throws(YAMLError) {
        if depth > YAMLLimits.maxDepth { throw .nestingTooDeep(here, limit: YAMLLimits.maxDepth) }
    }

    // MARK: - Locations for error messages

    mutating func record(_ location: YAMLLocation) {
        guard recordLocations else { return }
        locations[path.joined()] = location
    }

    mutating func pushKey(_ key: String) {
        guard recordLocations else { return }
        path.append(path.isEmpty ? key : "." + key)
    }

    mutating func pushIndex(_ position: Int) {
        guard recordLocations else { return }
        path.append("[\(position)]")
    }

    mutating func popPath() {
        guard recordLocations else { return }
        path.removeLast()
    }
}
