import CWasmtime

/// What went wrong inside a host import during a call into the policy.
enum OPAHostFailure: Equatable {
    /// The policy called `opa_abort` with this message.
    case aborted(String)
    /// A builtin's arguments or result could not cross the boundary (a failure of the bridge,
    /// not of the builtin: those are undefined and logged in `builtinErrors`).
    case builtin(name: String, message: String)
    /// A call from a host import back into the policy trapped.
    case nestedTrap(WasmTrap)
}

/// The host side of the OPA imports of one instance: reached from the C trampolines through the
/// `user` pointer, and used by exactly one thread at a time (the one evaluating on the instance).
final class OPAHostBridge {
    /// The longest `opa_abort` / `opa_println` message taken from the guest.
    static let messageLimit = 4_096

    let printHandler: (@Sendable (String) -> Void)?
    /// Set once the memory exists (before instantiation).
    var memory: WasmMemory?
    /// Set once the instance exists.
    var exports: OPAExports?
    /// Builtin ids to names, from the module's `builtins()` export.
    var builtinNames: [Int32: String] = [:]
    /// The context handed to builtins during the current evaluation.
    var builtinContext = BuiltinContext(nowNanoseconds: 0)
    /// The first failure inside a host import during the current call sequence.
    var failure: OPAHostFailure?
    /// Builtins that failed during the current evaluation (each call became undefined).
    var builtinErrors = BuiltinErrorLog()

    init(printHandler: (@Sendable (String) -> Void)?) {
        self.printHandler = printHandler
    }

    /// Registers every OPA import on `linker`, pointing the trampolines at this bridge.
    func define(on linker: WasmLinker) throws(WasmError) {
        let user = Unmanaged.passUnretained(self).toOpaque()
        try linker.defineFunction(module: "env", name: "opa_abort", parameters: 1, returnsValue: false, user: user, opaAbortEntry)
        try linker.defineFunction(module: "env", name: "opa_println", parameters: 1, returnsValue: false, user: user, opaPrintlnEntry)
        for arity in 0...4 {
            try linker.defineFunction(module: "env", name: "opa_builtin\(arity)", parameters: arity + 2, returnsValue: true,
                                      user: user, opaBuiltinEntry)
        }
    }

    /// The function imports the bridge provides, by `module.name`.
    static let providedFunctions: Set<String> = [
        "env.opa_abort", "env.opa_println",
        "env.opa_builtin0", "env.opa_builtin1", "env.opa_builtin2", "env.opa_builtin3", "env.opa_builtin4",
    ]

    // MARK: - Imports

    func abort(_ context: OpaquePointer, address: Int32) -> OpaquePointer? {
        let message = readMessage(context, address: address)
        if failure == nil { failure = .aborted(message) }
        return cw_trap_from_message("opa_abort: \(message)")
    }

    func println(_ context: OpaquePointer, address: Int32) {
        guard let printHandler else { return }
        printHandler(readMessage(context, address: address))
    }

