/// The OPA ABI version a module declares through its `opa_wasm_abi_version` and
/// `opa_wasm_abi_minor_version` globals.
package struct OPAABIVersion: Sendable, Hashable, CustomStringConvertible {
    /// The major version; Cupcake supports 1.
    package var major: Int32
    /// The minor version.
    package var minor: Int32

    /// Whether the module offers the one-call `opa_eval` (ABI 1.2 and later).
    package var hasFastEval: Bool { major == 1 && minor >= 2 }

    package var description: String { "\(major).\(minor)" }
}

/// The exported functions of an OPA policy module, with their signatures verified.
struct OPAExports {
    let malloc: WasmFunction
    let jsonParse: WasmFunction
    let jsonDump: WasmFunction
    /// `opa_value_dump` (Rego text: sets stay sets), which OPA's modules export; builtin
    /// arguments are read with it when present, else with `jsonDump`.
    let valueDump: WasmFunction?
    let heapPointerGet: WasmFunction
    let heapPointerSet: WasmFunction
    let builtins: WasmFunction
    let entrypoints: WasmFunction
    /// The ABI 1.2 fast path, when present.
    let eval: WasmFunction?
    /// The evaluation-context path: the only one of ABI 1.0/1.1; with `eval`, the way several
    /// entrypoints share one parsed input.
    let context: ContextPath?

    struct ContextPath {
        let new: WasmFunction
        let setInput: WasmFunction
        let setData: WasmFunction
        let setEntrypoint: WasmFunction
        let evaluate: WasmFunction
        let getResult: WasmFunction
    }

    /// Resolves the exports; `missing` collects names absent or of the wrong signature.
    static func resolve(_ instance: WasmInstance, in store: WasmStore, abi: OPAABIVersion) -> Result<OPAExports, WasmPolicyFailure> {
        var missing: [String] = []
        func function(_ name: String, _ parameters: Int, _ returnsValue: Bool, required: Bool = true) -> WasmFunction? {
            do {
                if let found = try instance.function(name, parameters: parameters, returnsValue: returnsValue, in: store) {
                    return found
                }
                if required { missing.append(name) }
            } catch {
                missing.append("\(name) (\(error))")
            }
            return nil
        }
        let malloc = function("opa_malloc", 1, true)
        let jsonParse = function("opa_json_parse", 2, true)
        let jsonDump = function("opa_json_dump", 1, true)
        let valueDump = function("opa_value_dump", 1, true, required: false)
        let heapGet = function("opa_heap_ptr_get", 0, true)
        let heapSet = function("opa_heap_ptr_set", 1, false)
        let builtins = function("builtins", 0, true)
        let entrypoints = function("entrypoints", 0, true)
        let eval = abi.hasFastEval ? function("opa_eval", 7, true) : nil
        // Required without opa_eval; with it, still used when several entrypoints share one
        // parsed input (routed evaluation), so resolved whenever present.
        let needed = eval == nil
        let new = function("opa_eval_ctx_new", 0, true, required: needed)
        let setInput = function("opa_eval_ctx_set_input", 2, false, required: needed)
        let setData = function("opa_eval_ctx_set_data", 2, false, required: needed)
        let setEntrypoint = function("opa_eval_ctx_set_entrypoint", 2, false, required: needed)
        let evaluate = function("eval", 1, true, required: needed)
        let getResult = function("opa_eval_ctx_get_result", 1, true, required: needed)
        var context: ContextPath?
        if let new, let setInput, let setData, let setEntrypoint, let evaluate, let getResult {
            context = ContextPath(new: new, setInput: setInput, setData: setData, setEntrypoint: setEntrypoint,
                                  evaluate: evaluate, getResult: getResult)
        }
        guard missing.isEmpty, let malloc, let jsonParse, let jsonDump, let heapGet, let heapSet, let builtins,
              let entrypoints, eval != nil || context != nil else {
            return .failure(.missingExports(missing))
        }
        return .success(OPAExports(malloc: malloc, jsonParse: jsonParse, jsonDump: jsonDump, valueDump: valueDump,
                                   heapPointerGet: heapGet,
                                   heapPointerSet: heapSet, builtins: builtins, entrypoints: entrypoints,
                                   eval: eval, context: context))
    }
}
