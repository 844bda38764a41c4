import Foundation
import Testing
@testable import CupcakeEngine

#if canImport(Glibc)
import Glibc
#endif

/// Discovery through symbolic links (how dotfile managers install policies), and every file it
/// leaves out named in a warning with the reason.
@Suite struct PolicyDiscoveryTests {
    /// A scratch policy directory; `root` is its policies/claude.
    struct Scratch: ~Copyable {
        let directory = NSTemporaryDirectory() + "cupcake-discovery-\(UUID().uuidString)"
        var root: String { directory + "/policies/claude" }

        func makeDirectory(_ path: String) throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        /// A policy routed to PreToolUse, in package `name`.
        func policy(_ path: String, package name: String) throws {
            try makeDirectory((path as NSString).deletingLastPathComponent)
            try "# METADATA\n# custom:\n#   routing:\n#     required_events: [PreToolUse]\npackage \(name)\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
        }

        func link(_ path: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        func discover(limits: PolicyWalkLimits = PolicyWalkLimits(), maxBytes: Int = PolicyDiscovery.maxPolicyBytes) throws
            -> (policies: [PolicyInfo], warnings: [String]) {
            try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude", limits: limits, maxBytes: maxBytes)
        }

        deinit {
            // Restore permissions first, or the tree cannot be removed.
            if let walker = FileManager.default.enumerator(atPath: directory) {
                while let relative = walker.nextObject() as? String {
                    chmod(directory + "/" + relative, 0o755)
                }
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func aSymlinkedHarnessDirectoryGivesItsPolicies() throws {
        let scratch = Scratch()
        let installed = scratch.directory + "/dotfiles/cupcake/claude"
        try scratch.policy(installed + "/guard.rego", package: "guard")
        try scratch.policy(installed + "/nested/other.rego", package: "other")
        try scratch.makeDirectory(scratch.directory + "/policies")
        try scratch.link(scratch.root, to: "../dotfiles/cupcake/claude")
        let (policies, warnings) = try scratch.discover()
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(policies.map(\.packageName) == ["guard", "other"])
        #expect(policies.map(\.path) == [scratch.root + "/guard.rego", scratch.root + "/nested/other.rego"])
    }

    @Test func symlinkedFilesAndSubdirectoriesAreFollowed() throws {
        let scratch = Scratch()
        let shared = scratch.directory + "/shared"
        try scratch.policy(shared + "/files/linked.rego", package: "linked")
        try scratch.policy(shared + "/tree/deep/in_tree.rego", package: "in_tree")
        try scratch.policy(scratch.root + "/plain.rego", package: "plain")
        try scratch.link(scratch.root + "/a_link.rego", to: shared + "/files/linked.rego")
        try scratch.link(scratch.root + "/tree", to: shared + "/tree")
        let (policies, warnings) = try scratch.discover()
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(policies.map(\.path) == [scratch.root + "/a_link.rego", scratch.root + "/plain.rego",
                                          scratch.root + "/tree/deep/in_tree.rego"])
    }

    @Test func aLoopEndsWithAWarningNamingTheLinkAndTheDirectory() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/sub/p.rego", package: "p")
        try scratch.link(scratch.root + "/sub/back", to: "..")
        try scratch.link(scratch.root + "/sub/self", to: ".")
        let (policies, warnings) = try scratch.discover()
        #expect(policies.map(\.path) == [scratch.root + "/sub/p.rego"])
        #expect(warnings == [
            "\(scratch.root)/sub/back: loops back to \(scratch.root); not followed",
            "\(scratch.root)/sub/self: loops back to \(scratch.root)/sub; not followed",
        ])
    }

