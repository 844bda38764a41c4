import CWasmtime
import Glibc

/// Turns a malloc'd C string from the shim into a Swift string and frees it.
func takeCString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "unknown error (the message could not be allocated)" }
    defer { free(pointer) }
    return String(cString: pointer)
}

/// The text of a wasmtime error, which is deleted.
func takeErrorMessage(_ error: OpaquePointer) -> String {
    takeCString(cw_error_take_message(error))
}

/// The trap described by a wasm_trap_t, which is deleted.
func takeTrap(_ trap: OpaquePointer) -> WasmTrap {
    var code: Int32 = -1
    let message = takeCString(cw_trap_take_message(trap, &code))
    return WasmTrap(code: code, message: message)
}

/// A multi-line wasmtime error ("failed to parse...\n\nCaused by:\n    detail") as one line:
/// "failed to parse...: detail".
func flattenedMessage(_ message: String) -> String {
    message.split(separator: "\n")
        .map { $0.trimmingCharacters(in: " \t") }
        .filter { !$0.isEmpty && $0 != "Caused by:" }
        .joined(separator: ": ")
}

extension Substring {
    /// The substring without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = self[...]
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
