import Glibc
import Testing
@testable import CupcakeEngine

/// The compiled-module cache: in-process reuse, disk reuse, and bad cache files being ignored.
@Suite struct WasmModuleCacheTests {
    /// A fresh private directory.
    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/cupcake-wasm-cache-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes `path` and everything below it.
    static func removeDirectory(_ path: String) {
        guard let entries = opendir(path) else { return }
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != "." && name != ".." else { continue }
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) {
                removeDirectory("\(path)/\(name)")
            } else {
                unlink("\(path)/\(name)")
            }
        }
        closedir(entries)
        rmdir(path)
    }

    static func files(in path: String) -> [String] {
        guard let entries = opendir(path) else { return [] }
        defer { closedir(entries) }
        var names: [String] = []
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// Loads through a brand-new engine, so only the disk cache can avoid compiling.
    static func loadFresh(_ wasm: [UInt8], cache: WasmModuleCache) throws -> WasmLoadStats {
        let engine = try WasmEngine()
        let (module, stats) = try cache.module(for: wasm, engine: engine)
        // The module works, whichever way it was obtained.
        let runtime = try WasmPolicyRuntime(module: module, loadStats: stats, dataJSON: nil, origin: "cache-test")
        let evaluation = try runtime.evaluateBlocking(entrypoint: "echo", input: Array("[1]".utf8))
        #expect(evaluation.result == .array([.int(1)]))
        return stats
    }

    static func mutateFile(_ path: String, directory: String, _ change: (inout [UInt8]) -> Void) throws {
        guard case .success(var bytes) = CacheFileIO.read(path) else {
            Issue.record("cannot read \(path)")
            return
        }
        change(&bytes)
        unlink(path)
        let problem = bytes.withUnsafeBytes { CacheFileIO.writeAtomically([$0], to: path, directory: directory) }
        #expect(problem == nil)
    }

    @Test func reusesModulesInProcessAndOnDisk() throws {
        let directory = try Self.temporaryDirectory()
        defer { Self.removeDirectory(directory) }
        let cache = WasmModuleCache(directory: directory + "/nested/wasm")
        let wasm = try FakeOPA.wasm()

        let engine = try WasmEngine()
        let (_, first) = try cache.module(for: wasm, engine: engine)
        #expect(first.source == .compiled)
        #expect(!first.cacheHit)
        #expect(first.compileMilliseconds > 0)
        #expect(first.cacheNote == nil)
        #expect(Self.files(in: directory + "/nested/wasm").count == 1)

        let (_, second) = try cache.module(for: wasm, engine: engine)
        #expect(second.source == .memory)
        #expect(second.cacheHit)

        let fromDisk = try Self.loadFresh(wasm, cache: cache)
        #expect(fromDisk.source == .disk)
        #expect(fromDisk.compileMilliseconds == 0)
        #expect(fromDisk.deserializeMilliseconds > 0)
    }

    @Test func differentModulesAndSettingsGetDifferentEntries() throws {
        let directory = try Self.temporaryDirectory()
        defer { Self.removeDirectory(directory) }
        let cache = WasmModuleCache(directory: directory)
        _ = try Self.loadFresh(try FakeOPA.wasm(minor: 3), cache: cache)
        _ = try Self.loadFresh(try FakeOPA.wasm(minor: 2), cache: cache)
        let unoptimized = try WasmEngine(configuration: WasmEngineConfiguration(optimizeForSpeed: false))
        let (_, stats) = try cache.module(for: try FakeOPA.wasm(minor: 3), engine: unoptimized)
        #expect(stats.source == .compiled)
        #expect(Self.files(in: directory).count == 3)
    }

    @Test(arguments: ["flip-artifact", "flip-header", "truncate", "truncate-header", "append", "garbage", "empty"])
    func damagedFilesAreIgnoredAndRebuilt(damage: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { Self.removeDirectory(directory) }
        let cache = WasmModuleCache(directory: directory)
        let wasm = try FakeOPA.wasm()
        #expect(try Self.loadFresh(wasm, cache: cache).source == .compiled)
        let path = directory + "/" + (try #require(Self.files(in: directory).first))

        try Self.mutateFile(path, directory: directory) { bytes in
            switch damage {
            case "flip-artifact": bytes[bytes.count - 100] ^= 0x40
            case "flip-header": bytes[20] ^= 0x01
            case "truncate": bytes.removeLast(bytes.count / 3)
            case "truncate-header": bytes.removeLast(bytes.count - 20)
            case "append": bytes.append(contentsOf: [1, 2, 3])
            case "garbage": bytes = Array("definitely not a cache file".utf8)
            default: bytes = []
            }
        }
        let rebuilt = try Self.loadFresh(wasm, cache: cache)
        #expect(rebuilt.source == .compiled)
        #expect(rebuilt.cacheNote?.hasPrefix("cache file ignored") == true)
        // The rebuilt entry is good again.
        #expect(try Self.loadFresh(wasm, cache: cache).source == .disk)
    }

    @Test func anEntryForAnotherModuleIsNotUsed() throws {
        let directory = try Self.temporaryDirectory()
        defer { Self.removeDirectory(directory) }
        let cache = WasmModuleCache(directory: directory)
        let first = try FakeOPA.wasm(minor: 3)
        let second = try FakeOPA.wasm(minor: 2)
        _ = try Self.loadFresh(first, cache: cache)
        let firstFile = try #require(Self.files(in: directory).first)
        // Put the first module's valid entry where the second module's entry belongs.
        let engine = try WasmEngine()
        let secondName = CacheKey(wasm: second, engine: engine).fileName
        guard case .success(let bytes) = CacheFileIO.read(directory + "/" + firstFile) else {
            Issue.record("cannot read the cache file")
            return
        }
        #expect(bytes.withUnsafeBytes { CacheFileIO.writeAtomically([$0], to: directory + "/" + secondName, directory: directory) } == nil)
        let (module, stats) = try cache.module(for: second, engine: engine)
        #expect(stats.source == .compiled)
        #expect(stats.cacheNote == "cache file ignored: compiled from other wasm bytes")
        let runtime = try WasmPolicyRuntime(module: module, loadStats: stats, dataJSON: nil, origin: "m")
        #expect(runtime.abiVersion.minor == 2)
    }

    @Test func anEntryMadeWithOtherSettingsIsNotUsed() throws {
        let directory = try Self.temporaryDirectory()
        defer { Self.removeDirectory(directory) }
        let cache = WasmModuleCache(directory: directory)
        let wasm = try FakeOPA.wasm()
        let unoptimized = try WasmEngine(configuration: WasmEngineConfiguration(optimizeForSpeed: false))
        _ = try cache.module(for: wasm, engine: unoptimized)
        let otherFile = try #require(Self.files(in: directory).first)
        let engine = try WasmEngine()
        let expectedName = CacheKey(wasm: wasm, engine: engine).fileName
        #expect(otherFile != expectedName)
        #expect(rename(directory + "/" + otherFile, directory + "/" + expectedName) == 0)
        let (_, stats) = try cache.module(for: wasm, engine: engine)
        #expect(stats.source == .compiled)
        #expect(stats.cacheNote == "cache file ignored: made by another library version or engine configuration")
    }

    @Test func unwritableDirectoryStillCompiles() throws {
        let wasm = try FakeOPA.wasm()
        let cache = WasmModuleCache(directory: "/proc/cupcake-cannot-write-here")
        let stats = try Self.loadFresh(wasm, cache: cache)
        #expect(stats.source == .compiled)
        #expect(stats.cacheNote?.hasPrefix("cache file not written") == true)
    }

    @Test func standardDirectoryFollowsXDGThenHome() {
        #expect(WasmModuleCache.standardDirectory { ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"][$0] } == "/x/cache/cupcake/wasm")
        #expect(WasmModuleCache.standardDirectory { ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"][$0] } == "/home/u/.cache/cupcake/wasm")
        #expect(WasmModuleCache.standardDirectory { ["HOME": "/home/u"][$0] } == "/home/u/.cache/cupcake/wasm")
        #expect(WasmModuleCache.standardDirectory { _ in nil } == nil)
    }
}
