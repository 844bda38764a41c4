/// A failure of the low-level wasmtime wrapper, carrying the library's own explanation.
package enum WasmError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The engine could not be created.
    case engineUnavailable(String)
    /// The bytes are not a valid WebAssembly module.
    case invalidModule(String)
    /// A valid module failed to compile.
    case compilationFailed(String)
    /// A compiled module could not be serialized.
    case serializationFailed(String)
    /// A serialized module was rejected by the library.
    case deserializationFailed(String)
    /// WebAssembly text could not be translated to a binary.
    case invalidText(String)
    /// A host item could not be defined in a linker.
    case linkFailed(String)
    /// Instantiation failed (for example, an import is not defined).
    case instantiationFailed(String)
    /// The module has no export of that name and kind.
    case missingExport(name: String, kind: String)
    /// An exported function has another signature than the caller expects.
    case signatureMismatch(name: String, expected: String)
    /// A call was rejected before running (wrong arguments), with the library's message.
    case callFailed(String)
    /// WebAssembly code trapped.
    case trap(WasmTrap)
    /// A host access to linear memory fell outside the memory.
    case memoryOutOfBounds(offset: Int, length: Int, memorySize: Int)
    /// Linear memory could not grow.
    case memoryGrowFailed(String)

    package var description: String {
        switch self {
        case .engineUnavailable(let message): return "wasmtime engine unavailable: \(message)"
        case .invalidModule(let message): return "not a valid WebAssembly module: \(message)"
        case .compilationFailed(let message): return "WebAssembly compilation failed: \(message)"
        case .serializationFailed(let message): return "cannot serialize the compiled module: \(message)"
        case .deserializationFailed(let message): return "cannot load the compiled module: \(message)"
        case .invalidText(let message): return "invalid WebAssembly text: \(message)"
        case .linkFailed(let message): return "cannot define a host import: \(message)"
        case .instantiationFailed(let message): return "instantiation failed: \(message)"
        case .missingExport(let name, let kind): return "the module does not export the \(kind) \(name)"
        case .signatureMismatch(let name, let expected):
            return "the export \(name) does not have the expected signature \(expected)"
        case .callFailed(let message): return "call failed: \(message)"
        case .trap(let trap): return "trap: \(trap.summary)"
        case .memoryOutOfBounds(let offset, let length, let size):
            return "memory access of \(length) bytes at offset \(offset) is outside the \(size)-byte linear memory"
        case .memoryGrowFailed(let message): return "linear memory cannot grow: \(message)"
        }
    }
}

/// A WebAssembly trap: why the code stopped, and the library's message.
package struct WasmTrap: Sendable, Equatable, CustomStringConvertible {
    /// The causes Cupcake tells apart.
    package enum Cause: Sendable, Equatable {
        /// The epoch deadline passed (the code ran too long).
        case interrupt
        /// A load or store outside linear memory.
        case outOfBounds
        /// An `unreachable` instruction.
        case unreachable
        /// The wasm call stack was exhausted.
        case stackOverflow
        /// An integer division by zero or overflow, or a bad float-to-int conversion.
        case arithmetic
        /// A trap raised by a host function (no wasm trap code).
        case host
        /// Any other trap code.
        case other(Int32)
    }

    /// Why the code stopped.
    package var cause: Cause
    /// The library's text for the trap.
    package var message: String

    /// Classifies a raw wasmtime trap code (-1: no code, a host trap).
    package init(code: Int32, message: String) {
        switch code {
        case -1: cause = .host
        case 0: cause = .stackOverflow
        case 1: cause = .outOfBounds
        case 6, 7, 8: cause = .arithmetic
        case 9: cause = .unreachable
        case 10: cause = .interrupt
        default: cause = .other(code)
        }
        self.message = message
    }

    /// A short, stable phrase for the cause; the library's message for causes without one.
    package var summary: String {
        switch cause {
        case .interrupt: return "interrupted (epoch deadline reached)"
        case .outOfBounds: return "out of bounds memory access"
        case .unreachable: return "unreachable instruction executed"
        case .stackOverflow: return "call stack exhausted"
        case .arithmetic, .host, .other: return WasmTrap.causeLine(of: message)
        }
    }

    package var description: String { summary }

    /// The cause in a wasmtime trap message. Wasmtime writes "error while executing at wasm
    /// backtrace:", the frames, then "Caused by:" and numbered causes; the last cause is the
    /// trap itself ("wasm trap: integer divide by zero").
    static func causeLine(of message: String) -> String {
        let lines = message.split(separator: "\n").map { line in
            String(line.drop { $0 == " " || $0 == "\t" })
        }
        var candidates = lines.filter { !$0.isEmpty }
        if let causedBy = lines.lastIndex(of: "Caused by:") {
            let causes = lines[(causedBy + 1)...].filter { !$0.isEmpty }
            if !causes.isEmpty { candidates = Array(causes.suffix(1)) }
        }
        guard var line = candidates.first else { return message }
        // Drop a cause number such as "1: ".
        if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy(\.isNumber), colon != line.startIndex {
            line = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        if line.hasPrefix("wasm trap: ") { line.removeFirst("wasm trap: ".count) }
        return line
    }
}
