/*
 * unsupported_builtin.c: a policy needing `http.send`, which a Cupcake host does not
 * provide: the host must refuse the module when it reads builtins() at load time.
 * If a host evaluates it anyway, entrypoint "unsupported/main" calls builtin 0 with
 * {"method": "GET", "url": "https://example.com/"} and returns whatever comes back
 * (undefined when the host returns 0).
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {"unsupported/main"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{"http.send", 0}};
const uint32_t opa_policy_builtin_count = 1;

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)input;
    (void)data;
    opa_value *request = opa_object();
    opa_object_set(request, "method", opa_string_cstr("GET"));
    opa_object_set(request, "url", opa_string_cstr("https://example.com/"));
    return (opa_value *)(uintptr_t)opa_builtin1(0, 0, (int32_t)(uintptr_t)request);
}
