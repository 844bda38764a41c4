/// Bounds on what loading one bundle may read and allocate.
package struct BundleLimits: Sendable {
    /// Largest `.tar.gz` file accepted.
    package var maxCompressedBytes = 64 << 20
    /// Largest decompressed tar archive, bare `.wasm` file, or total of a bundle directory's files read.
    package var maxUncompressedBytes = 256 << 20
    /// Most members in the archive (or files in a bundle directory).
    package var maxMembers = 10_000

    /// The default limits.
    package init() {}
}
