/*
 * faults.c: a well-formed ABI 1.3 module that misbehaves on request, so a test can
 * fault an instance and then evaluate successfully on the same instance.
 *
 * Entrypoint "faults/main", by input.mode:
 *   "loop"  spins forever (a volatile store each turn, so it cannot be optimized out)
 *   "bomb"  allocates 1 MiB blocks until memory growth fails, which ends in
 *           opa_abort("opa_malloc: out of memory") at the host's memory cap
 *   "oob"   reads 16 bytes below 4 GiB, far past any memory: a trap
 *   "abort" opa_abort("faults: deliberate abort")
 *   other   {"ok": true}
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {"faults/main"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{0, 0}};
const uint32_t opa_policy_builtin_count = 0;

static volatile uint32_t spins;

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)data;
    opa_value *mode = opa_get(input, "mode");
    if (opa_str_eq(mode, "loop")) {
        for (;;)
            spins = spins + 1;
    }
    if (opa_str_eq(mode, "bomb")) {
        for (;;) {
            volatile char *block = opa_malloc(1u << 20);
            block[0] = 1; /* touch it, so the allocation is real */
        }
    }
    if (opa_str_eq(mode, "oob")) {
        volatile uint32_t *far = (volatile uint32_t *)(uintptr_t)0xFFFFFFF0u;
        spins = *far;
    }
    if (opa_str_eq(mode, "abort"))
        opa_fail("faults: deliberate abort");
    opa_value *result = opa_object();
    opa_object_set(result, "ok", opa_boolean(1));
    return result;
}
