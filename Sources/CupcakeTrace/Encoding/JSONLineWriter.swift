/// A trace id's 32 lowercase hex digits, formatted once per trace: every line of the trace
/// carries them.
struct TraceIDText: Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(_ id: TraceID) {
        words = (
            JSONLineWriter.hexDigits(UInt32(truncatingIfNeeded: id.high >> 32)),
            JSONLineWriter.hexDigits(UInt32(truncatingIfNeeded: id.high)),
            JSONLineWriter.hexDigits(UInt32(truncatingIfNeeded: id.low >> 32)),
            JSONLineWriter.hexDigits(UInt32(truncatingIfNeeded: id.low))
        )
    }
}

/// Builds one JSON object line. Hand-written because a trace line must cost well under a
/// microsecond, and because every string must be escaped so that nothing in a hook event can
/// split or forge a line.
struct JSONLineWriter: ~Copyable {
    var buffer: ByteBuffer
    private var needsComma = false

    init(capacity: Int = 320) {
        self.init(appendingTo: ByteBuffer(capacity: capacity))
    }

    /// A writer that starts its object after the bytes already in `buffer` (earlier lines).
    init(appendingTo buffer: consuming ByteBuffer) {
        self.buffer = buffer
        self.buffer.append(UInt8(ascii: "{"))
    }

    /// Hands back the buffer, with every line written to it.
    consuming func takeBuffer() -> ByteBuffer {
        buffer
    }

    /// Records that a member was written directly into `buffer`, so the next one needs a comma.
    mutating func markFieldWritten() { needsComma = true }

