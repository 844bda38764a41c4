import Testing
@testable import CupcakeEngine

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

    @Test("YAML-ish garbage made of indicator characters never crashes")
    func indicatorSoup() {
        let alphabet: [String] = ["-", " ", ":", "\n", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "#", "a", "1", "\\", "?", "  "]
        var state: UInt64 = 12345
        var outcomes = 0
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += (alphabet[Int(state >> 33) % alphabet.count])
            }
            do {
                _ = try YAML.parse(text, origin: "soup")
                outcomes += 1
            } catch {
                #expect(error.location.line >= 1 && error.location.column >= 1)
                outcomes += 1
            }
        }
        #expect(outcomes == 2_000)
    }
}
