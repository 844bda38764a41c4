@testable import CupcakeEngine

/// A small hand-written module speaking the OPA WebAssembly ABI, for tests that must not depend on
/// `opa`. Values are headers {pointer, length} over raw JSON text; the entrypoints exercise the
/// host: echo the input, loop, exhaust memory, trap, abort, call builtin 0, and so on.
enum FakeOPA {
    /// Entrypoint names in id order.
    static let entrypoints = ["echo", "loop", "bomb", "oob", "abort", "builtin", "undefined", "data", "unreachable", "println"]

    /// The message `abort` passes to opa_abort.
    static let abortMessage = "boom: policy aborted"
    /// The line `println` prints.
    static let printedLine = "hello from println"

    /// The binary module.
    /// - Parameters:
    ///   - major, minor: the ABI version globals (nil major: no globals at all, as before OPA 0.27).
    ///   - builtins: the JSON object `builtins()` returns.
    ///   - extraImports: more import declarations (for missing-import tests).
    ///   - memoryMinimumPages: the minimum size `env.memory` declares.
    static func wasm(major: Int32? = 1, minor: Int32 = 3, builtins: String = "{}", extraImports: String = "",
                     memoryMinimumPages: Int = 2) throws -> [UInt8] {
        try wasmBinary(fromText: text(major: major, minor: minor, builtins: builtins, extraImports: extraImports,
                                      memoryMinimumPages: memoryMinimumPages))
    }

