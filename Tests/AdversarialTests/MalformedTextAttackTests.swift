import Foundation
import Testing

/// Text that is not what the agent sent: invalid UTF-8 and lone surrogate escapes. Nothing is
/// replaced; the event is refused with exit 65 and the byte offset.
@Suite("Attacks: malformed text")
struct MalformedTextAttackTests {
    static func event(command: [UInt8]) -> Data {
        Data(#"{"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"/tmp","tool_input":{"command":""#.utf8)
            + Data(command) + Data(#""}}"#.utf8)
    }

    static let prefixLength = #"{"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"/tmp","tool_input":{"command":""#.utf8.count

    @Test("invalid UTF-8 anywhere in a string exits 65 naming the byte offset", arguments: [
        (Array("cat /etc".utf8) + [0xC0, 0xAF] + Array("passwd".utf8), 8, "0xC0"),  // overlong '/'
        (Array("rm -rf ".utf8) + [0xFF], 7, "0xFF"),
        (Array("x".utf8) + [0xED, 0xA0, 0x80], 1, "0xED"),  // an encoded surrogate
        ([0xE2, 0x82], 0, "0xE2"),  // truncated
        ([0x80], 0, "0x80"),  // a stray continuation byte
    ] as [([UInt8], Int, String)])
    func invalidUTF8(command: [UInt8], offsetInCommand: Int, byte: String) throws {
        let result = try Adversary.cli(Self.event(command: command))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("byte offset \(Self.prefixLength + offsetInCommand)"), "\(result.stderr)")
        #expect(result.stderr.contains(byte))
    }

    @Test("a \\u escape leaving a lone surrogate exits 65", arguments: [#"rm \ud800 x"#, #"\udc00"#, #"\ud83d\u0041"#])
    func loneSurrogates(command: String) throws {
        let result = try Adversary.cli(Self.event(command: Array(command.utf8)))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("lone surrogate"))
        #expect(result.stderr.contains("byte offset \(Self.prefixLength + (command.hasPrefix("rm") ? 3 : 0))"))
    }

    @Test("in a key, and under every harness")
    func keysAndHarnesses() throws {
        let key = Data(#"{"hook_event_name":"PreToolUse","tool_"#.utf8) + Data([0xFE]) + Data(#"name":"Bash"}"#.utf8)
        for harness in ["claude", "cursor", "factory", "opencode"] {
            let result = try Adversary.cli(key, harness: harness)
            #expect(result.status == 65, "\(harness): \(result.stderr)")
            #expect(result.stderr.contains("byte offset 38"))
        }
    }

    @Test("with --strict a malformed event fails closed (exit 2)")
    func strict() throws {
        let result = try Adversary.cli(Self.event(command: [0xFF]), extra: ["--strict"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid UTF-8"))
    }

    @Test("escaped and well-formed non-ASCII text passes untouched")
    func wellFormed() throws {
        let result = try Adversary.cli(Self.event(command: Array(#"echo caf\u00e9 日本 \ud83d\ude00"#.utf8)))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
    }
}
