import Foundation

/// Helpers for tests of archives and codecs: temporary directories, external tools (gzip, python3)
/// run through files, reproducible random input, a tar writer for hand-made (and hostile)
/// archives and a DEFLATE bit writer.
public enum ArchiveTestKit {
    // MARK: temporary files

    /// A fresh directory, removed when `body` returns.
    public static func withTempDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "cupcake-archive-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    public static func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    // MARK: external tools

    public struct ToolFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `/bin/sh -c script` in `directory` with `input` on stdin and this process's
    /// environment (python3 comes from PATH); returns stdout.
    @discardableResult
    public static func shell(_ script: String, input: [UInt8] = [], in directory: String? = nil) throws -> [UInt8] {
        let result = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: ProcessInfo.processInfo.environment,
            stdin: Data(input), currentDirectory: directory)
        guard result.status == 0 else {
            throw ToolFailure(description: "`\(script)` exited with \(result.status)")
        }
        return [UInt8](result.stdoutBytes)
    }

    /// gzip's output for `bytes` (`-n`: no name or time stored).
    public static func gzip(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        try shell("gzip -n -\(level) -c", input: bytes)
    }

    /// A python3 one-liner's stdout; `input` arrives on stdin as bytes.
    public static func python(_ code: String, input: [UInt8] = []) throws -> [UInt8] {
        try shell("python3 -c '\(code)'", input: input)
    }

    /// Text that compresses like source code: repeated words with varied spacing and numbers.
    public static func sampleText(bytes count: Int, seed: UInt64 = 7) -> [UInt8] {
        var random = FuzzRandom(seed: seed)
        let words = ["policy", "deny", "allow", "input", "tool_name", "Bash", "command", "reason", "{", "}",
                     "decision", ":=", "if", "contains", "package", "cupcake", "\n", "    ", "severity", "\"HIGH\""]
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            out += Array(words[random.below(words.count)].utf8)
            out.append(random.below(4) == 0 ? UInt8(ascii: "0") + UInt8(random.below(10)) : 0x20)
        }
        return Array(out.prefix(count))
    }
}


/// SplitMix64: a small deterministic generator so fuzz cases are reproducible.
public struct FuzzRandom {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    public mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }

    /// A copy of `input` with one to four random edits: byte overwrites, bit flips, truncation,
    /// insertion or deletion.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0...below(4) where !b.isEmpty {
            let at = below(b.count)
            switch below(6) {
            case 0: b[at] = UInt8(truncatingIfNeeded: next())
            case 1, 2: b[at] ^= 1 << UInt8(below(8))
            case 3: b.removeSubrange(at...)
            case 4: b.insert(UInt8(truncatingIfNeeded: next()), at: at)
            default: b.remove(at: at)
            }
        }
        return b
    }
}

