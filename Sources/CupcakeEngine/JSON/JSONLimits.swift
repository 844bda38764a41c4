/// Bounds the JSON parser enforces so that hostile input cannot exhaust memory or the stack.
public struct JSONLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and objects accepted; a document nested deeper is rejected.
    /// The parser itself never recurses, but code walking a `JSONValue` (serialization,
    /// equality, deallocation) does, so keep this moderate.
    public var maxDepth: Int = 512
    /// Largest input accepted, in bytes.
    public var maxBytes: Int = 64 << 20

    /// Creates limits; the defaults suit hook events, signal output and policy results.
    public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }
}
