import Testing
@testable import CupcakeEngine

@Suite("PathResolver")
struct PathResolverTests {
    @Test("dots, dot-dots and repeated slashes are removed", arguments: [
        ("/tmp/../etc/hosts", "/etc/hosts"),
        ("//etc/hosts", "/etc/hosts"),
        ("/etc/./hosts", "/etc/hosts"),
        ("/etc//nonexistent-dir/../hosts", "/etc/hosts"),
        ("/../../etc/hosts", "/etc/hosts"),
        ("/", "/"),
        ("/etc/", "/etc"),
    ])
    func lexicalParts(path: String, expected: String) {
        #expect(PathResolver.resolve(path, from: "/").path == expected)
    }

    @Test("relative paths are taken from the directory given")
    func relative() throws {
        let tree = try FileTree()
        try tree.directory("a/b")
        #expect(PathResolver.resolve("b/../c.txt", from: tree.path("a")).path == tree.path("a/c.txt"))
        #expect(PathResolver.resolve("../../x", from: tree.path("a/b")).path == tree.path("x"))
        #expect(PathResolver.resolve("", from: tree.path("a")).path == tree.path("a"))
    }

    @Test("a link as the last component resolves to its target and is reported")
    func finalLink() throws {
        let tree = try FileTree()
        try tree.file("real/target.txt", "x")
        try tree.link("link.txt", to: tree.path("real/target.txt"))
        let resolution = PathResolver.resolve(tree.path("link.txt"), from: "/")
        #expect(resolution.path == tree.path("real/target.txt"))
        #expect(resolution.isSymlink)
        #expect(resolution.linksFollowed == 1)
        #expect(!PathResolver.resolve(tree.path("real/target.txt"), from: "/").isSymlink)
    }

    @Test("a dangling link resolves to where it points, relative targets from the link's directory")
    func dangling() throws {
        let tree = try FileTree()
        try tree.directory("deep/nested/dir")
        try tree.link("deep/nested/dir/innocent.txt", to: "../../../.cupcake/secret.txt")
        try tree.link("absolute.txt", to: "/etc/nonexistent-cupcake-test/secret")
        let relative = PathResolver.resolve(tree.path("deep/nested/dir/innocent.txt"), from: "/")
        #expect(relative.path == tree.path(".cupcake/secret.txt"))
        #expect(relative.isSymlink)
        #expect(PathResolver.resolve("absolute.txt", from: tree.root).path == "/etc/nonexistent-cupcake-test/secret")
    }

    @Test("directory links in any component are followed, and .. after them is physical")
    func directoryLinks() throws {
        let tree = try FileTree()
        try tree.file("protected/sub/important.txt")
        try tree.link("project/backup", to: "../protected/sub")
        let through = PathResolver.resolve("project/backup/important.txt", from: tree.root)
        #expect(through.path == tree.path("protected/sub/important.txt"))
        #expect(!through.isSymlink, "the last component itself is a regular file")
        // The kernel resolves backup first, so .. leaves protected/sub, not project.
        #expect(PathResolver.resolve("project/backup/../x", from: tree.root).path == tree.path("protected/x"))
    }

    @Test("chains of links are followed to the end")
    func chain() throws {
        let tree = try FileTree()
        try tree.file(".cupcake/final.txt")
        try tree.link("link1", to: tree.path(".cupcake/final.txt"))
        try tree.link("link2", to: "link1")
        let resolution = PathResolver.resolve("link2", from: tree.root)
        #expect(resolution.path == tree.path(".cupcake/final.txt"))
        #expect(resolution.linksFollowed == 2)
        #expect(resolution.isSymlink)
    }

    @Test("a link loop stops at the bound instead of spinning")
    func loop() throws {
        let tree = try FileTree()
        try tree.link("a", to: "b")
        try tree.link("b", to: "a")
        let resolution = PathResolver.resolve("a/file", from: tree.root)
        #expect(resolution.linksFollowed == PathResolver.maxLinks)
        #expect(resolution.path.hasPrefix(tree.root))
    }

    @Test("a path of thousands of components costs no more than its length")
    func longPaths() {
        let deep = "/" + Array(repeating: "tmp/..", count: 50_000).joined(separator: "/") + "/etc/hosts"
        #expect(PathResolver.resolve(deep, from: "/").path == "/etc/hosts")
        let missing = "/nonexistent-cupcake" + String(repeating: "/a", count: 100_000)
        #expect(PathResolver.resolve(missing, from: "/").path == missing)
    }
}
