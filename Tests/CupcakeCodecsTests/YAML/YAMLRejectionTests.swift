import Testing
@testable import CupcakeCodecs

@Suite("YAML: rejected input, with line and column")
struct YAMLRejectionTests {
    private func failure(_ text: String) -> YAMLError? {
        do {
            _ = try YAML.parse(text, origin: "rulebook.yml")
            return nil
        } catch {
            return error
        }
    }

    private func expectError(_ text: String, line: Int, column: Int, containing fragment: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = failure(text) else {
            Issue.record("expected an error for \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.location.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("rulebook.yml:\(line):\(column): "), "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }

    @Test("tabs used for indentation")
    func tabs() {
        expectError("a:\n  b: 1\n  \tc: 2\n", line: 3, column: 3, containing: "tabs are not allowed for indentation")
        expectError("a:\n\tb: 1\n", line: 2, column: 1, containing: "tabs are not allowed for indentation")
        expectError("a: |\n\tx\n", line: 2, column: 1, containing: "tabs are not allowed for indentation")
    }

    @Test("anchors, aliases, tags, directives, complex keys")
    func unsupportedFeatures() {
        expectError("a: &x 1\n", line: 1, column: 4, containing: "anchors")
        expectError("a: 1\nb: *x\n", line: 2, column: 4, containing: "aliases")
        expectError("a: !!str 1\n", line: 1, column: 4, containing: "tags")
        expectError("- [!t x]\n", line: 1, column: 4, containing: "tags")
        expectError("%YAML 1.2\n---\na: 1\n", line: 1, column: 1, containing: "directives")
        expectError("? a\n: b\n", line: 1, column: 1, containing: "complex keys")
        expectError("&a key: 1\n", line: 1, column: 1, containing: "anchors")
        #expect(failure("a: &x 1\n").map { if case .unsupported = $0 { true } else { false } } == true)
    }

    @Test("multi-document streams")
    func multiDocument() {
        expectError("a: 1\n---\nb: 2\n", line: 2, column: 1, containing: "multi-document")
        expectError("a: 1\n...\nb: 2\n", line: 3, column: 1, containing: "multi-document")
        expectError("---\n---\n", line: 2, column: 1, containing: "multi-document")
    }

    @Test("duplicate keys, block and flow")
    func duplicates() {
        expectError("a: 1\nb: 2\na: 3\n", line: 3, column: 1, containing: "duplicate key \"a\"")
        expectError("x:\n  - k: 1\n    k: 2\n", line: 3, column: 5, containing: "duplicate key \"k\"")
        expectError("{a: 1, a: 2}", line: 1, column: 8, containing: "duplicate key")
    }

    @Test("inconsistent indentation")
    func indentation() {
        expectError("a:\n    b: 1\n  c: 2\n", line: 3, column: 3, containing: "inconsistent indentation")
        expectError("a: 1\n  b: 2\n", line: 2, column: 4, containing: "': '")
        expectError("a:\n  - x\n - y\n", line: 3, column: 2, containing: "inconsistent indentation")
        expectError("  a: 1\nb: 2\n", line: 2, column: 1, containing: "inconsistent indentation")
        expectError("a: 1\n- b\n", line: 2, column: 1, containing: "sequence item")
    }

    @Test("unterminated quotes and flow collections are reported where they open")
    func unterminated() {
        expectError("a: 1\nb: \"open\nc: 2\n", line: 2, column: 4, containing: "unterminated double-quoted string")
        expectError("b: 'open", line: 1, column: 4, containing: "unterminated single-quoted string")
        expectError("x:\n  y: [1, 2\n", line: 2, column: 6, containing: "unterminated flow sequence")
        expectError("x: {a: [1]\n", line: 1, column: 4, containing: "unterminated flow mapping")
    }

    @Test("malformed lines and scalars")
    func malformed() {
        expectError("a: b: c\n", line: 1, column: 5, containing: "': '")
        expectError("a: 1\njust text\n", line: 2, column: 1, containing: "without ':'")
        expectError("a: \"x\" y\n", line: 1, column: 8, containing: "unexpected text after a quoted scalar")
        expectError("a: [1] x\n", line: 1, column: 8, containing: "unexpected text after a flow sequence")
        expectError("a: - b\n", line: 1, column: 4, containing: "same line as its key")
        expectError(#"a: "\q""#, line: 1, column: 5, containing: "unknown escape")
        expectError(#"a: "\uD800x""#, line: 1, column: 5, containing: "surrogate")
        expectError(#"a: "\u12""#, line: 1, column: 5, containing: "hexadecimal")
        expectError("a: [1,, 2]", line: 1, column: 7, containing: "expected a value")
        expectError("a: |x\n  b\n", line: 1, column: 5, containing: "block scalar header")
        expectError(": x\n", line: 1, column: 1, containing: "empty mapping key")
        expectError("a: @x\n", line: 1, column: 4, containing: "quote it")
        expectError("a: [1]#c\n", line: 1, column: 7, containing: "space before '#'")
        expectError("a: 1\u{01}\n", line: 1, column: 5, containing: "control character U+0001")
    }
}
