/*
 * with_data.c: a policy reading base data (with_data.json beside it), as
 * `opa build -t wasm -e data/check` makes of with_data.rego.
 *
 * Result of "data/check": {"denied": true, "matched": P} for the first P in
 * data.blocked_prefixes that input.path starts with, else {"denied": false,
 * "matched": null} (also when data or input.path is missing).
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {"data/check"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{0, 0}};
const uint32_t opa_policy_builtin_count = 0;

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    opa_value *path = opa_get(input, "path");
    opa_value *prefixes = opa_get(data, "blocked_prefixes");
    opa_value *matched = 0;
    if (prefixes != 0 && prefixes->type == OPA_ARRAY) {
        for (uint32_t i = 0; i < prefixes->len && matched == 0; i++)
            if (opa_str_has_prefix_value(path, prefixes->u.items[i]))
                matched = prefixes->u.items[i];
    }
    opa_value *result = opa_object();
    opa_object_set(result, "denied", opa_boolean(matched != 0));
    opa_object_set(result, "matched", matched != 0 ? matched : opa_null());
    return result;
}
