/*
 * sprintf_values.c: sprintf over Rego values that JSON cannot carry, as
 * `opa build -t wasm -e sprintf_values/main` makes of sprintf_values.rego. The host must
 * read the arguments with opa_value_dump (sets stay sets, numbers stay as written) and
 * print them as OPA's topdown sprintf does.
 *
 * Result: {"mixed": sprintf("%v %d %v", [{"b", "a"}, 12345678901234567890, 1e400]),
 *          "empty": sprintf("%v", [set()]),
 *          "ordered": sprintf("%v", [{10, 9, "x"}]),
 *          "input": sprintf("%v", [input.values])}, without "input" when input.values is
 *          undefined; undefined when a builtin returns 0. opa_eval reads the input with
 *          opa_value_parse, as OPA's does, so input.values may be Rego text with sets. This runtime dumps set elements by the bytes of
 * their text ("x" before 10 before 9), so "ordered" shows whether the host sorts them in
 * OPA's order (9, 10, "x").
 */
#include "opa_runtime.h"

enum { SPRINTF = 0 };

const char *const opa_policy_entrypoints[] = {"sprintf_values/main"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{"sprintf", SPRINTF}};
const uint32_t opa_policy_builtin_count = 1;

static opa_value *sprintf_call(const char *format, opa_value *args)
{
    int32_t result = opa_builtin2(SPRINTF, 0, (int32_t)(uintptr_t)opa_string_cstr(format), (int32_t)(uintptr_t)args);
    return (opa_value *)(uintptr_t)result;
}

static opa_value *one(opa_value *v)
{
    opa_value *args = opa_array(1);
    opa_array_append(args, v);
    return args;
}

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint;
    (void)data;
    opa_value *letters = opa_set();
    opa_set_add(letters, opa_string_cstr("b"));
    opa_set_add(letters, opa_string_cstr("a"));
    opa_value *args = opa_array(3);
    opa_array_append(args, letters);
    opa_array_append(args, opa_number_text("12345678901234567890"));
    opa_array_append(args, opa_number_text("1e400"));
    opa_value *mixed = sprintf_call("%v %d %v", args);

    opa_value *empty = sprintf_call("%v", one(opa_set()));

    opa_value *mixed_types = opa_set();
    opa_set_add(mixed_types, opa_number_text("10"));
    opa_set_add(mixed_types, opa_number_text("9"));
    opa_set_add(mixed_types, opa_string_cstr("x"));
    opa_value *ordered = sprintf_call("%v", one(mixed_types));

    if (mixed == 0 || empty == 0 || ordered == 0)
        return 0;
    opa_value *result = opa_object();
    opa_object_set(result, "mixed", mixed);
    opa_object_set(result, "empty", empty);
    opa_object_set(result, "ordered", ordered);
    opa_value *values = opa_get(input, "values");
    if (values != 0) {
        opa_value *printed = sprintf_call("%v", one(values));
        if (printed == 0)
            return 0;
        opa_object_set(result, "input", printed);
    }
    return result;
}
