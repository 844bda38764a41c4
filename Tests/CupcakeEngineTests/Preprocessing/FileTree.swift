import Foundation

/// A temporary directory tree for preprocessing tests: files, directories and symbolic links,
/// removed when the tree is released. `root` has its own links resolved, so expected paths
/// can be written as `root + "/x"`.
final class FileTree {
    let root: String

    init() throws {
        let made = NSTemporaryDirectory() + "cupcake-pre-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    @discardableResult
    func file(_ relative: String, _ content: String = "", mode: Int = 0o644) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
        return full
    }

    @discardableResult
    func directory(_ relative: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        return path(relative)
    }

    /// A link at `relative` whose target is `target`, exactly as written (relative or absolute).
    @discardableResult
    func link(_ relative: String, to target: String) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        return full
    }
}
