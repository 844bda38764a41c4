import CupcakeTestSupport
import Foundation
import Testing

/// The tracing library's public surface stays small enough to hold in one's head (swift-log
/// exports about 11 types, swift-distributed-tracing about 15). The compiler's symbol graph of
/// the built module lists what a user of the library sees; a new public type must either replace
/// one or be argued for by raising the budget here and in the README.
@Suite("CupcakeTrace's public API")
struct PublicAPIBudgetTests {
    /// The documented budget of public types (nested types count too).
    static let publicTypeBudget = 16

    @Test("the public types stay within the budget")
    func publicTypesWithinBudget() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeTrace")
        // The user-facing core must be there: a budget met by exporting nothing proves nothing.
        for core in ["Tracer", "Span", "TraceValue", "TraceCategory", "TraceConfiguration", "Sink", "InMemorySink"] {
            #expect(types.contains(core), "\(core) is not public")
        }
        #expect(
            types.count <= Self.publicTypeBudget,
            "\(types.count) public types, budget \(Self.publicTypeBudget): \(types.sorted().joined(separator: ", "))")
    }

    @Test("internals stay out of the public surface")
    func internalsArePackageLevel() throws {
        let types = try PublicSymbols.types(ofModule: "CupcakeTrace")
        for name in ["Sampler", "FieldKeys", "WallClock", "ProcessEnvironment", "OTLPEncoder", "OTLPSpan", "TeeSink",
                     "DiagnosticLog", "BackgroundFileDescriptorSink"] {
            #expect(!types.contains(name), "\(name) is public")
        }
    }
}

/// The public types of a module of this package, read from the compiler's symbol graph of the
/// module the tests were built with.
enum PublicSymbols {
    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)

        var description: String {
            switch self {
            case .missing(let what): "cannot list public symbols: \(what)"
            case .failed(let why): "swift-symbolgraph-extract failed: \(why)"
            }
        }
    }

    static func types(ofModule module: String) throws -> Set<String> {
        let tools = try toolDirectory()
        let modules = try modulesDirectory(containing: module)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-symbols-\(module)-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }

        let info = try ChildProcess.run(tools.appendingPathComponent("swift"), ["-print-target-info"])
        guard info.status == 0, let target = try JSONSerialization.jsonObject(with: info.stdoutBytes) as? [String: Any],
              let triple = (target["target"] as? [String: Any])?["triple"] as? String else {
            throw Failure.failed("swift -print-target-info: \(info.stderr)")
        }
        var arguments = ["-module-name", module, "-I", modules.path, "-target", triple,
                         "-minimum-access-level", "public", "-output-dir", output.path]
        if let sdk = (target["paths"] as? [String: Any])?["sdkPath"] as? String { arguments += ["-sdk", sdk] }
        let run = try ChildProcess.run(tools.appendingPathComponent("swift-symbolgraph-extract"), arguments)
        guard run.status == 0 else { throw Failure.failed(run.stderr) }
        let graph = output.appendingPathComponent("\(module).symbols.json")
        guard let json = try JSONSerialization.jsonObject(with: Data(contentsOf: graph)) as? [String: Any],
              let symbols = json["symbols"] as? [[String: Any]] else {
            throw Failure.failed("\(graph.path) is not a symbol graph")
        }
        let typeKinds: Set<String> = ["swift.struct", "swift.class", "swift.enum", "swift.protocol", "swift.typealias", "swift.actor"]
        var types = Set<String>()
        for symbol in symbols {
            guard let kind = (symbol["kind"] as? [String: Any])?["identifier"] as? String, typeKinds.contains(kind),
                  let path = symbol["pathComponents"] as? [String] else { continue }
            types.insert(path.joined(separator: "."))
        }
        return types
    }

    /// The toolchain that runs the tests: `swift-symbolgraph-extract` beside `swift` on PATH.
    private static func toolDirectory() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory))
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("swift-symbolgraph-extract").path),
               FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("swift").path) {
                return candidate
            }
        }
        throw Failure.missing("no swift-symbolgraph-extract beside swift on PATH (\(path))")
    }

    /// The build directory's `Modules/`, found from the running test binary.
    private static func modulesDirectory(containing module: String) throws -> URL {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in [directory.appendingPathComponent("Modules"), directory] {
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("\(module).swiftmodule").path) {
                    return candidate
                }
            }
            directory = directory.deletingLastPathComponent()
        }
        throw Failure.missing("no \(module).swiftmodule near the test binary")
    }
}
