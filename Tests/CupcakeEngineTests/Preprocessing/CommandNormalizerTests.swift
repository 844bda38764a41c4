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

    // Inputs and outputs of upstream Cupcake's normalizer tests, which this must match.
    @Test("upstream Cupcake's normalization cases", arguments: [
        ("rm  -rf", "rm -rf"), ("rm\t\t-rf", "rm -rf"), ("rm  \t  -rf", "rm -rf"),
        ("echo  'multiple  spaces'", "echo 'multiple  spaces'"),
        ("echo  \"tabs\tin\there\"", "echo \"tabs\tin\there\""),
        ("echo  'single'  \"double\"", "echo 'single' \"double\""),
        (#"echo  \'test  test\'"#, #"echo \'test test\'"#),
        (#"echo  \"test  test\""#, #"echo \"test test\""#),
        (#"echo  \\  test"#, #"echo \\ test"#),
        ("echo  $HOME  $USER", "echo $HOME $USER"),
        ("git  commit  -m  'Fix  spacing  issue'", "git commit -m 'Fix  spacing  issue'"),
        ("echo\n\nhello", "echo hello"),
        ("ps  aux  |  grep  node  |  wc  -l", "ps aux | grep node | wc -l"),
        ("rm\t-rf\t/tmp/testdir", "rm -rf /tmp/testdir"),
    ])
    func upstreamCases(input: String, expected: String) {
        #expect(CommandNormalizer.normalize(input) == expected)
    }

    @Test("a huge command is normalized without trouble")
    func huge() {
        let command = String(repeating: "a   ", count: 100_000)
        let normalized = CommandNormalizer.normalize(command)
        #expect(normalized.utf8.count == 100_000 * 2 - 1)
    }
}

@Suite("LineContinuations")
struct LineContinuationTests {
    @Test("backslash-newline outside single quotes joins lines", arguments: [
        ("rm \\\n-rf /", "rm -rf /"),
        ("rm \\\r\n-rf /", "rm -rf /"),
        ("echo \"a\\\nb\"", "echo \"ab\""),
        ("echo 'a\\\nb'", "echo 'a\\\nb'"),
        ("echo \"it's\" \\\nx", "echo \"it's\" x"),
        ("a \\\\\nb", "a \\\\\nb"),
        ("no continuation", "no continuation"),
        ("trailing\\", "trailing\\"),
    ])
    func joins(input: String, expected: String) {
        #expect(LineContinuations.join(input) == expected)
    }

    @Test("joined and normalized, a continued rm reads as rm -rf /")
    func thenNormalized() {
        #expect(CommandNormalizer.normalize(LineContinuations.join("rm \\\n  -rf \\\n /")) == "rm -rf /")
    }
}

@Suite("CommandNormalizer against a reference")
struct CommandNormalizerReferenceTests {
    /// The rules written plainly, one Unicode scalar at a time.
    static func reference(_ command: String) -> String {
        var result = String.UnicodeScalarView()
        var inSingle = false, inDouble = false, escaping = false, pendingSpace = false
        for scalar in command.unicodeScalars {
            if escaping {
                escaping = false
            } else if scalar == "\\" && !inSingle {
                escaping = true
            } else if scalar == "'" && !inDouble {
                inSingle.toggle()
            } else if scalar == "\"" && !inSingle {
                inDouble.toggle()
            } else if !inSingle && !inDouble && scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    @Test("random commands normalize exactly as the plain rules say")
    func randomCommands() {
        let pieces = ["a", "rm", " ", "  ", "\t", "\n", "\r\n", "'", "\"", "\\", "é", "\u{00A0}", "\u{2003}", "\u{3000}",
                      "\u{1680}", "\u{0085}", "日", "😀", "-rf", "/"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<24, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(CommandNormalizer.normalize(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
