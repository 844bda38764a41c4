#if canImport(Glibc)
import Glibc
#endif

/// Resolves a path the way the kernel would when the agent's tool opens it: relative to a
/// directory, with `.`, `..` and repeated `/` removed and every symbolic link followed, in any
/// component, including a final link whose target does not exist (it resolves to where it
/// points). Only `lstat` and `readlink` touch the file system, never `open`.
///
/// Once a component does not exist, the rest is taken lexically. Link following is bounded
/// (`maxLinks`); past the bound the rest of the path is taken lexically too, as the kernel
/// would refuse the path (ELOOP).
struct PathResolver {
    /// What a path resolves to.
    struct Resolution: Equatable {
        /// Absolute, normalized, every reachable link followed.
        var path: String
        /// Whether the last component of the path as named is itself a symbolic link.
        var isSymlink: Bool
        /// Links followed on the way.
        var linksFollowed: Int
    }

    /// Links followed at most per path, as Linux's 40 (MAXSYMLINKS).
    static let maxLinks = 40

    /// The process's working directory, for events that name none.
    static func processDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Resolves `path` against `directory` (absolute, or taken relative to the process's
    /// working directory).
    static func resolve(_ path: String, from directory: String) -> Resolution {
        var base = directory
        if !base.hasPrefix("/") { base = processDirectory() + "/" + base }
        let full = path.hasPrefix("/") ? path : base + "/" + path
        var resolver = Walk()
        return resolver.run(full)
    }

    /// `path` with `.`, `..` and repeated `/` removed, no file system access; `path` must be absolute.
    static func lexical(_ path: String) -> String {
        // Bytes, not Characters: a hook normalises several paths, and String's Character-wise
        // split walks grapheme clusters.
        var components: [Substring.UTF8View] = []
        for component in path.utf8.split(separator: 0x2F, omittingEmptySubsequences: true) {
            if component.elementsEqual([0x2E]) { continue }
            if component.elementsEqual([0x2E, 0x2E]) {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 1)
        for component in components {
            bytes.append(0x2F)
            bytes.append(contentsOf: component)
        }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }

    /// Paths with more components than this are first normalized lexically: only `..` games
    /// make a path that long, and walking each component would cost a system call apiece.
    static let maxWalkedComponents = 1_024

    private struct Walk {
        /// The resolved path so far, as bytes without the leading `/`-free root: "/a/b".
        var current: [UInt8] = []
        /// Where each resolved component starts in `current` (at its `/`).
        var starts: [Int] = []
        var linksFollowed = 0
        var missing = false

        mutating func run(_ full: String) -> Resolution {
            var text = full
            if text.utf8.count(where: { $0 == UInt8(ascii: "/") }) > PathResolver.maxWalkedComponents {
                text = PathResolver.lexical(text)
            }
            // Pending components, last to be processed first; the flag marks the final
            // component of the path as named.
            let named = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            var pending: [(component: [UInt8], isFinal: Bool)] = named.enumerated().reversed().map {
                (Array($0.element), $0.offset == named.count - 1)
            }
            var isSymlink = false
            while let (component, isFinal) = pending.popLast() {
                if component == [UInt8(ascii: ".")] { continue }
                if component == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                    if let start = starts.popLast() { current.removeSubrange(start...) }
                    continue
                }
                starts.append(current.count)
                current.append(UInt8(ascii: "/"))
                current.append(contentsOf: component)
                guard !missing else { continue }
                guard let isLink = linkStatus() else {
                    missing = true
                    continue
                }
                guard isLink else { continue }
                if isFinal { isSymlink = true }
                guard linksFollowed < PathResolver.maxLinks, let target = readLink() else {
                    missing = true
                    continue
                }
                linksFollowed += 1
                if let start = starts.popLast() { current.removeSubrange(start...) }
                if target.first == UInt8(ascii: "/") {
                    current.removeAll()
                    starts.removeAll()
                }
                let parts = target.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
                // The target's components replace the link; the last of them inherits its role.
                pending += parts.enumerated().reversed().map { (Array($0.element), isFinal && $0.offset == parts.count - 1) }
            }
            let path = current.isEmpty ? "/" : String(decoding: current, as: UTF8.self)
            return Resolution(path: path, isSymlink: isSymlink, linksFollowed: linksFollowed)
        }

        /// Whether `current` is a symbolic link; nil when it cannot be examined (missing,
        /// not a directory on the way, no permission).
        private mutating func linkStatus() -> Bool? {
            current.append(0)
            defer { current.removeLast() }
            var status = stat()
            let result = current.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { path in path.baseAddress.map { lstat($0, &status) } ?? -1 }
            }
            guard result == 0 else { return nil }
            return status.st_mode & S_IFMT == S_IFLNK
        }

        private mutating func readLink() -> [UInt8]? {
            current.append(0)
            defer { current.removeLast() }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = current.withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) { path in
                    path.baseAddress.map { readlink($0, &buffer, buffer.count - 1) } ?? -1
                }
            }
            guard count > 0 else { return nil }
            return buffer[0..<count].map { UInt8(bitPattern: $0) }
        }
    }
}
