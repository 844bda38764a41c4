/*
 * builtins.c: a policy that needs host builtins, as `opa build -t wasm -e builtins/main`
 * makes of builtins.rego. OPA compiles sprintf, time.now_ns and crypto.sha256 into
 * calls to the imported opa_builtinN with the ids listed by builtins(); the host
 * dumps each argument, computes, and hands back a value parsed with opa_json_parse.
 *
 * Result: {"message": sprintf("%s ran %d commands", [input.user, input.count]),
 *          "hash": crypto.sha256(input.user), "now": time.now_ns()};
 * undefined ([]) when input.user or input.count is missing or a builtin returns 0.
 */
#include "opa_runtime.h"

enum { SPRINTF = 0, TIME_NOW_NS = 1, CRYPTO_SHA256 = 2 };

const char *const opa_policy_entrypoints[] = {"builtins/main"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {
    {"sprintf", SPRINTF},
    {"time.now_ns", TIME_NOW_NS},
    {"crypto.sha256", CRYPTO_SHA256},
};
const uint32_t opa_policy_builtin_count = 3;

static int32_t addr(opa_value *v)
{
    return (int32_t)(uintptr_t)v;
}

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)data;
    opa_value *user = opa_get(input, "user");
    opa_value *count = opa_get(input, "count");
    if (user == 0 || count == 0)
        return 0;
    opa_value *args = opa_array(2);
    opa_array_append(args, user);
    opa_array_append(args, count);
    opa_value *message = (opa_value *)(uintptr_t)opa_builtin2(SPRINTF, 0, addr(opa_string_cstr("%s ran %d commands")),
                                                             addr(args));
    if (message == 0)
        return 0;
    opa_value *hash = (opa_value *)(uintptr_t)opa_builtin1(CRYPTO_SHA256, 0, addr(user));
    if (hash == 0)
        return 0;
    opa_value *now = (opa_value *)(uintptr_t)opa_builtin0(TIME_NOW_NS, 0);
    if (now == 0)
        return 0;
    opa_value *result = opa_object();
    opa_object_set(result, "message", message);
    opa_object_set(result, "hash", hash);
    opa_object_set(result, "now", now);
    return result;
}
