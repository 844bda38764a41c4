/// The cache's small JSON records (the bundle index, the discovery cache): one file per key,
/// named by the key's XXH64, read leniently (anything unreadable is no record) and written
/// atomically.
extension CacheFileIO {
    /// `<directory>/<XXH64 of key, hex>.json`.
    static func recordPath(in directory: String, for key: String) -> String {
        let hash = Array(key.utf8).withUnsafeBytes { ModuleDigest.xxh64($0) }
        return "\(directory)/\(CacheKey.hex(hash)).json"
    }

    /// The record at `path`, or nil if it is absent, unreadable or not JSON.
    static func readRecord(_ path: String) -> JSONValue? {
        guard case .success(let bytes) = read(path) else { return nil }
        return try? JSONValue.parse(bytes)
    }

    /// Writes the record (best effort: a failure only costs the next load its shortcut).
    static func writeRecord(_ value: JSONValue, to path: String, directory: String) {
        let bytes = value.serialized()
        _ = bytes.withUnsafeBytes { writeAtomically([$0], to: path, directory: directory) }
    }
}
