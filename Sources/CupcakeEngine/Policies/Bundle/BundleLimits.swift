/// Bounds on what loading one bundle may read and allocate.
public struct BundleLimits: Sendable {
    /// Largest `.tar.gz` file accepted.
    public var maxCompressedBytes = 64 << 20
    /// Largest decompressed tar archive, bare `.wasm` file, or total of a bundle directory's files read.
    public var maxUncompressedBytes = 256 << 20
    /// Most members in the archive (or files in a bundle directory).
    public var maxMembers = 10_000

    /// The default limits.
    public init() {}
}
