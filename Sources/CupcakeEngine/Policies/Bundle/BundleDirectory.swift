/// An unpacked bundle directory: `policy.wasm` (or the module the manifest names), optional
/// `data.json` and `.manifest` at the root, `.rego` files anywhere below.
///
/// Symbolic links are not followed (as with tar members), so nothing outside the directory is read.
/// Only the files the bundle needs are read, within `maxUncompressedBytes` in total; the walk
/// counts every entry against `maxMembers` and stops at a fixed depth.
struct BundleDirectory {
    let root: String
    let limits: BundleLimits
    private static let maxDepth = 64

    init(root: String, limits: BundleLimits) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.limits = limits
    }

    func load() throws(BundleError) -> PolicyBundle {
        let files = try regularFiles()
        var budget = limits.maxUncompressedBytes
        func read(_ relative: String) throws(BundleError) -> [UInt8]? {
            guard files.contains(relative) else { return nil }
            let full = root + "/" + relative
            switch BundleFileIO.read(full, limit: budget) {
            case .success(let bytes):
                budget -= bytes.count
                return bytes
            case .failure(.tooLarge):
                throw .tooLarge(path: root, what: "total size of the files read", limit: limits.maxUncompressedBytes)
            case .failure(let failure):
                throw PolicyBundle.fileError(failure, path: full, limit: budget)
            }
        }
        var rego: [(path: String, bytes: [UInt8])] = []
        for path in files.sorted() where path.hasSuffix(".rego") {
            rego.append((path, try read(path) ?? []))
        }
        let source = BundleSource(origin: root, manifest: try read(".manifest"), dataJSON: try read("data.json"),
                                  regoFiles: rego, readMember: read)
        return try source.assemble()
    }

    /// Relative paths of the regular files below the root.
    private func regularFiles() throws(BundleError) -> Set<String> {
        var files: Set<String> = []
        var entries = 0
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        while let (relative, depth) = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            let names: [String]
            switch BundleFileIO.list(directory) {
            case .success(let n): names = n
            case .failure(let failure): throw PolicyBundle.fileError(failure, path: directory, limit: 0)
            }
            for name in names {
                entries += 1
                guard entries <= limits.maxMembers else { throw .tooManyMembers(path: root, limit: limits.maxMembers) }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch BundleFileIO.kind(root + "/" + child, followLinks: false) {
                case .success(.regular):
                    files.insert(child)
                case .success(.directory):
                    guard depth < BundleDirectory.maxDepth else {
                        throw .unreadable(path: root + "/" + child,
                                          reason: "directories nested deeper than \(BundleDirectory.maxDepth) levels")
                    }
                    pending.append((child, depth + 1))
                case .success:
                    continue  // symbolic links, devices, sockets: not part of a bundle
                case .failure(let failure):
                    throw PolicyBundle.fileError(failure, path: root + "/" + child, limit: 0)
                }
            }
        }
        return files
    }
}
