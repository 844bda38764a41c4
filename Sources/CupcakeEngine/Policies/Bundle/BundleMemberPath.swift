/// Member names as the loader keys them: relative to the bundle root, "/"-separated, without
/// empty or "." components.
///
/// OPA writes names with a leading "/" ("/policy.wasm"); tar run on a directory writes "./x".
/// Both mean a path inside the bundle, so a leading "/" is dropped, never followed. A ".."
/// component (with "/" or "\" as separator) could climb out of the root and is refused.
enum BundleMemberPath {
    /// The normalized form of `name`, or nil when a component is "..".
    static func normalize(_ name: String) -> String? {
        var parts: [Substring] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part.split(separator: "\\", omittingEmptySubsequences: false).contains("..") { return nil }
            if part == "." { continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