    @Test func aDirectoryOrFileReachedTwiceIsReadOnce() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/a/p.rego", package: "p")
        try scratch.link(scratch.root + "/b", to: "a")
        try scratch.link(scratch.root + "/again.rego", to: "a/p.rego")
        let (policies, warnings) = try scratch.discover()
        #expect(policies.map(\.path) == [scratch.root + "/a/p.rego"])
        #expect(warnings == [
            "\(scratch.root)/again.rego: the same file as \(scratch.root)/a/p.rego, already read; skipped",
            "\(scratch.root)/b: the same directory as \(scratch.root)/a, already read; skipped",
        ])
    }

    @Test func danglingLinksAreNamedWithTheirTarget() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/p.rego", package: "p")
        try scratch.link(scratch.root + "/gone.rego", to: "/nonexistent/gone.rego")
        try scratch.link(scratch.root + "/gone_test.rego", to: "/nonexistent/skipped_by_rule")
        let (policies, warnings) = try scratch.discover()
        #expect(policies.map(\.packageName) == ["p"])
        #expect(warnings == ["\(scratch.root)/gone.rego: a dangling symbolic link to /nonexistent/gone.rego; skipped"])

        let dangling = Scratch()
        try dangling.makeDirectory(dangling.directory + "/policies")
        try dangling.link(dangling.root, to: "/nonexistent/claude")
        let missing = try dangling.discover()
        #expect(missing.policies.isEmpty)
        #expect(missing.warnings == ["\(dangling.root): a dangling symbolic link to /nonexistent/claude for harness \"claude\""])
    }

    @Test func aRegoPathThatIsNoRegularFileIsNamed() throws {
        let scratch = Scratch()
        try scratch.makeDirectory(scratch.root)
        #expect(mkfifo(scratch.root + "/pipe.rego", 0o644) == 0)
        let (policies, warnings) = try scratch.discover()
        #expect(policies.isEmpty)
        #expect(warnings == ["\(scratch.root)/pipe.rego: not a regular file (a FIFO); skipped"])
    }

    @Test func aFileOverTheSizeLimitIsNamed() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/big.rego", package: "big")
        try scratch.policy(scratch.root + "/ok.rego", package: "ok")
        try String(repeating: "#", count: 200).write(toFile: scratch.root + "/big.rego", atomically: true, encoding: .utf8)
        let (policies, warnings) = try scratch.discover(maxBytes: 100)
        #expect(policies.map(\.packageName) == ["ok"])
        #expect(warnings == ["\(scratch.root)/big.rego: larger than the 100-byte limit; skipped"])
    }

    static let isRoot = geteuid() == 0

    @Test(.enabled(if: !isRoot, "runs as root, where file permissions do not apply: see readableAsRoot"))
    func anUnreadableFileIsNamed() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/locked.rego", package: "locked")
        try scratch.policy(scratch.root + "/open.rego", package: "open")
        try scratch.policy(scratch.root + "/shut/inside.rego", package: "inside")
        #expect(chmod(scratch.root + "/locked.rego", 0) == 0)
        #expect(chmod(scratch.root + "/shut", 0) == 0)
        let (policies, warnings) = try scratch.discover()
        #expect(policies.map(\.packageName) == ["open"])
        #expect(warnings == [
            "\(scratch.root)/shut: cannot list the directory (Permission denied); skipped",
            "\(scratch.root)/locked.rego: cannot read the file (Permission denied); skipped",
        ])
    }

    @Test(.enabled(if: isRoot, "runs only as root; as anyone else see anUnreadableFileIsNamed"))
    func readableAsRoot() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/locked.rego", package: "locked")
        try scratch.policy(scratch.root + "/shut/inside.rego", package: "inside")
        #expect(chmod(scratch.root + "/locked.rego", 0) == 0)
        #expect(chmod(scratch.root + "/shut", 0) == 0)
        let (policies, warnings) = try scratch.discover()
        // Root reads mode-000 files and lists mode-000 directories: nothing may be lost or warned about.
        #expect(policies.map(\.packageName) == ["locked", "inside"])
        #expect(warnings.isEmpty)
    }

    @Test func walksAreBoundedInDepthAndFiles() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/a/b/c/p.rego", package: "p")
        try scratch.policy(scratch.root + "/q.rego", package: "q")
        #expect(throws: PolicyError.tooDeep(path: scratch.root + "/a/b/c", limit: 2)) {
            try scratch.discover(limits: PolicyWalkLimits(maxDepth: 2))
        }
        #expect(throws: Never.self) { try scratch.discover(limits: PolicyWalkLimits(maxDepth: 3)) }
        #expect(throws: PolicyError.tooManyFiles(directory: scratch.root, limit: 1)) {
            try scratch.discover(limits: PolicyWalkLimits(maxFiles: 1))
        }
        #expect(PolicyError.tooDeep(path: "/x", limit: 32).description
            == "/x: more than 32 directory levels below the policy directory; flatten the tree, or remove the symbolic link that nests it")
    }

    @Test func rulesSkipDotNamesSystemAndTests() throws {
        let scratch = Scratch()
        try scratch.policy(scratch.root + "/p.rego", package: "p")
        try scratch.policy(scratch.root + "/.hidden/h.rego", package: "h")
        try scratch.policy(scratch.root + "/.h.rego", package: "h2")
        try scratch.policy(scratch.root + "/system/evaluate.rego", package: "cupcake.system")
        try scratch.policy(scratch.root + "/p_test.rego", package: "p_test")
        try scratch.link(scratch.root + "/.link.rego", to: "/nonexistent")
        let (policies, warnings) = try scratch.discover()
        #expect(policies.map(\.path) == [scratch.root + "/p.rego"])
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// FileManager's attribute calls resolve owner names through /etc/passwd and /etc/group for
    /// every file; discovery is meant to use stat/readdir only, so its sources must not call it.
    @Test func discoveryMakesNoFileManagerCalls() throws {
        let policies = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CupcakeEngine/Policies")
        for file in ["PolicyDiscovery.swift", "PolicyTreeWalk.swift"] {
            let source = try String(contentsOf: policies.appendingPathComponent(file), encoding: .utf8)
            #expect(!source.contains("FileManager"), "\(file) uses FileManager")
            #expect(!source.contains("import Foundation"), "\(file) imports Foundation")
        }
    }
}