/// Writes tar archives header by header, including the shapes real writers produce (ustar as Go
/// writes it, GNU long names, pax headers, base-256 sizes) and broken ones.
public struct TarWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public static let posixMagic: [UInt8] = Array("ustar\u{0}00".utf8)
    public static let gnuMagic: [UInt8] = Array("ustar  \u{0}".utf8)

    /// Header fields a test may set.
    public struct Header {
        public var name: String
        public var size: Int
        public var type: UInt8 = UInt8(ascii: "0")
        public var linkName = ""
        public var prefix = ""
        public var magic = TarWriter.posixMagic
        public var base256Size = false
        public var checksumDelta = 0

        public init(
            name: String, size: Int, type: UInt8 = UInt8(ascii: "0"), linkName: String = "", prefix: String = "",
            magic: [UInt8] = TarWriter.posixMagic, base256Size: Bool = false, checksumDelta: Int = 0
        ) {
            self.name = name
            self.size = size
            self.type = type
            self.linkName = linkName
            self.prefix = prefix
            self.magic = magic
            self.base256Size = base256Size
            self.checksumDelta = checksumDelta
        }
    }

    /// A regular file with a ustar header (mode 0600, as OPA writes).
    public mutating func addFile(_ name: String, _ data: [UInt8], type: UInt8 = UInt8(ascii: "0")) {
        add(Header(name: name, size: data.count, type: type), data: data)
    }

    /// A file whose name goes into a GNU 'L' long-name member first.
    public mutating func addGNULongName(_ name: String, _ data: [UInt8]) {
        let nameData = Array(name.utf8) + [0]
        add(Header(name: "././@LongLink", size: nameData.count, type: UInt8(ascii: "L"), magic: TarWriter.gnuMagic),
            data: nameData)
        add(Header(name: String(name.prefix(99)), size: data.count, magic: TarWriter.gnuMagic), data: data)
    }

    /// A file preceded by a pax 'x' header carrying `records` (e.g. ["path": longName]).
    public mutating func addPax(_ records: [(String, String)], name: String, _ data: [UInt8]) {
        var pax: [UInt8] = []
        for (key, value) in records {
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while String(length).count + body.utf8.count != length { length += 1 }
            pax += Array("\(length)\(body)".utf8)
        }
        add(Header(name: "PaxHeaders/x", size: pax.count, type: UInt8(ascii: "x")), data: pax)
        add(Header(name: name, size: data.count), data: data)
    }

    /// A header and its data, padded to whole blocks.
    public mutating func add(_ h: Header, data: [UInt8]) {
        bytes += TarWriter.header(h)
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// The archive with `zeroBlocks` end-of-archive blocks.
    public func finish(zeroBlocks: Int = 2) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: 512 * zeroBlocks)
    }

    public static func header(_ h: Header) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512)
        func put(_ s: [UInt8], _ at: Int, _ width: Int) {
            for (i, c) in s.prefix(width).enumerated() { b[at + i] = c }
        }
        func octal(_ v: Int, _ width: Int) -> [UInt8] {
            let digits = String(v, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(Array(h.name.utf8), 0, 100)
        put(octal(0o600, 8), 100, 8)
        put(octal(0, 8), 108, 8)
        put(octal(0, 8), 116, 8)
        if h.base256Size {
            b[124] = 0x80
            var v = h.size
            for i in stride(from: 135, to: 124, by: -1) {
                b[i] = UInt8(v & 0xFF)
                v >>= 8
            }
        } else {
            put(octal(h.size, 12), 124, 12)
        }
        put(octal(0, 12), 136, 12)
        b[156] = h.type
        put(Array(h.linkName.utf8), 157, 100)
        put(h.magic, 257, 8)
        put(Array(h.prefix.utf8), 345, 155)
        for i in 148..<156 { b[i] = 0x20 }
        let sum = b.reduce(0) { $0 + Int($1) } + h.checksumDelta
        put(octal(sum, 7), 148, 7)
        b[155] = 0x20
        return b
    }
}

/// Writes DEFLATE bit streams by hand (least significant bit first), for crafted corrupt streams.
public struct DeflateBitWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}
    private var bitCount = 0

    /// Appends the low `count` bits of `value`, least significant first (header fields, extra bits).
    public mutating func bits(_ value: Int, _ count: Int) {
        for i in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            if (value >> i) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
            bitCount += 1
        }
    }

    /// Appends a Huffman code, most significant bit first as RFC 1951 packs codes.
    public mutating func code(_ value: Int, _ length: Int) {
        for i in stride(from: length - 1, through: 0, by: -1) { bits((value >> i) & 1, 1) }
    }

    /// Fixed-code literal or length symbol (RFC 1951 §3.2.6).
    public mutating func fixedSymbol(_ s: Int) {
        switch s {
        case 0...143: code(0x30 + s, 8)
        case 144...255: code(0x190 + s - 144, 9)
        case 256...279: code(s - 256, 7)
        default: code(0xC0 + s - 280, 8)
        }
    }
}
