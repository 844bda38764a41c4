/*
 * builtin_error.c: a policy whose decision must survive a failing host builtin, as
 * `opa build -t wasm -e builtin_error/main` makes of builtin_error.rego. OPA compiles
 * hex.decode into a call of the imported opa_builtin1; when the host's builtin fails
 * (input.value is not hex), OPA's SDKs return 0 (NULL): the call is undefined, so only
 * the rule using it is, and evaluation goes on.
 *
 * Result: {"deny": {"rule_id": "HEX-001", "reason": "always denied", "severity": "HIGH"},
 *          "encoded": hex.decode(input.value)}, without "encoded" when it is undefined.
 */
#include "opa_runtime.h"

enum { HEX_DECODE = 0 };

const char *const opa_policy_entrypoints[] = {"builtin_error/main"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{"hex.decode", HEX_DECODE}};
const uint32_t opa_policy_builtin_count = 1;

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)data;
    opa_value *deny = opa_object();
    opa_object_set(deny, "rule_id", opa_string_cstr("HEX-001"));
    opa_object_set(deny, "reason", opa_string_cstr("always denied"));
    opa_object_set(deny, "severity", opa_string_cstr("HIGH"));
    opa_value *result = opa_object();
    opa_object_set(result, "deny", deny);
    opa_value *value = opa_get(input, "value");
    if (value != 0) {
        opa_value *encoded = (opa_value *)(uintptr_t)opa_builtin1(HEX_DECODE, 0, (int32_t)(uintptr_t)value);
        if (encoded != 0)
            opa_object_set(result, "encoded", encoded);
    }
    return result;
}