    static func text(major: Int32?, minor: Int32, builtins: String, extraImports: String, memoryMinimumPages: Int) -> String {
        let entrypointJSON = "{" + entrypoints.enumerated().map { "\"\($1)\":\($0)" }.joined(separator: ",") + "}"
        let versionGlobals = major.map { major in
            """
            (global (export "opa_wasm_abi_version") i32 (i32.const \(major)))
            (global (export "opa_wasm_abi_minor_version") i32 (i32.const \(minor)))
            """
        } ?? ""
        return """
        (module
          (import "env" "memory" (memory \(memoryMinimumPages)))
          (import "env" "opa_abort" (func $abort (param i32)))
          (import "env" "opa_println" (func $println (param i32)))
          (import "env" "opa_builtin1" (func $builtin1 (param i32 i32 i32) (result i32)))
          \(extraImports)
          (global $heap (mut i32) (i32.const 4096))
          \(versionGlobals)
          (data (i32.const 16) "[{\\"result\\":")
          (data (i32.const 32) "}]")
          (data (i32.const 40) "[]")
          (data (i32.const 48) "\(abortMessage)\\00")
          (data (i32.const 96) "\(printedLine)\\00")
          (data (i32.const 128) "\(escape(entrypointJSON))")
          (data (i32.const 1024) "\(escape(builtins))")

          (func $alloc (param $n i32) (result i32)
            (local $r i32) (local $end i32)
            (local.set $r (global.get $heap))
            (local.set $end (i32.and (i32.add (i32.add (local.get $r) (local.get $n)) (i32.const 7)) (i32.const -8)))
            (global.set $heap (local.get $end))
            ;; like OPA's allocator: grow when needed and ignore failure (a later store traps)
            (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
              (then (drop (memory.grow (i32.add (i32.shr_u (i32.sub (local.get $end) (i32.mul (memory.size) (i32.const 65536))) (i32.const 16)) (i32.const 1))))))
            (local.get $r))
          (func $value (param $p i32) (param $n i32) (result i32)
            (local $v i32)
            (local.set $v (call $alloc (i32.const 8)))
            (i32.store (local.get $v) (local.get $p))
            (i32.store offset=4 (local.get $v) (local.get $n))
            (local.get $v))
          (func $strlen (param $p i32) (result i32)
            (local $n i32)
            (block $end (loop $next
              (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br $next)))
            (local.get $n))
          (func (export "opa_malloc") (param $n i32) (result i32) (call $alloc (local.get $n)))
          (func (export "opa_heap_ptr_get") (result i32) (global.get $heap))
          (func (export "opa_heap_ptr_set") (param $p i32) (global.set $heap (local.get $p)))
          (func (export "opa_json_parse") (param $p i32) (param $n i32) (result i32)
            (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
            ;; '!' stands for text that is not JSON
            (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 33)) (then (return (i32.const 0))))
            (call $value (local.get $p) (local.get $n)))
          (func $dump (export "opa_json_dump") (param $v i32) (result i32)
            (local $n i32) (local $d i32)
            (local.set $n (i32.load offset=4 (local.get $v)))
            (local.set $d (call $alloc (i32.add (local.get $n) (i32.const 1))))
            (memory.copy (local.get $d) (i32.load (local.get $v)) (local.get $n))
            (i32.store8 (i32.add (local.get $d) (local.get $n)) (i32.const 0))
            (local.get $d))
          (func $wrap (param $v i32) (result i32)
            (local $p i32) (local $n i32) (local $d i32)
            (local.set $p (i32.load (local.get $v)))
            (local.set $n (i32.load offset=4 (local.get $v)))
            (local.set $d (call $alloc (i32.add (local.get $n) (i32.const 14))))
            (memory.copy (local.get $d) (i32.const 16) (i32.const 11))
            (memory.copy (i32.add (local.get $d) (i32.const 11)) (local.get $p) (local.get $n))
            (memory.copy (i32.add (i32.add (local.get $d) (i32.const 11)) (local.get $n)) (i32.const 32) (i32.const 2))
            (i32.store8 (i32.add (i32.add (local.get $d) (i32.const 13)) (local.get $n)) (i32.const 0))
            (local.get $d))
          (func $undefined (result i32)
            (local $d i32)
            (local.set $d (call $alloc (i32.const 3)))
            (memory.copy (local.get $d) (i32.const 40) (i32.const 2))
            (i32.store8 offset=2 (local.get $d) (i32.const 0))
            (local.get $d))
          (func $run (param $ep i32) (param $data i32) (param $input i32) (result i32)
            (local $r i32)
            (block $default
            (block $c9
            (block $c8
            (block $c7
            (block $c6
            (block $c5
            (block $c4
            (block $c3
            (block $c2
            (block $c1
            (block $c0
              (br_table $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 $c9 $default (local.get $ep)))
              (return (call $wrap (local.get $input))))
              (loop $forever (br $forever))
              (unreachable))
              (block $full (loop $grow
                (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
                (br $grow)))
              (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
              (unreachable))
              (drop (i32.load (i32.const -16)))
              (unreachable))
              (call $abort (i32.const 48))
              (unreachable))
              ;; a builtin answering 0 (NULL) is undefined, as in OPA-compiled code
              (local.set $r (call $builtin1 (i32.const 0) (i32.const 0) (local.get $input)))
              (if (i32.eqz (local.get $r)) (then (return (call $undefined))))
              (return (call $wrap (local.get $r))))
              (return (call $undefined)))
              (return (call $wrap (local.get $data))))
              (unreachable))
              (call $println (i32.const 96))
              (return (call $wrap (local.get $input))))
            (call $abort (i32.const 48))
            (unreachable))
          (func (export "opa_eval") (param $reserved i32) (param $ep i32) (param $data i32) (param $in i32)
                (param $len i32) (param $heap i32) (param $format i32) (result i32)
            (global.set $heap (local.get $heap))
            (call $run (local.get $ep) (local.get $data) (call $value (local.get $in) (local.get $len))))
          (func (export "opa_eval_ctx_new") (result i32) (call $alloc (i32.const 16)))
          (func (export "opa_eval_ctx_set_input") (param $c i32) (param $v i32) (i32.store (local.get $c) (local.get $v)))
          (func (export "opa_eval_ctx_set_data") (param $c i32) (param $v i32) (i32.store offset=4 (local.get $c) (local.get $v)))
          (func (export "opa_eval_ctx_set_entrypoint") (param $c i32) (param $e i32) (i32.store offset=8 (local.get $c) (local.get $e)))
          (func (export "eval") (param $c i32) (result i32)
            (local $s i32)
            (local.set $s (call $run (i32.load offset=8 (local.get $c)) (i32.load offset=4 (local.get $c)) (i32.load (local.get $c))))
            (i32.store offset=12 (local.get $c) (call $value (local.get $s) (call $strlen (local.get $s))))
            (i32.const 0))
          (func (export "opa_eval_ctx_get_result") (param $c i32) (result i32) (i32.load offset=12 (local.get $c)))
          (func (export "builtins") (result i32) (call $value (i32.const 1024) (i32.const \(builtins.utf8.count))))
          (func (export "entrypoints") (result i32) (call $value (i32.const 128) (i32.const \(entrypointJSON.utf8.count))))
        )
        """
    }

    /// WAT string-literal escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }
}