    /// Closes the object and ends the line.
    mutating func finish() {
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func separator() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// A key whose text needs no escaping (the fixed keys of the contract).
    mutating func rawKey(_ key: StaticString) {
        buffer.reserve(key.utf8CodeUnitCount + 4)
        if needsComma { buffer.appendUnchecked(UInt8(ascii: ",")) }
        needsComma = true
        buffer.appendUnchecked(UInt8(ascii: "\""))
        buffer.append(key)
        buffer.appendUnchecked(UInt8(ascii: "\""))
        buffer.appendUnchecked(UInt8(ascii: ":"))
    }

    /// A caller-supplied key, escaped; `prefix` marks a field that collides with a reserved key.
    mutating func key(_ key: String, prefix: StaticString? = nil) {
        Self.withUTF8(key) { self.key(utf8: $0, prefix: prefix) }
    }

    /// A key from its bytes: `,"` prefix key `":` with one capacity check for plain keys.
    mutating func key(utf8: UnsafeBufferPointer<UInt8>, prefix: StaticString?) {
        let prefixCount = prefix?.utf8CodeUnitCount ?? 0
        let target = buffer.uncommittedTail(reserving: utf8.count + prefixCount + 4)
        var at = 0
        if needsComma {
            target.storeBytes(of: UInt8(ascii: ","), as: UInt8.self)
            at = 1
        }
        needsComma = true
        target.storeBytes(of: UInt8(ascii: "\""), toByteOffset: at, as: UInt8.self)
        at += 1
        if let prefix {
            (target + at).copyMemory(from: prefix.utf8Start, byteCount: prefixCount)
            at += prefixCount
        }
        if Self.copyIfPlain(utf8, to: target + at) {
            at += utf8.count
            target.storeBytes(of: UInt8(ascii: "\""), toByteOffset: at, as: UInt8.self)
            target.storeBytes(of: UInt8(ascii: ":"), toByteOffset: at + 1, as: UInt8.self)
            buffer.commit(at + 2)
        } else {
            buffer.commit(at)
            appendEscapedSlowly(utf8)
            buffer.append("\":")
        }
    }

    mutating func field(_ key: StaticString, string value: String, limit: Int = .max) {
        rawKey(key)
        appendQuoted(value, limit: limit)
    }

    mutating func field(_ key: StaticString, hex value: UInt64) {
        rawKey(key)
        buffer.append(UInt8(ascii: "\""))
        appendHex(value)
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func field(_ key: StaticString, traceID: TraceID) {
        rawKey(key)
        buffer.append(UInt8(ascii: "\""))
        appendHex(traceID)
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func field(_ key: StaticString, timestamp nanoseconds: UInt64) {
        rawKey(key)
        buffer.append(UInt8(ascii: "\""))
        RFC3339.append(nanoseconds: nanoseconds, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// A non-negative duration in nanoseconds, as milliseconds with microsecond resolution.
    mutating func appendMilliseconds(_ nanoseconds: UInt64) {
        let micros = (nanoseconds + 500) / 1000
        appendDecimal(micros / 1000)
        buffer.append(UInt8(ascii: "."))
        appendDigits(micros % 1000, count: 3)
    }

    /// A field value rendered per its type, strings capped at `limit` UTF-8 bytes.
    mutating func value(_ value: TraceValue, limit: Int) {
        switch value {
        case .string(let string): appendQuoted(string, limit: limit)
        case .int(let int): appendInteger(int)
        case .double(let double): appendDouble(double)
        case .bool(let bool): buffer.append(bool ? "true" : "false")
        case .null: buffer.append("null")
        case .strings(let strings):
            buffer.append(UInt8(ascii: "["))
            for (index, string) in strings.prefix(Self.maxArrayElements).enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                appendQuoted(string, limit: limit)
            }
            if strings.count > Self.maxArrayElements {
                buffer.append(UInt8(ascii: ","))
                appendQuoted(TextLimit.omittedMarker(strings.count - Self.maxArrayElements), limit: .max)
            }
            buffer.append(UInt8(ascii: "]"))
        }
    }

    /// Arrays longer than this are cut, with a final element saying how many were left out.
    static let maxArrayElements = 64

    /// 16 lowercase hex digits, 8 at a time: spread each nibble into its own byte, then turn
    /// 0-9 into '0'-'9' and 10-15 into 'a'-'f' with word arithmetic.
    mutating func appendHex(_ value: UInt64) {
        buffer.reserve(16)
        buffer.appendUnchecked(word: Self.hexDigits(UInt32(truncatingIfNeeded: value >> 32)))
        buffer.appendUnchecked(word: Self.hexDigits(UInt32(truncatingIfNeeded: value)))
    }

    /// A trace id's 32 lowercase hex digits.
    mutating func appendHex(_ traceID: TraceID) {
        append(TraceIDText(traceID))
    }

    /// A trace id's digits formatted earlier (see ``TraceIDText``).
    mutating func append(_ text: TraceIDText) {
        buffer.reserve(32)
        buffer.appendUnchecked(word: text.words.0)
        buffer.appendUnchecked(word: text.words.1)
        buffer.appendUnchecked(word: text.words.2)
        buffer.appendUnchecked(word: text.words.3)
    }

    @inline(__always)
    static func hexDigits(_ half: UInt32) -> UInt64 {
        var n = UInt64(half)
        n = (n | n << 16) & 0x0000_FFFF_0000_FFFF
        n = (n | n << 8) & 0x00FF_00FF_00FF_00FF
        n = (n | n << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // Now byte i (from the least significant) holds nibble 7-i; letters need 0x27 more than digits.
        let letters = ((n &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = n &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
        return ascii.byteSwapped  // most significant digit first in memory
    }

    mutating func appendInteger(_ value: Int64) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude)
        } else {
            appendDecimal(UInt64(value))
        }
    }

    mutating func appendDecimal(_ value: UInt64) {
        var digits = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        appendDigits(value, count: digits)
    }

    /// The last `count` decimal digits of `value`, with leading zeros, written right to left so
    /// every division is by the constant 10.
    @inline(__always)
    mutating func appendDigits(_ value: UInt64, count: Int) {
        buffer.append(count: count) { out in
            var rest = value
            var index = count
            while index > 0 {
                index -= 1
                out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
    }

    mutating func appendDouble(_ value: Double) {
        guard value.isFinite else {
            buffer.append("null")  // JSON has no NaN or infinity
            return
        }
        if value == value.rounded(), value.magnitude < 1e15 {
            appendInteger(Int64(value))
            return
        }
        // Timings (milliseconds, seconds) are the usual doubles: six decimals, trailing zeros
        // dropped, without the String that `description` allocates. Values too small or too large
        // for that keep their shortest exact form.
        if value.magnitude >= 0.001, value.magnitude < 1e9 {
            let micros = UInt64((value.magnitude * 1_000_000).rounded())
            if value < 0 { buffer.append(UInt8(ascii: "-")) }
            appendDecimal(micros / 1_000_000)
            var fraction = micros % 1_000_000
            guard fraction != 0 else { return }
            var digits = 6
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            buffer.append(UInt8(ascii: "."))
            appendDigits(fraction, count: digits)
            return
        }
        var text = value.description
        text.withUTF8 { buffer.append($0) }
    }

    /// Writes `string` as a JSON string literal (see ``appendEscapedContent(_:limit:)``).
    mutating func appendQuoted(_ string: String, limit: Int) {
        Self.withUTF8(string) { appendQuoted(utf8: $0, limit: limit) }
    }

    /// A string literal from its bytes; plain text within the limit costs one capacity check.
    mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, limit: Int) {
        let count = utf8.count
        if count <= limit {
            let target = buffer.uncommittedTail(reserving: count + 2)
            target.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
            if Self.copyIfPlain(utf8, to: target + 1) {
                target.storeBytes(of: UInt8(ascii: "\""), toByteOffset: count + 1, as: UInt8.self)
                buffer.commit(count + 2)
                return
            }
        }
        buffer.append(UInt8(ascii: "\""))
        appendEscapedContent(utf8: utf8, limit: limit)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Escapes quotes, backslashes and every control character, and U+2028/U+2029 (line ends in
    /// JavaScript); truncates at a character boundary to `limit` bytes with a marker saying how
    /// much was cut. Swift strings are valid UTF-8 (invalid input was repaired to U+FFFD when the
    /// string was decoded), so the output is valid UTF-8 too.
    mutating func appendEscapedContent(_ string: String, limit: Int) {
        Self.withUTF8(string) { appendEscapedContent(utf8: $0, limit: limit) }
    }

    /// Runs `body` on the UTF-8 bytes of `string`: native strings lend theirs, others (bridged)
    /// are copied once.
    @inline(__always)
    static func withUTF8<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }

    @inline(__always)
    private mutating func appendEscapedContent(utf8: UnsafeBufferPointer<UInt8>, limit: Int) {
        if utf8.count <= limit {
            appendEscaped(utf8)
            return
        }
        let cut = TextLimit.characterBoundary(in: utf8, atMost: limit)
        appendEscaped(UnsafeBufferPointer(rebasing: utf8[0..<cut]))
        var marker = TextLimit.cutMarker(utf8.count - cut)
        marker.withUTF8 { buffer.append($0) }
    }

    @inline(__always)
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        if Self.copyIfPlain(utf8, to: buffer.uncommittedTail(reserving: utf8.count)) {
            buffer.commit(utf8.count)
        } else {
            appendEscapedSlowly(utf8)
        }
    }

    /// Copies `utf8` to `target` (room for its bytes) while checking that it is plain ASCII,
    /// 8 bytes at a time; false when it is not (the bytes copied so far are then to be written
    /// over, by the escaping path, which also handles non-ASCII text). Most keys and values are
    /// plain ASCII, and for them one pass of word loads and stores beats a check and a copy.
    @inline(__always)
    static func copyIfPlain(_ utf8: UnsafeBufferPointer<UInt8>, to target: UnsafeMutableRawPointer) -> Bool {
        let count = utf8.count
        guard let source = UnsafeRawPointer(utf8.baseAddress) else { return true }
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if isNotPlainASCII(word) { return false }
                target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            if offset < count {
                // The last word overlaps bytes already copied: no byte loop for the tail.
                let word = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                if isNotPlainASCII(word) { return false }
                target.storeBytes(of: word, toByteOffset: count - 8, as: UInt64.self)
            }
            return true
        }
        if count >= 4 {
            // Two 4-byte halves, overlapping for 4 to 7 bytes, checked as one word.
            let low = source.loadUnaligned(as: UInt32.self)
            let high = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            if isNotPlainASCII(UInt64(low) | UInt64(high) << 32) { return false }
            target.storeBytes(of: low, as: UInt32.self)
            target.storeBytes(of: high, toByteOffset: count - 4, as: UInt32.self)
            return true
        }
        for index in 0..<count {
            let byte = utf8[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return false }
            target.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
        }
        return true
    }

    /// Escapes text that has something to escape: plain runs are copied whole, skipping 8 plain
    /// bytes at a time.
    private mutating func appendEscapedSlowly(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        let base = UnsafeRawPointer(utf8.baseAddress)
        while index < count {
            if let base, index + 8 <= count,
                !Self.mayNeedEscape(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
                guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 else {
                    index += 1
                    continue
                }
                buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                buffer.append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
                runStart = index
                continue
            }
            buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: byte)
            index += 1
            runStart = index
        }
        buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    /// Whether any of the 8 bytes in `word` is a control character, `"`, `\\` or not ASCII. With
    /// every high bit counted, the has-zero-byte tricks need no masking: a borrow can only come
    /// from a byte that is flagged already, so the answer is exact.
    @inline(__always)
    static func isNotPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = (word ^ (ones &* 0x22)) &- ones
        let backslash = (word ^ (ones &* 0x5C)) &- ones
        let control = word &- ones &* 0x20
        return (quote | backslash | control | word) & (ones &* 0x80) != 0
    }

    /// Whether any of the 8 bytes in `word` is a control character, `"`, `\\` or 0xE2 (the
    /// lead byte of U+2028/U+2029). Exact for "none": the classic has-zero-byte bit tricks.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = hasZero(word ^ (ones &* 0x22))
        let backslash = hasZero(word ^ (ones &* 0x5C))
        let lineSeparatorLead = hasZero(word ^ (ones &* 0xE2))
        return control | quote | backslash | lineSeparatorLead != 0
    }

    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): buffer.append("\\\"")
        case UInt8(ascii: "\\"): buffer.append("\\\\")
        case 0x0A: buffer.append("\\n")
        case 0x0D: buffer.append("\\r")
        case 0x09: buffer.append("\\t")
        case 0x08: buffer.append("\\b")
        case 0x0C: buffer.append("\\f")
        default:
            buffer.append("\\u00")
            let high = byte >> 4
            let low = byte & 0xF
            buffer.append(high + 0x30)
            buffer.append(low < 10 ? low + 0x30 : low + 0x57)
        }
    }
}
