/// A host builtin that failed during an evaluation. As in OPA's own WebAssembly SDKs, the call
/// became undefined and the evaluation went on, so a bad argument chosen by the agent (such as
/// `hex.decode("zz")`) cannot throw away every other policy's decision.
package struct WasmBuiltinError: Sendable, Hashable, CustomStringConvertible {
    /// The Rego name of the builtin, such as "hex.decode".
    package var name: String
    /// Why it failed, such as "encoding/hex: invalid byte: U+007A 'z'".
    package var message: String

    /// Creates a record of one failed builtin call.
    package init(name: String, message: String) {
        self.name = name
        self.message = message
    }

    /// "name: message".
    package var description: String { "\(name): \(message)" }
}

/// The builtin errors of one evaluation: the first `limit` are kept, all are counted, so a policy
/// failing a builtin in a loop cannot grow memory.
struct BuiltinErrorLog {
    static let limit = 8

    private(set) var recorded: [WasmBuiltinError] = []
    private(set) var count = 0

    mutating func record(name: String, message: String) {
        count += 1
        if recorded.count < BuiltinErrorLog.limit {
            recorded.append(WasmBuiltinError(name: name, message: message))
        }
    }
}
