import CupcakeTestSupport
import Testing

@testable import CupcakeEngine

/// Random mutations of valid inputs: each must give a result or a typed error, never a crash or a
/// hang. Seeds are fixed, so a failure reproduces.
@Suite("Bundle decoders under random mutation")
struct BundleFuzzTests {
    @Test("mutated gzip streams: bytes equal to the original, or an error")
    func gzipMutations() throws {
        let original = ArchiveTestKit.sampleText(bytes: 20_000)
        let streams = [try ArchiveTestKit.gzip(original, level: 1), try ArchiveTestKit.gzip(original, level: 9)]
        var random = FuzzRandom(seed: 0xC0FFEE)
        var failures = 0
        for i in 0..<300 {
            let mutated = random.mutate(streams[i % 2])
            do {
                let out = try Gzip.decompress(mutated, limit: 1 << 20)
                // CRC-32 and ISIZE guard the content: a success must be the original (mutations of
                // MTIME, XFL, OS or trailing zero padding leave it intact).
                let intact = out == original  // a Bool, so a failure does not print 20 KB
                #expect(intact, "case \(i)")
            } catch {
                failures += 1
            }
        }
        #expect(failures > 200)
    }

    @Test("mutated raw deflate streams: output or an error, within the limit")
    func inflateMutations() throws {
        let original = ArchiveTestKit.sampleText(bytes: 8_000, seed: 99)
        let stream = try ArchiveTestKit.python(
            "import sys,zlib; c=zlib.compressobj(9,zlib.DEFLATED,-15); "
                + "sys.stdout.buffer.write(c.compress(sys.stdin.buffer.read())+c.flush())",
            input: original)
        var random = FuzzRandom(seed: 42)
        for i in 0..<300 {
            let mutated = i % 10 == 0 ? random.bytes(random.below(300)) : random.mutate(stream)
            if let out = try? Inflate.decompress(mutated, limit: 100_000) {
                #expect(out.count <= 100_000)
            }
        }
    }

    @Test("mutated tar archives: members inside the archive, or an error")
    func tarMutations() throws {
        var w = TarWriter()
        for (name, data) in BundleTestKit.opaMembers() { w.addFile(name, data) }
        w.addPax([("path", String(repeating: "p/", count: 70) + "x.rego")], name: "x", Array("package x".utf8))
        w.addGNULongName(String(repeating: "g/", count: 70) + "y.rego", Array("package y".utf8))
        let archive = w.finish()
        var random = FuzzRandom(seed: 7)
        var failures = 0
        for _ in 0..<300 {
            let mutated = random.mutate(archive)
            do {
                for m in try TarReader.members(of: mutated, maxMembers: 100) {
                    #expect(m.data.lowerBound >= 0 && m.data.upperBound <= mutated.count)
                }
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0)
    }

    @Test("mutated bundles: the original module, or a BundleError")
    func bundleMutations() throws {
        let gz = try BundleTestKit.tarGz(BundleTestKit.opaMembers())
        var random = FuzzRandom(seed: 2024)
        var loaded = 0
        for i in 0..<200 {
            let mutated = random.mutate(gz)
            do {
                let bundle = try PolicyBundle.load(tarGz: mutated, origin: "fuzz")
                let intact = bundle.wasm == BundleTestKit.wasmModule
                #expect(intact, "case \(i)")
                loaded += 1
            } catch {
                #expect(error.description.hasPrefix("policy bundle fuzz: "))
            }
        }
        #expect(loaded < 200)
    }
}
