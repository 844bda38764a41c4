@testable import CupcakeEngine

/// The `WasmPolicyError` that `body` throws, or nil when it throws nothing or something else.
func wasmPolicyFailure(_ body: () async throws -> Void) async -> WasmPolicyError? {
    do {
        try await body()
    } catch let error as WasmPolicyError {
        return error
    } catch {}
    return nil
}
