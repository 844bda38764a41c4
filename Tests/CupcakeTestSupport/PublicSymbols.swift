import Foundation

/// The public types of a module of this package, read from the compiler's symbol graph of the
/// module the tests were built with.
public enum PublicSymbols {
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

    public static func types(ofModule module: String) throws -> Set<String> {
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
        arguments += cModuleArguments(modules: modules)
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

    /// The C modules a Swift module may import: the module maps the build generated for C targets
    /// (beside `Modules/`), and the package's own (system library targets under `Sources/`).
    private static func cModuleArguments(modules: URL) -> [String] {
        let files = FileManager.default
        var arguments: [String] = []
        let build = modules.deletingLastPathComponent()
        for entry in (try? files.contentsOfDirectory(atPath: build.path)) ?? [] where entry.hasSuffix(".build") {
            let map = build.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if files.fileExists(atPath: map.path) { arguments += ["-Xcc", "-fmodule-map-file=" + map.path] }
        }
        var root = build
        for _ in 0..<4 where !files.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        let sources = root.appendingPathComponent("Sources")
        for target in (try? files.contentsOfDirectory(atPath: sources.path)) ?? [] {
            let directory = sources.appendingPathComponent(target)
            if files.fileExists(atPath: directory.appendingPathComponent("module.modulemap").path) {
                arguments += ["-I", directory.path]
            }
        }
        return arguments
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

/// A module's documented public surface: how many public types it may have, the ones a user
/// needs (a budget met by exporting nothing proves nothing) and internals that must stay out.
public struct PublicAPIBudget: Sendable {
    /// The modules whose public types a user sees together (one module, or one with what it
    /// re-exports).
    public var modules: [String]
    public var budget: Int
    public var required: [String]
    public var internals: [String]

    public init(modules: [String], budget: Int, required: [String], internals: [String]) {
        self.modules = modules
        self.budget = budget
        self.required = required
        self.internals = internals
    }

    /// Every way the modules' public types break the budget, in words; empty when none does.
    public func violations() throws -> [String] {
        var types = Set<String>()
        for module in modules { types.formUnion(try PublicSymbols.types(ofModule: module)) }
        var found: [String] = []
        for name in required where !types.contains(name) { found.append("\(name) is not public") }
        for name in internals where types.contains(name) { found.append("\(name) is public") }
        if types.count > budget {
            found.append("\(types.count) public types, budget \(budget): \(types.sorted().joined(separator: ", "))")
        }
        return found
    }
}
