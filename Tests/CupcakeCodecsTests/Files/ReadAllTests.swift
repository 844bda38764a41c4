import CupcakeTestSupport
import Foundation
import Testing

@testable import CupcakeCodecs

@Suite("readAll: a descriptor to its end, bounded")
struct ReadAllTests {
    /// The outcome of reading a file holding `bytes` with `limit`, told its size or not.
    private func read(_ bytes: [UInt8], limit: Int, toldSize: Bool) throws -> ReadAllOutcome {
        try ArchiveTestKit.withTempDirectory { directory in
            let path = directory + "/input"
            try ArchiveTestKit.write(bytes, to: path)
            let fd = open(path, O_RDONLY)
            #expect(fd >= 0)
            defer { close(fd) }
            if toldSize { #expect(sizeIfRegularFile(fd) == bytes.count) }
            return readAll(from: fd, limit: limit, regularFileSize: toldSize ? sizeIfRegularFile(fd) : nil)
        }
    }

    @Test("a file read whole, told its size or not", arguments: [0, 1, 4095, 4096, 4097, 50_000])
    func wholeFile(count: Int) throws {
        let bytes = ArchiveTestKit.sampleText(bytes: count)
        #expect(try read(bytes, limit: 1 << 20, toldSize: true) == .complete(bytes))
        #expect(try read(bytes, limit: 1 << 20, toldSize: false) == .complete(bytes))
    }

    @Test("exactly the limit fits; one byte more is too large and gives the first limit bytes", arguments: [true, false])
    func limit(toldSize: Bool) throws {
        let bytes = ArchiveTestKit.sampleText(bytes: 9_000)
        #expect(try read(bytes, limit: 9_000, toldSize: toldSize) == .complete(bytes))
        #expect(try read(bytes, limit: 8_999, toldSize: toldSize) == .tooLarge(Array(bytes.prefix(8_999))))
        #expect(try read(bytes, limit: 0, toldSize: toldSize) == .tooLarge([]))
        #expect(try read([], limit: 0, toldSize: toldSize) == .complete([]))
    }

    @Test("a size that is not a regular file's is not trusted")
    func notRegular() {
        var ends: [Int32] = [0, 0]
        #expect(Glibc.pipe(&ends) == 0)
        #expect(sizeIfRegularFile(ends[0]) == nil)
        close(ends[0])
        close(ends[1])
    }

    @Test("a pipe with no size hint grows its buffer; the limit still holds")
    func fromPipe() throws {
        let bytes = ArchiveTestKit.sampleText(bytes: 300_000)
        for (limit, expected) in [(Int.max, ReadAllOutcome.complete(bytes)), (100_000, .tooLarge(Array(bytes.prefix(100_000))))] {
            var ends: [Int32] = [0, 0]
            #expect(Glibc.pipe(&ends) == 0)
            let writeEnd = ends[1]
            let writer = Thread {
                bytes.withUnsafeBytes { _ = systemWriteAll(writeEnd, $0) }
                close(writeEnd)
            }
            writer.start()
            let outcome = readAll(from: ends[0], limit: limit)
            // Drain what the limit left, so the writer finishes instead of meeting a closed pipe.
            _ = readAll(from: ends[0], limit: Int.max)
            close(ends[0])
            #expect(outcome == expected)
        }
    }

    @Test("a read error is reported, not a partial result")
    func failure() {
        #expect(readAll(from: -1, limit: 100) == .failed(EBADF))
    }
}

@Suite("replaceFileAtomically and makeDirectories")
struct AtomicFileWriteTests {
    private func names(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("the parts become the file, replacing an older one; no temporary file is left")
    func replaces() throws {
        try ArchiveTestKit.withTempDirectory { directory in
            let path = directory + "/target"
            try ArchiveTestKit.write(Array("old".utf8), to: path)
            let first = Array("hello, ".utf8), second = Array("world".utf8)
            let failure = first.withUnsafeBytes { a in
                second.withUnsafeBytes { b in
                    replaceFileAtomically(at: path, with: [a, b]) {
                        // Between the write and the rename, readers still see the old file.
                        #expect((try? ArchiveTestKit.read(path)) == Array("old".utf8))
                    }
                }
            }
            #expect(failure == nil)
            #expect(try ArchiveTestKit.read(path) == Array("hello, world".utf8))
            #expect(try names(in: directory) == ["target"])
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        }
    }

    @Test("a failure names the path and the reason and leaves nothing behind")
    func failure() throws {
        try ArchiveTestKit.withTempDirectory { directory in
            // The target is a non-empty directory, so the rename fails after a complete write.
            let path = directory + "/occupied"
            try ArchiveTestKit.write([1], to: path + "/inside")
            var ranBeforeReplacing = false
            let failure = [UInt8]([1, 2, 3]).withUnsafeBytes {
                replaceFileAtomically(at: path, with: [$0]) { ranBeforeReplacing = true }
            }
            #expect(ranBeforeReplacing)
            #expect(failure?.path == path)
            #expect(failure?.reason.isEmpty == false)
            #expect(try names(in: directory) == ["occupied"])
            let missing = replaceFileAtomically(at: directory + "/no/such/dir/file", with: [])
            #expect(missing?.reason == String(cString: strerror(ENOENT)))
        }
    }

    @Test("makeDirectories creates each missing level with its mode and names the step that failed")
    func directories() throws {
        try ArchiveTestKit.withTempDirectory { directory in
            #expect(makeDirectories(directory + "/a/b/c") == nil)
            #expect(makeDirectories(directory + "/a/b/c") == nil)
            var info = stat()
            #expect(stat(directory + "/a/b", &info) == 0 && info.st_mode & 0o777 == 0o700)
            try ArchiveTestKit.write([1], to: directory + "/file")
            #expect(makeDirectories(directory + "/file/below")?.path == directory + "/file/below")
        }
    }
}
