import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import CupcakeEngine

/// Hook event files under Fixtures/events/<harness>/, found from this file's path.
enum HarnessEventFixtures {
    static var directory: String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)  // Tests/CupcakeEngineTests/Harness/<file>
        return components.joined(separator: "/") + "/Fixtures/events"
    }

    static func bytes(_ harness: Harness, _ name: String) throws -> [UInt8] {
        let path = "\(directory)/\(harness.rawValue)/\(name).json"
        let bytes = try readFile(path)
        return bytes
    }

    static func event(_ harness: Harness, _ name: String) throws -> HookEvent {
        try HookEvent.decode(try bytes(harness, name), harness: harness)
    }

    /// The stems of every .json file of a harness, sorted.
    static func names(_ harness: Harness) -> [String] {
        guard let dir = opendir("\(directory)/\(harness.rawValue)") else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".json") { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }

    struct ReadError: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read fixture \(path)" }
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw ReadError(path: path) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }
}
