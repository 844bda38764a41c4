/// Loading the gzip'd tar form of a bundle, as `opa build` writes it.
extension PolicyBundle {
    /// Loads a gzip'd tar bundle held in memory; `origin` names it in errors.
    package static func load(
        tarGz bytes: [UInt8], origin: String, limits: BundleLimits = BundleLimits()
    ) throws(BundleError) -> PolicyBundle {
        guard bytes.count <= limits.maxCompressedBytes else {
            throw .tooLarge(path: origin, what: "compressed size", limit: limits.maxCompressedBytes)
        }
        guard Gzip.hasMagic(bytes) else { throw .notGzip(path: origin) }
        let archive: [UInt8]
        do {
            archive = try Gzip.decompress(bytes, limit: limits.maxUncompressedBytes)
        } catch {
            if case .outputLimitExceeded(let limit) = error {
                throw .tooLarge(path: origin, what: "decompressed size", limit: limit)
            }
            throw .corruptGzip(path: origin, error)
        }
        let members: [TarMember]
        do {
            members = try TarReader.members(of: archive, maxMembers: limits.maxMembers)
        } catch {
            throw tarError(error, origin: origin)
        }
        var files: [String: Range<Int>] = [:]
        for member in members {
            guard let path = BundleMemberPath.normalize(member.name) else {
                throw .pathTraversal(path: origin, member: member.name)
            }
            guard member.kind == .file, !path.isEmpty else { continue }  // links and devices: skipped
            guard files[path] == nil else { throw .duplicateMember(path: origin, member: path) }
            files[path] = member.data
        }
        func read(_ path: String) -> [UInt8]? { files[path].map { Array(archive[$0]) } }
        let rego = files.keys.filter { $0.hasSuffix(".rego") }.sorted().map { (path: $0, bytes: read($0) ?? []) }
        let source = BundleSource(origin: origin, manifest: read(".manifest"), dataJSON: read("data.json"),
                                  regoFiles: rego, readMember: { (path: String) throws(BundleError) in read(path) })
        return try source.assemble()
    }

    private static func tarError(_ error: TarError, origin: String) -> BundleError {
        switch error {
        case .badChecksum(let offset):
            return .notTar(path: origin, reason: offset == 0 ? "bad header checksum"
                                                          : "bad header checksum at byte \(offset)")
        case .badHeader(let offset, let why):
            return .notTar(path: origin, reason: "\(why) in the header at byte \(offset)")
        case .truncated:
            return .truncatedTar(path: origin)
        case .tooManyMembers(let limit):
            return .tooManyMembers(path: origin, limit: limit)
        case .tooShort(let count):
            return .notTar(path: origin, reason: "\(count) bytes, less than one 512-byte header")
        }
    }
}
