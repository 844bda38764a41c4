import CupcakeCodecs
import Testing
@testable import CupcakeEngine

/// Published vectors (FIPS 180 examples, RFC 1321 test suite) plus lengths around the
/// 56- and 64-byte padding boundaries.
@Suite("MD5, SHA-1 and SHA-256")
struct DigestTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let message: String
        let sha256: String
        let sha1: String
        let md5: String
        var testDescription: String { "\(message.prefix(20))… (\(message.utf8.count) bytes)" }
    }

    static let vectors: [Vector] = [
        Vector(message: "",
               sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
               sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
               md5: "d41d8cd98f00b204e9800998ecf8427e"),
        Vector(message: "abc",
               sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
               sha1: "a9993e364706816aba3e25717850c26c9cd0d89d",
               md5: "900150983cd24fb0d6963f7d28e17f72"),
        Vector(message: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
               sha256: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
               sha1: "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
               md5: "8215ef0796a20bcaaae116d3876c664a"),
        Vector(message: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
               sha256: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
               sha1: "a49b2446a02c645bf419f995b67091253a04a259",
               md5: "03dd8807a93175fb062dfb55dc7d359c"),
        Vector(message: "message digest",
               sha256: "f7846f55cf23e14eebeab5b4e1550cad5b509e3348fbc4efa3a1413d393cb650",
               sha1: "c12252ceda8be8994d5fa0290a47231c1d16aae3",
               md5: "f96b697d7cb7938d525a2f31aaf161d0"),
        Vector(message: "abcdefghijklmnopqrstuvwxyz",
               sha256: "71c480df93d6ae2f1efad1447c66c9525e316218cf51fc8d9ed832f2daf18b73",
               sha1: "32d10c7b8cf96570ca04ce37f2a19d84240d3a89",
               md5: "c3fcd3d76192e4007dfb496cca67e13b"),
        Vector(message: String(repeating: "1234567890", count: 8),
               sha256: "f371bc4a311f2b009eef952dd83ca80e2b60026c8e935592d0f9c308453c813e",
               sha1: "50abf5706a150990a08b2c5ea40fa0e585554732",
               md5: "57edf4a22be3c955ac49da2e2107b67a"),
        Vector(message: "café 😀",
               sha256: "043764df773ac7ceea6175e1498893e6ee33e79885288417cc1d75cba6094827",
               sha1: "ab8e85e7526cb2649cf26ad178ce0cc491b70da7",
               md5: "77363a4752ff4d95e47ec96c6b215330"),
        Vector(message: String(repeating: "x", count: 55),
               sha256: "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
               sha1: "cef734ba81a024479e09eb5a75b6ddae62e6abf1",
               md5: "04364420e25c512fd958a70738aa8f72"),
        Vector(message: String(repeating: "x", count: 56),
               sha256: "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
               sha1: "901305367c259952f4e7af8323f480d59f81335b",
               md5: "668a72d5ba17f08e62dabcafad6db14b"),
        Vector(message: String(repeating: "x", count: 57),
               sha256: "ae14a2563ccf969d99aca69ce6bb74981f734bbf9f655f73b8f06db68cab5217",
               sha1: "025ecbd5d70f8fb3c5457cd96bab13fda305dc59",
               md5: "693037871c4a9d3d8685018905cb530a"),
        Vector(message: String(repeating: "x", count: 63),
               sha256: "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
               sha1: "0ddc4e0cccd9a12850deb5abb0853a4425559fec",
               md5: "7dc2ca208106a2f703567bdff99d8981"),
        Vector(message: String(repeating: "x", count: 64),
               sha256: "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
               sha1: "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163",
               md5: "c1bb4f81d892b2d57947682aeb252456"),
        Vector(message: String(repeating: "x", count: 65),
               sha256: "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9",
               sha1: "78c741ddc482e4cdf8c474a0876347a0905b6233",
               md5: "1bc932052302d074bdec39795fe00cf6"),
        Vector(message: String(repeating: "x", count: 119),
               sha256: "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c",
               sha1: "4300320394f7ee239bcdce7d3b8bcee173a0cd5c",
               md5: "ab347a5f68c8a443cfcddc633f12c24f"),
        Vector(message: String(repeating: "x", count: 120),
               sha256: "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
               sha1: "ceb2821639c4b6dcb10bce0e522ca2e608ce056d",
               md5: "fb98667f98096de92620b64f46e1c5b5"),
        Vector(message: String(repeating: "x", count: 128),
               sha256: "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464",
               sha1: "150fa3fbdc899bd0b8f95a9fb6027f564d953762",
               md5: "d69cb61a6ee87200676eb0d4b90edbcb"),
    ]

    @Test("digests match the published vectors", arguments: vectors)
    func published(vector: Vector) {
        #expect(SHA256Digest.hexDigest(of: vector.message) == vector.sha256)
        #expect(SHA1Digest.hexDigest(of: vector.message) == vector.sha1)
        #expect(MD5Digest.hexDigest(of: vector.message) == vector.md5)
    }

    @Test("a million 'a's")
    func millionA() {
        let message = String(repeating: "a", count: 1_000_000)
        #expect(SHA256Digest.hexDigest(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA1Digest.hexDigest(of: message) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(MD5Digest.hexDigest(of: message) == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test("raw digest lengths")
    func lengths() {
        [UInt8]().withUnsafeBytes { empty in
            #expect(SHA256Digest.hash(empty).count == 32)
            #expect(SHA1Digest.hash(empty).count == 20)
            #expect(MD5Digest.hash(empty).count == 16)
        }
    }
}
