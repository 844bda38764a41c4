import Foundation
import Testing

/// CupcakeTrace's folders are layers, each using only its own and lower ones: Core (ids, hex,
/// clocks, values, categories, trace context) → Encoding (the line encoder, the Sink protocol) →
/// Sinks (where lines go) → Spans (the tracer, spans, finished spans and exporters, its
/// configuration's values) → Export (OpenTelemetry) → Config (configuration from the environment).
/// A file that names a type declared in a higher folder fails this test.
@Suite("CupcakeTrace's layers")
struct LayeringTests {
    static let layers = ["Core", "Encoding", "Sinks", "Spans", "Export", "Config"]

    static var sourceRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CupcakeTrace")
    }

    /// Every Swift file of the library, by its path below the library's directory.
    static func sources() throws -> [String: String] {
        var found: [String: String] = [:]
        let root = sourceRoot
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        for case let path as String in walker where path.hasSuffix(".swift") {
            found[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return found
    }

    @Test("every file sits in a layer folder, and no file names a type of a higher layer")
    func noUpwardReferences() throws {
        let files = try Self.sources()
        #expect(files.count > 30, "found \(files.count) files under \(Self.sourceRoot.path)")
        let declaration = try NSRegularExpression(
            pattern: #"^\s*(?:@\w+\s+)*(?:(?:public|package|internal|private|fileprivate|final|indirect)\s+)*(?:struct|class|enum|protocol|typealias|actor)\s+([A-Za-z_]\w*)"#,
            options: [.anchorsMatchLines])
        var owner: [String: String] = [:]
        for (path, text) in files {
            let range = NSRange(text.startIndex..., in: text)
            for match in declaration.matches(in: text, range: range) {
                guard let name = Range(match.range(at: 1), in: text) else { continue }
                owner[String(text[name]), default: path] = owner[String(text[name])] ?? path
            }
        }
        #expect(owner["Tracer"] != nil && owner["JSONLineWriter"] != nil)  // the scan sees declarations
        func layer(_ path: String) -> Int? { Self.layers.firstIndex(of: String(path.split(separator: "/").first ?? "")) }
        var violations: [String] = []
        for (path, text) in files {
            guard let own = layer(path) else {
                violations.append("\(path) is in no layer folder (\(Self.layers.joined(separator: ", ")))")
                continue
            }
            let code = text.split(separator: "\n").map { line in line.components(separatedBy: "//").first ?? "" }.joined(separator: "\n")
            let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            for (name, declaredIn) in owner where declaredIn != path && words.contains(name) {
                if let other = layer(declaredIn), other > own {
                    violations.append("\(path) names \(name), declared in the higher layer \(declaredIn)")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }
}
