/*
 * abi11.c: a module from an older OPA (ABI 1.1): no opa_eval export, so the host
 * must use the eval-context path (opa_eval_ctx_new, set_input/data/entrypoint,
 * eval, get_result, opa_json_dump). Built with OPA_ABI_MINOR=1.
 *
 * Result of "legacy/allow": {"allow": input.user == "alice"}.
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {"legacy/allow"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{0, 0}};
const uint32_t opa_policy_builtin_count = 0;

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)data;
    opa_value *result = opa_object();
    opa_object_set(result, "allow", opa_boolean(opa_str_eq(opa_get(input, "user"), "alice")));
    return result;
}
