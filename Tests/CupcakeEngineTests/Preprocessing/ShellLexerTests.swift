import Testing
@testable import CupcakeEngine

@Suite("ShellLexer")
struct ShellLexerTests {
    /// The commands of `text`, each as its words' texts.
    static func commands(_ text: String) -> [[String]] {
        ShellCommand.parse(ShellLexer.tokens(of: text)).map { $0.words.map(\.text) }
    }

    @Test("quotes are removed and keep their contents whole", arguments: [
        (#"rm -rf "My Documents/x" 'a  b'"#, [["rm", "-rf", "My Documents/x", "a  b"]]),
        (#"echo "rm -rf /""#, [["echo", "rm -rf /"]]),
        (#"r"m" -r'f' /"#, [["rm", "-rf", "/"]]),
        (#"\rm -rf /"#, [["rm", "-rf", "/"]]),
        (#"echo "a \"b\" \$c \x""#, [["echo", #"a "b" $c \x"#]]),
        (#"echo 'unterminated  rest"#, [["echo", "unterminated  rest"]]),
        (#"$'\x72\x6d' -rf /"#, [["rm", "-rf", "/"]]),
        (#"$'\162\155' $'a\'b'"#, [["rm", "a'b"]]),
    ] as [(String, [[String]])])
    func quoting(text: String, expected: [[String]]) {
        #expect(Self.commands(text) == expected)
    }

    @Test("operators split commands; quoted operators do not", arguments: [
        ("a && b || c; d | e & f", [["a"], ["b"], ["c"], ["d"], ["e"], ["f"]]),
        ("a&&b;c|d", [["a"], ["b"], ["c"], ["d"]]),
        ("echo 'x; rm -rf /'", [["echo", "x; rm -rf /"]]),
        ("a\nb\r\nc", [["a"], ["b"], ["c"]]),
        ("(cd /tmp; ls) && pwd", [["cd", "/tmp"], ["ls"], ["pwd"]]),
        ("echo a # rm -rf /\nls", [["echo", "a"], ["ls"]]),
        ("echo a#b", [["echo", "a#b"]]),
    ] as [(String, [[String]])])
    func operators(text: String, expected: [[String]]) {
        #expect(Self.commands(text) == expected)
    }

    @Test("redirections are recognised with and without spaces and descriptors")
    func redirections() {
        let cases: [(String, ShellRedirect.Kind, String)] = [
            ("echo x > out", .write, "out"),
            ("echo x >out", .write, "out"),
            ("echo x>>log", .append, "log"),
            ("cmd 2> err.txt", .write, "err.txt"),
            ("cmd &> all.txt", .write, "all.txt"),
            ("cmd >| forced", .write, "forced"),
            ("cmd < in.txt", .read, "in.txt"),
            ("cmd 2>&1", .duplicate, "1"),
            ("cmd <> rw", .readWrite, "rw"),
        ]
        for (text, kind, target) in cases {
            let command = ShellCommand.parse(ShellLexer.tokens(of: text)).first
            #expect(command?.redirects.first?.kind == kind, "\(text)")
            #expect(command?.redirects.first?.target.text == target, "\(text)")
        }
        let duplicate = ShellCommand.parse(ShellLexer.tokens(of: "cmd 2>&1")).first?.redirects.first
        #expect(duplicate?.writesTarget == false)
        #expect(ShellCommand.parse(ShellLexer.tokens(of: "cmd >&file")).first?.redirects.first?.writesTarget == true)
    }

    @Test("heredoc bodies are read up to the delimiter and are not commands")
    func heredocs() {
        let tokens = ShellLexer.tokens(of: "cat <<'EOF' > out.txt\nrm -rf /\nEOF\nls\n")
        let commands = ShellCommand.parse(tokens)
        #expect(commands.map { $0.words.map(\.text) } == [["cat"], ["ls"]])
        #expect(commands.first?.redirects.first?.heredocBody == "rm -rf /")
        #expect(commands.first?.redirects.last?.target.text == "out.txt")
        let tabbed = ShellCommand.parse(ShellLexer.tokens(of: "bash <<-END\n\trm x\n\tEND\necho done"))
        #expect(tabbed.first?.redirects.first?.heredocBody == "rm x")
        #expect(tabbed.last?.words.map(\.text) == ["echo", "done"])
    }

    @Test("expansions are kept as pieces")
    func expansions() {
        let word = ShellLexer.tokens(of: #"~/a/$HOME/${X}/$(rm -rf /)/`id`/*.txt"#)
        guard case .word(let parsed)? = word.first else {
            Issue.record("no word")
            return
        }
        #expect(parsed.pieces == [
            .tilde(""), .literal("/a/"), .variable("HOME"), .literal("/"), .variable("{X}"), .literal("/"),
            .substitution("rm -rf /"), .literal("/"), .substitution("id"), .literal("/"), .glob("*"), .literal(".txt"),
        ])
        #expect(ShellLexer.substitutions(inExpandedText: "text $(rm -rf /) and `id` 'quoted $(x)'") == ["rm -rf /", "id", "x"])
    }

    @Test("any input is lexed without a crash, in time linear in its length")
    func hostile() {
        let pieces = ["'", "\"", "$(", "`", "\\", "<<", "(", ")", "${", "$'", "\n", "&", "|", ";", " ", "a", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<40).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            _ = ShellCommand.parse(ShellLexer.tokens(of: text))
        }
        let long = String(repeating: "echo a && ", count: 100_000)
        #expect(ShellCommand.parse(ShellLexer.tokens(of: long)).count == 100_000)
    }
}
