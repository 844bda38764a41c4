extension JSONValue {
    /// Parses a complete JSON text (RFC 8259, strict: no comments, no trailing commas, nothing
    /// but whitespace after the value).
    ///
    /// Integers without fraction or exponent that fit `Int64` become `.int` ("-0" is `.int(0)`);
    /// larger integers and numbers beyond a Double's range keep their text (`.number`); other
    /// numbers become `.double`. Invalid UTF-8 inside strings and `\u` escapes that leave a lone
    /// surrogate are errors naming the byte offset, unless `limits.replacesInvalidUnicode`
    /// asks for U+FFFD instead. Duplicate object
    /// keys: the last one wins. Object keys are compared with Swift `String` equality, so two
    /// canonically equivalent spellings of a key count as duplicates.
    package static func parse(_ buffer: UnsafeRawBufferPointer, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        if buffer.count > limits.maxBytes {
            throw .inputTooLarge(byteCount: buffer.count, limit: limits.maxBytes)
        }
        var parser = JSONParser(bytes: buffer, limits: limits)
        return try parser.parseDocument()
    }

    /// Parses a complete JSON text held in a byte array; see `parse(_:limits:)` for buffers.
    package static func parse(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try outcome.get()
    }

    /// Parses a complete JSON text held in a string; see `parse(_:limits:)` for buffers.
    package static func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        var text = text
        let outcome = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(UnsafeRawBufferPointer(buffer), limits: limits) }
        }
        return try outcome.get()
    }
}
