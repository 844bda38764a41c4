/// Bounds and text rules the JSON parser enforces, so that hostile input can exhaust neither
/// memory nor the stack, nor reach a policy as text other than what was sent.
package struct JSONLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and objects accepted; a document nested deeper is rejected.
    /// The parser itself never recurses, but code walking a `JSONValue` (serialization,
    /// equality, deallocation) does, so keep this moderate.
    package var maxDepth: Int = 512
    /// Largest input accepted, in bytes.
    package var maxBytes: Int = 64 << 20
    /// When false (the default), invalid UTF-8 inside a string and a `\u` escape that leaves a
    /// lone surrogate are errors naming the byte offset. When true they become U+FFFD: for text
    /// the engine produced itself (a policy's result), where an error would only lose a verdict.
    package var replacesInvalidUnicode: Bool = false

    /// Creates limits; the defaults suit hook events, signal output and policy results.
    package init(maxDepth: Int = 512, maxBytes: Int = 64 << 20, replacesInvalidUnicode: Bool = false) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.replacesInvalidUnicode = replacesInvalidUnicode
    }

    /// Policy output and values crossing the WebAssembly boundary: invalid text is replaced.
    package static let lenient = JSONLimits(replacesInvalidUnicode: true)
}
