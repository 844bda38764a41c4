/// Why a policy bundle could not be loaded. Every case carries the path the bundle came from, and
/// the member concerned where there is one, so the message says what to fix.
public enum BundleError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path or a file of the bundle cannot be read (permissions, I/O error, not a regular file).
    case unreadable(path: String, reason: String)
    /// The file is neither gzip data nor a WebAssembly module.
    case notGzip(path: String)
    /// The gzip data is corrupt; the inner error names the failed check.
    case corruptGzip(path: String, GzipError)
    /// The decompressed data is not a tar archive, or a header in it is malformed.
    case notTar(path: String, reason: String)
    /// The tar archive ends in the middle of a header or member, or lacks its end marker.
    case truncatedTar(path: String)
    /// More members (or, for a directory, files) than `BundleLimits.maxMembers`.
    case tooManyMembers(path: String, limit: Int)
    /// The bundle, its decompressed contents, or a file of it is larger than the limit.
    case tooLarge(path: String, what: String, limit: Int)
    /// A member name climbs out of the bundle root (a `..` component).
    case pathTraversal(path: String, member: String)
    /// Two regular-file members have the same name once normalized.
    case duplicateMember(path: String, member: String)
    /// The bundle has no policy module (`member` is the path looked for).
    case noPolicyWasm(path: String, member: String)
    /// The policy module lacks the WebAssembly magic `\0asm` and version 1.
    case notWasm(path: String, member: String)
    /// `.manifest` is not valid JSON or has the wrong shape; `reason` names the field.
    case badManifest(path: String, reason: String)
    /// `data.json` is not valid JSON.
    case badDataJSON(path: String, member: String, reason: String)
    /// A `.rego` member is not UTF-8 text.
    case badRegoSource(path: String, member: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "policy bundle \(path): does not exist"
        case .unreadable(let path, let reason):
            return "policy bundle \(path): cannot be read: \(reason)"
        case .notGzip(let path):
            return "policy bundle \(path): not a gzip file (nor a WebAssembly module or bundle directory)"
        case .corruptGzip(let path, let error):
            return "policy bundle \(path): \(error)"
        case .notTar(let path, let reason):
            return "policy bundle \(path): not a tar archive (\(reason))"
        case .truncatedTar(let path):
            return "policy bundle \(path): truncated tar archive"
        case .tooManyMembers(let path, let limit):
            return "policy bundle \(path): more than \(limit) members"
        case .tooLarge(let path, let what, let limit):
            return "policy bundle \(path): \(what) exceeds the limit of \(limit) bytes"
        case .pathTraversal(let path, let member):
            return "policy bundle \(path): member \"\(member)\" points outside the bundle (\"..\" component); "
                + "bundle rejected"
        case .duplicateMember(let path, let member):
            return "policy bundle \(path): member \"\(member)\" appears more than once"
        case .noPolicyWasm(let path, let member):
            return member == "policy.wasm"
                ? "policy bundle \(path): no policy.wasm in bundle"
                : "policy bundle \(path): no \(member) in bundle (named by .manifest wasm[].module)"
        case .notWasm(let path, let member):
            return "policy bundle \(path): \(member) is not a WebAssembly module (expected \\0asm magic, version 1)"
        case .badManifest(let path, let reason):
            return "policy bundle \(path): invalid .manifest: \(reason)"
        case .badDataJSON(let path, let member, let reason):
            return "policy bundle \(path): \(member) is not valid JSON: \(reason)"
        case .badRegoSource(let path, let member):
            return "policy bundle \(path): \(member) is not UTF-8 text"
        }
    }
}
