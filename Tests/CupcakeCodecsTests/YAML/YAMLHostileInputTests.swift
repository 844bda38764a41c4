import Testing
@testable import CupcakeCodecs

@Suite("YAML: hostile input")
struct YAMLHostileInputTests {
    private func depthError(_ text: String) -> Bool {
        do {
            _ = try YAML.parse(text, origin: "h.yml")
            return false
        } catch {
            if case .nestingTooDeep(_, let limit) = error { return limit == YAMLLimits.maxDepth }
            return false
        }
    }

    @Test("100 000 nested flow brackets stop at the depth limit")
    func deepFlow() {
        #expect(depthError(String(repeating: "[", count: 100_000)))
        #expect(depthError("a: " + String(repeating: "{a: ", count: 100_000)))
    }

    @Test("deep block nesting stops at the depth limit: compact sequences and indented mappings")
    func deepBlock() {
        #expect(depthError(String(repeating: "- ", count: 50_000) + "x"))
        var text = ""
        for level in 0..<200 { text += String(repeating: " ", count: level) + "k:\n" }
        #expect(depthError(text))
    }

    @Test("nesting just under the limit parses")
    func underLimit() throws {
        let depth = YAMLLimits.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try YAML.parse(text, origin: "h.yml")
        var levels = 1
        while case .array(let elements) = value, let first = elements.first {
            value = first
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test("1 MB scalars: plain, double-quoted, literal block")
    func hugeScalars() throws {
        let big = String(repeating: "x", count: 1 << 20)
        #expect(try YAML.parse("a: " + big, origin: "h.yml")["a"]?.stringValue?.utf8.count == 1 << 20)
        #expect(try YAML.parse("a: \"" + big + "\"", origin: "h.yml")["a"]?.stringValue?.utf8.count == 1 << 20)
        #expect(try YAML.parse("a: |-\n  " + big + "\n", origin: "h.yml")["a"]?.stringValue?.utf8.count == 1 << 20)
    }

    @Test("a huge unterminated quote is reported at its opening quote")
    func hugeUnterminated() {
        do {
            _ = try YAML.parse("k: 1\nv: '" + String(repeating: "y\n", count: 100_000), origin: "h.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.location.line == 2 && error.location.column == 4, "\(error)")
        }
    }

    @Test("input over the size limit is refused before parsing")
    func oversized() {
        let text = String(repeating: "#", count: YAMLLimits.maxInputBytes + 1)
        #expect(throws: YAMLError.self) { try YAML.parse(text, origin: "h.yml") }
        do {
            _ = try YAML.parse(text, origin: "h.yml")
        } catch {
            if case .inputTooLarge = error {} else { Issue.record("wrong error \(error)") }
        }
    }

    @Test("binary garbage never crashes: NUL bytes are refused with a location")
    func binaryGarbage() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var rejected = 0
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try YAML.parse(text, origin: "bin")
            } catch {
                rejected += 1
                #expect(error.description.hasPrefix("bin:"))
            }
        }
        #expect(rejected == 300)
        do {
            _ = try YAML.parse("a: 1\nb: x\u{0}y", origin: "bin")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "bin:2:5: control character U+0000 is not allowed")
        }
    }

    /// `count` texts of 40 pieces drawn from YAML's indicator characters, the same every run.
    private static func indicatorSoup(count: Int) -> [String] {
        let alphabet: [String] = ["-", " ", ":", "\n", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "#", "a", "1", "\\", "?", "  "]
        var state: UInt64 = 12345
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            return text
        }
    }

    @Test("YAML-ish garbage made of indicator characters never crashes: a value, or an error inside the text")
    func indicatorSoup() {
        let soups = Self.indicatorSoup(count: 2_000)
        var accepted = 0
        for text in soups {
            do {
                _ = try YAML.parse(text, origin: "soup")
                accepted += 1
            } catch {
                // A location past the text would send the user looking for nothing.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = error.location.line
                let inside = (1...lines.count).contains(line) && (1...(lines[line - 1].count + 1)).contains(error.location.column)
                #expect(inside && error.description.hasPrefix("soup:"), "\(error) for \(text.debugDescription)")
            }
        }
        // The texts are fixed by the seed, so this is the parser's verdict on exactly these 2,000:
        // a change to what it accepts moves the number (look at the texts that changed side).
        #expect(accepted == 731)
        // Verdicts on the first texts, checked by hand against the subset the parser reads.
        let expected: [Result<JSONValue, YAMLError>] = [
            // `1\\:` is a key; its flow sequence value starts with `}`.
            .failure(.syntax(YAMLLocation(origin: "soup", line: 1, column: 10), "expected a value")),
            // `?{{` starts a plain scalar (no space after `?`); line 3's `:` ends a line, a key indicator.
            .failure(.syntax(YAMLLocation(origin: "soup", line: 3, column: 2),
                             "unexpected ': ' inside a plain scalar; quote the value or put a nested mapping on its own line")),
            // One plain scalar over three lines, folded with single spaces; the last `  #` starts a comment.
            .success(.string(#"\a {" }  '\  "  :""|#\?>1>||} '>|"}  --\\"#)),
            // A comment line ends the plain scalar; the next line at column 1 is a second top-level node.
            .failure(.syntax(YAMLLocation(origin: "soup", line: 3, column: 1),
                             "inconsistent indentation: this line does not line up with an enclosing block")),
            // The single-quoted scalar closes at column 26; `1` follows it.
            .failure(.syntax(YAMLLocation(origin: "soup", line: 1, column: 27), "unexpected text after a quoted scalar")),
            // No second `'` anywhere in the text.
            .failure(.syntax(YAMLLocation(origin: "soup", line: 1, column: 1), "unterminated single-quoted string")),
        ]
        for (text, verdict) in zip(soups, expected) {
            let actual = Result { () throws(YAMLError) in try YAML.parse(text, origin: "soup") }
            #expect(actual == verdict, "for \(text.debugDescription)")
        }
    }
}