    /// Runs builtin `arguments[0]` on the values at `arguments[2...]`; returns the trap to raise,
    /// or nil with `result` set to the address of the parsed result value (0, undefined, when the
    /// builtin itself failed).
    func builtin(_ context: OpaquePointer, arguments: UnsafeBufferPointer<Int32>, result: inout Int32) -> OpaquePointer? {
        guard let identifier = arguments.first else {
            return fail(name: "(unknown)", message: "called without a builtin id")
        }
        guard let name = builtinNames[identifier] else {
            return fail(name: "#\(identifier)", message: "the module did not declare builtin id \(identifier)")
        }
        guard let exports, let memory else { return fail(name: name, message: "instance not ready") }
        let caller = WasmCallerContext(raw: context)
        let dump = exports.valueDump ?? exports.jsonDump
        var values: [RegoValue] = []
        values.reserveCapacity(max(0, arguments.count - 2))
        for (position, address) in arguments.dropFirst(2).enumerated() {
            let text: Int32
            do {
                text = try caller.call(dump, address)
            } catch {
                return nested(error, name: name)
            }
            let parsed = memory.withCString(context, at: OPAHostBridge.offset(text), limit: Int.max) { bytes in
                Result { () throws(RegoValueParseError) -> RegoValue in try RegoValueParser.parse(bytes) }
            }
            switch parsed {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: return fail(name: name, message: "argument \(position + 1) is not a Rego value: \(error)")
            case nil: return fail(name: name, message: "argument \(position + 1) at \(text) is not a NUL-terminated string")
            }
        }
        let output: JSONValue
        do {
            output = try HostBuiltins.call(name, values: values, context: builtinContext)
        } catch {
            // OPA's SDKs treat a builtin's (non-halting) error as undefined: NULL, and evaluation
            // goes on, so one bad argument cannot discard every other rule's decision.
            builtinErrors.record(name: name, message: error.reason)
            result = 0
            return nil
        }
        let bytes = output.serialized()
        guard let length = Int32(exactly: bytes.count) else {
            return fail(name: name, message: "result of \(bytes.count) bytes is too large")
        }
        do {
            let address = try caller.call(exports.malloc, length)
            try memory.write(context, bytes, at: OPAHostBridge.offset(address))
            let value = try caller.call(exports.jsonParse, address, length)
            guard value != 0 else { return fail(name: name, message: "the policy could not parse the result") }
            result = value
            return nil
        } catch {
            return nested(error, name: name)
        }
    }

    // MARK: - Helpers

    /// A guest address as a memory offset (addresses are unsigned 32-bit).
    static func offset(_ address: Int32) -> Int { Int(UInt32(bitPattern: address)) }

    /// The NUL-terminated message at `address`, cut at `messageLimit` bytes.
    private func readMessage(_ context: OpaquePointer, address: Int32) -> String {
        guard let memory else { return "(no memory)" }
        let offset = OPAHostBridge.offset(address)
        if let text = memory.withCString(context, at: offset, limit: OPAHostBridge.messageLimit, { String(decoding: $0, as: UTF8.self) }) {
            return text
        }
        let size = memory.byteCount(context)
        guard offset < size else { return "(message at invalid address \(offset))" }
        let bytes = (try? memory.read(context, at: offset, length: min(OPAHostBridge.messageLimit, size - offset))) ?? []
        return String(decoding: bytes, as: UTF8.self) + "…"
    }

    private func fail(name: String, message: String) -> OpaquePointer? {
        if failure == nil { failure = .builtin(name: name, message: message) }
        return cw_trap_from_message("builtin \(name) failed: \(message)")
    }

    private func nested(_ error: WasmError, name: String) -> OpaquePointer? {
        if case .trap(let trap) = error {
            if failure == nil { failure = .nestedTrap(trap) }
            return cw_trap_from_message(trap.message)
        }
        return fail(name: name, message: error.description)
    }
}

// The C entry points: no captures, the bridge comes through `user`.

private let opaAbortEntry: WasmI32HostFunction = { user, context, arguments, count, _ in
    guard let user, let context, let arguments, count >= 1 else { return cw_trap_from_message("opa_abort: bad call") }
    return Unmanaged<OPAHostBridge>.fromOpaque(user).takeUnretainedValue().abort(context, address: arguments[0])
}

private let opaPrintlnEntry: WasmI32HostFunction = { user, context, arguments, count, _ in
    guard let user, let context, let arguments, count >= 1 else { return nil }
    Unmanaged<OPAHostBridge>.fromOpaque(user).takeUnretainedValue().println(context, address: arguments[0])
    return nil
}

private let opaBuiltinEntry: WasmI32HostFunction = { user, context, arguments, count, result in
    guard let user, let context, let arguments, let result, count >= 2 else {
        return cw_trap_from_message("opa_builtin: bad call")
    }
    let bridge = Unmanaged<OPAHostBridge>.fromOpaque(user).takeUnretainedValue()
    return bridge.builtin(context, arguments: UnsafeBufferPointer(start: arguments, count: count), result: &result.pointee)
}
