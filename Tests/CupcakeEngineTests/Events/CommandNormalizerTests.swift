import Testing
@testable import CupcakeEngine

@Suite("CommandNormalizer")
struct CommandNormalizerTests {
    @Test("whitespace outside quotes collapses to one space and is trimmed", arguments: [
        ("rm  -rf   /", "rm -rf /"),
        ("rm\t-rf\t/", "rm -rf /"),
        ("  rm -rf /  ", "rm -rf /"),
        ("rm\n-rf\r\n/", "rm -rf /"),
        ("rm \u{00A0}\u{2003}-rf /", "rm -rf /"),
        ("ls  -la  |  grep  x", "ls -la | grep x"),
        ("ls -la", "ls -la"),
        ("", ""),
        ("   \t\n", ""),
    ])
    func collapses(input: String, expected: String) {
        #expect(CommandNormalizer.normalize(input) == expected)
    }

    @Test("quoted text and escaped characters are kept exactly", arguments: [
        ("git  commit -m 'Fix  spacing'", "git commit -m 'Fix  spacing'"),
        ("echo  \"tabs\there  too\"", "echo \"tabs\there  too\""),
        ("echo  'it'\"'\"'s  ok'", "echo 'it'\"'\"'s  ok'"),
        ("echo  a\\  b", "echo a\\  b"),
        ("echo \"a \\\"  b\"", "echo \"a \\\"  b\""),
        ("echo 'unterminated   rest  ", "echo 'unterminated   rest  "),
        ("trailing backslash\\", "trailing backslash\\"),
    ])
    func preserves(input: String, expected: String) {
        #expect(CommandNormalizer.normalize(input) == expected)
    }

    @Test("a huge command is normalized without trouble")
    func huge() {
        let command = String(repeating: "a   ", count: 100_000)
        let normalized = CommandNormalizer.normalize(command)
        #expect(normalized.utf8.count == 100_000 * 2 - 1)
    }
}
