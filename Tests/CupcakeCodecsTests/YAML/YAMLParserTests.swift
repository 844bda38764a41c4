import Testing
@testable import CupcakeCodecs

@Suite("YAML: supported constructs")
struct YAMLParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try YAML.parse(text, origin: "test.yml")
    }

    @Test("block mappings, nested by indentation")
    func blockMappings() throws {
        let text = """
        signals:
          git_branch:
            command: git rev-parse
            timeout_seconds: 2
        fail_mode: closed
        """
        #expect(try parse(text) == ["signals": ["git_branch": ["command": "git rev-parse", "timeout_seconds": 2]], "fail_mode": "closed"])
    }

    @Test("block sequences, mappings inside items, nested sequences, sequences at the key's indentation")
    func blockSequences() throws {
        let text = """
        on_any_denial:
          - command: echo one
            timeout_seconds: 2
          - echo two
          -
            command: three
          - - a
            - b
        compact:
        - x
        - y
        after: 1
        """
        let expected: JSONValue = [
            "on_any_denial": [["command": "echo one", "timeout_seconds": 2], "echo two", ["command": "three"], ["a", "b"]],
            "compact": ["x", "y"],
            "after": 1,
        ]
        #expect(try parse(text) == expected)
    }

    @Test("empty sequence items and empty values are null")
    func emptyValues() throws {
        #expect(try parse("a:\nb: 1\nc:   # nothing\n") == ["a": nil, "b": 1, "c": nil])
        #expect(try parse("-\n- 2\n-") == [nil, 2, nil])
    }

    @Test("flow sequences and mappings, nested, spanning lines, trailing commas, single-pair mappings")
    func flowCollections() throws {
        #expect(try parse(#"x: [a, "b", 3, 'c d', [], {}]"#) == ["x": ["a", "b", 3, "c d", [], [:]]])
        #expect(try parse(#"{command: "x", timeout_seconds: 2, nested: {list: [1, {k: v}]}}"#)
            == ["command": "x", "timeout_seconds": 2, "nested": ["list": [1, ["k": "v"]]]])
        #expect(try parse("a: [\n  1,   # one\n  2,\n]\n") == ["a": [1, 2]])
        #expect(try parse("[a: b, c]") == [["a": "b"], "c"])
        #expect(try parse("{a, b: }") == ["a": nil, "b": nil])
        #expect(try parse("[http://x.y/z, a:b]") == ["http://x.y/z", "a:b"])
    }

    @Test("plain scalars: comments, inner colons and hashes, multi-line folding")
    func plainScalars() throws {
        #expect(try parse("a: echo a && b # trailing") == ["a": "echo a && b"])
        #expect(try parse("a: x#y") == ["a": "x#y"])
        #expect(try parse("a: http://host:8080/p") == ["a": "http://host:8080/p"])
        #expect(try parse("a: first\n  second\n\n  third\nb: 2") == ["a": "first second\nthird", "b": 2])
        #expect(try parse("- one\n  two") == ["one two"])
        #expect(try parse("  leading: indent\n  ok: 1") == ["leading": "indent", "ok": 1])
    }

    @Test("single-quoted scalars: '' escape, folding, never resolved")
    func singleQuoted() throws {
        #expect(try parse("a: 'it''s'") == ["a": "it's"])
        #expect(try parse("a: 'true'\nb: '3'\nc: ''") == ["a": "true", "b": "3", "c": ""])
        #expect(try parse("a: 'one\n   two\n\n   three'") == ["a": "one two\nthree"])
        #expect(try parse("a: '# not a comment' # comment") == ["a": "# not a comment"])
    }

    @Test("double-quoted scalars: escapes, surrogate pairs, line continuation")
    func doubleQuoted() throws {
        #expect(try parse(#"a: "line\nnext\ttab \"q\" back\\slash""#) == ["a": "line\nnext\ttab \"q\" back\\slash"])
        #expect(try parse(#"a: "\u00e9\u263A\uD83D\uDE00\x41\U0001F600\/""#) == ["a": "é☺😀A😀/"])
        #expect(try parse("a: \"one \\\n   two\"") == ["a": "one two"])
        #expect(try parse("a: \"x\n  y\"") == ["a": "x y"])
        #expect(try parse(#""quoted key": "null""#) == ["quoted key": "null"])
    }

    @Test("literal block scalars with clip, strip and keep chomping")
    func literalBlocks() throws {
        let body = "a: |\n  line one\n    indented\n\n  line three\n\n\nb: 1\n"
        #expect(try parse(body) == ["a": "line one\n  indented\n\nline three\n", "b": 1])
        #expect(try parse("a: |-\n  x\n  y\n\nb: 1") == ["a": "x\ny", "b": 1])
        #expect(try parse("a: |+\n  x\n\n\nb: 1") == ["a": "x\n\n\n", "b": 1])
        #expect(try parse("a: |2\n    x\n  y\n") == ["a": "  x\ny\n"])
        #expect(try parse("a: |\n  # not a comment\n  x: y\n") == ["a": "# not a comment\nx: y\n"])
        #expect(try parse("a: |\nb: 1") == ["a": "", "b": 1])
        #expect(try parse("- |\n  item\n- 2") == ["item\n", 2])
    }

    @Test("folded block scalars: lines join with spaces, blank lines and more-indented lines keep breaks")
    func foldedBlocks() throws {
        #expect(try parse("a: >\n  one\n  two\n\n  three\n    code\n  four\n") == ["a": "one two\nthree\n  code\nfour\n"])
        #expect(try parse("a: >-\n  one\n  two\n") == ["a": "one two"])
        #expect(try parse("a: >+\n  one\n\n") == ["a": "one\n\n"])
    }

    @Test("comments anywhere outside quotes; '---' start marker; '...' end marker; CRLF; BOM")
    func commentsAndMarkers() throws {
        #expect(try parse("# head\n---\n# more\na: 1 # c\n\n# tail\n") == ["a": 1])
        #expect(try parse("--- # start\na: 1\n...\n# after end\n") == ["a": 1])
        #expect(try parse("a: 1\r\nb: [x,\r\n y]\r\n") == ["a": 1, "b": ["x", "y"]])
        #expect(try parse("\u{FEFF}a: 1") == ["a": 1])
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n\n") == nil)
        #expect(try parse("a:\tb") == ["a": "b"])
    }

    @Test("core schema resolution of plain scalars")
    func coreSchema() throws {
        let text = """
        n1: null
        n2: ~
        n3: NULL
        t1: true
        t2: True
        t3: TRUE
        f1: false
        i1: 42
        i2: -7
        i3: +3
        i4: 0x1F
        i5: 0o17
        d1: 1.5
        d2: -2e3
        d3: .5
        d4: 1.
        big: 99999999999999999999
        s1: yes
        s2: 1.2.3
        s3: 0x
        s4: tRuE
        s5: 12abc
        """
        let value = try parse(text)
        let expected: JSONValue = [
            "n1": nil, "n2": nil, "n3": nil, "t1": true, "t2": true, "t3": true, "f1": false,
            "i1": 42, "i2": -7, "i3": 3, "i4": 31, "i5": 15,
            "d1": 1.5, "d2": -2000.0, "d3": 0.5, "d4": 1.0, "big": .double(1e20),
            "s1": "yes", "s2": "1.2.3", "s3": "0x", "s4": "tRuE", "s5": "12abc",
        ]
        #expect(value == expected)
        #expect(try parse("a: .inf")["a"]?.doubleValue == .infinity)
        #expect(try parse("a: .nan")["a"]?.doubleValue?.isNaN == true)
    }

    @Test("scalar documents and keys that look like numbers stay strings as keys")
    func scalarsAndKeys() throws {
        #expect(try parse("hello") == "hello")
        #expect(try parse("12") == 12)
        #expect(try parse("1: a\ntrue: b") == ["1": "a", "true": "b"])
        #expect(try parse("- a\n  - b") == ["a - b"])
        #expect(try parse("a: [1 2]") == ["a": ["1 2"]])
    }

    @Test("locations are recorded per key path")
    func locations() throws {
        let (_, locations) = try YAML.parseWithLocations("a:\n  b: [1, {c: 2}]\n  d:\n    - x\n    - y: 3\n", origin: "f.yml")
        #expect(locations["a.b"] == YAMLLocation(origin: "f.yml", line: 2, column: 6))
        #expect(locations["a.b[1].c"] == YAMLLocation(origin: "f.yml", line: 2, column: 14))
        #expect(locations["a.d[1].y"] == YAMLLocation(origin: "f.yml", line: 5, column: 10))
    }
}
