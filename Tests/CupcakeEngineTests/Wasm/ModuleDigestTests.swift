import Testing
@testable import CupcakeEngine

@Suite struct ModuleDigestTests {
    @Test func xxh64MatchesTheEmptyVectorAndSeesEveryByte() {
        #expect([UInt8]().withUnsafeBytes { ModuleDigest.xxh64($0) } == 0xEF46_DB37_51D8_E999)
        var bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let original = bytes.withUnsafeBytes { ModuleDigest.xxh64($0) }
        for position in [0, 7, 31, 32, 500, 996, 999] {
            bytes[position] ^= 1
            #expect(bytes.withUnsafeBytes { ModuleDigest.xxh64($0) } != original)
            bytes[position] ^= 1
        }
        #expect(bytes.withUnsafeBytes { ModuleDigest.xxh64($0) } == original)
        #expect(bytes.withUnsafeBytes { ModuleDigest.xxh64($0, seed: 1) } != original)
    }
}
