;; membomb.wat: an OPA-shaped policy that grows memory until the host refuses.
;;
;; A minimal module with the OPA WebAssembly ABI 1.2 surface (abi globals, env.memory
;; import and "memory" export, every env import, the eval-context and opa_eval exports)
;; so a host loads it like any OPA policy. Loading, builtins() and entrypoints() work;
;; evaluating entrypoint "membomb/main" (through opa_eval or eval) grows memory 16 pages at a time until memory.grow returns -1 (the host's cap), then calls opa_abort("membomb: memory exhausted").
;;
;; Values are addresses of NUL-terminated JSON text, so opa_json_dump returns its
;; argument, and every parsed document is the constant {}.
(module $membomb
  (import "env" "memory" (memory 2))
  (import "env" "opa_abort" (func $opa_abort (param i32)))
  (import "env" "opa_println" (func $opa_println (param i32)))
  (import "env" "opa_builtin0" (func $opa_builtin0 (param i32 i32) (result i32)))
  (import "env" "opa_builtin1" (func $opa_builtin1 (param i32 i32 i32) (result i32)))
  (import "env" "opa_builtin2" (func $opa_builtin2 (param i32 i32 i32 i32) (result i32)))
  (import "env" "opa_builtin3" (func $opa_builtin3 (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "opa_builtin4" (func $opa_builtin4 (param i32 i32 i32 i32 i32 i32) (result i32)))
  (export "memory" (memory 0))
  (global (export "opa_wasm_abi_version") i32 (i32.const 1))
  (global (export "opa_wasm_abi_minor_version") i32 (i32.const 2))
  (global $heap (mut i32) (i32.const 4096))

  (data (i32.const 1024) "{\"membomb/main\":0}\00")
  (data (i32.const 1088) "{}\00")
  (data (i32.const 1104) "[]\00")
  (data (i32.const 1120) "opa_malloc: out of memory\00")
  (data (i32.const 1152) "membomb: memory exhausted\00")

  (func $opa_malloc (export "opa_malloc") (param $size i32) (result i32)
    (local $start i32) (local $end i32) (local $have i32)
    (local.set $start (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $start))
      (then (call $opa_abort (i32.const 1120)) (unreachable)))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq
              (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535))
                                      (i32.const 16)))
              (i32.const -1))
          (then (call $opa_abort (i32.const 1120)) (unreachable)))))
    (global.set $heap (local.get $end))
    (local.get $start))
  (func (export "opa_free") (param i32))
  (func (export "opa_heap_ptr_get") (result i32) (global.get $heap))
  (func (export "opa_heap_ptr_set") (param i32) (global.set $heap (local.get 0)))
  (func (export "opa_json_parse") (param i32 i32) (result i32) (i32.const 1088))
  (func (export "opa_value_parse") (param i32 i32) (result i32) (i32.const 1088))
  (func (export "opa_json_dump") (param i32) (result i32) (local.get 0))
  (func (export "opa_value_dump") (param i32) (result i32) (local.get 0))
  (func (export "opa_value_add_path") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "opa_value_remove_path") (param i32 i32) (result i32) (i32.const 0))
  (func (export "builtins") (result i32) (i32.const 1088))
  (func (export "entrypoints") (result i32) (i32.const 1024))
  (func (export "opa_eval_ctx_new") (result i32) (call $opa_malloc (i32.const 16)))
  (func (export "opa_eval_ctx_set_input") (param i32 i32))
  (func (export "opa_eval_ctx_set_data") (param i32 i32))
  (func (export "opa_eval_ctx_set_entrypoint") (param i32 i32))
  (func (export "opa_eval_ctx_get_result") (param i32) (result i32) (i32.const 1104))

  ;; Grows until refused, then aborts: memory.grow must fail softly at the host's cap.
  (func $fault
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
    (call $opa_abort (i32.const 1152))
    (unreachable))

  (func (export "eval") (param i32) (result i32)
    (call $fault)
    (i32.const 0))
  (func (export "opa_eval") (param i32 i32 i32 i32 i32 i32 i32) (result i32)
    (global.set $heap (local.get 5))
    (call $fault)
    (i32.const 1104)))
