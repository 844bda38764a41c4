// Small helpers over the wasmtime C API where C is simpler than Swift: turning library-owned
// messages into plain strings, host-function trampolines and the unchecked i32 call path.

#include "cwasmtime.h"

#include <stdlib.h>
#include <string.h>

// Longest argument list the i32 helpers handle (OPA's opa_eval takes 7; opa_builtin4 takes 6).
#define CW_MAX_I32_SLOTS 8

// Copies `length` bytes into a fresh NUL-terminated string, dropping trailing NUL bytes that the
// library may count in the length.
static char *cw_copy_text(const uint8_t *bytes, size_t length) {
    while (length > 0 && bytes != NULL && bytes[length - 1] == 0) {
        length--;
    }
    char *text = malloc(length + 1);
    if (text == NULL) {
        return NULL;
    }
    if (length > 0) {
        memcpy(text, bytes, length);
    }
    text[length] = 0;
    return text;
}

// Copies a library-owned message into a fresh string and frees the message.
static char *cw_take_message_vec(wasm_byte_vec_t *message) {
    char *text = cw_copy_text(message->data, message->size);
    wasm_byte_vec_delete(message);
    return text;
}

char *cw_error_take_message(wasmtime_error_t *error) {
    if (error == NULL) {
        return cw_copy_text(NULL, 0);
    }
    wasm_byte_vec_t message = {0, NULL};
    wasmtime_error_message(error, &message);
    char *text = cw_take_message_vec(&message);
    wasmtime_error_delete(error);
    return text;
}

char *cw_trap_take_message(wasm_trap_t *trap, int32_t *code) {
    if (code != NULL) {
        *code = -1;
    }
    if (trap == NULL) {
        return cw_copy_text(NULL, 0);
    }
    wasmtime_trap_code_t raw_code = 0;
    if (code != NULL && wasmtime_trap_code(trap, &raw_code)) {
        *code = (int32_t)raw_code;
    }
    wasm_byte_vec_t message = {0, NULL};
    wasm_trap_message(trap, &message);
    char *text = cw_take_message_vec(&message);
    wasm_trap_delete(trap);
    return text;
}

wasm_trap_t *cw_trap_from_message(const char *message) {
    const char *text = message != NULL ? message : "";
    return wasmtime_trap_new(text, strlen(text));
}

// What a trampoline needs to reach the Swift implementation; freed when the definition is dropped.
typedef struct cw_i32_host_env {
    cw_i32_host_fn fn;
    void *user;
} cw_i32_host_env_t;

static wasm_trap_t *cw_i32_trampoline(void *env, wasmtime_caller_t *caller,
                                      const wasmtime_val_t *args, size_t arg_count,
                                      wasmtime_val_t *results, size_t result_count) {
    const cw_i32_host_env_t *host = env;
    if (arg_count > CW_MAX_I32_SLOTS) {
        return cw_trap_from_message("host function called with too many arguments");
    }
    int32_t values[CW_MAX_I32_SLOTS] = {0};
    for (size_t i = 0; i < arg_count; i++) {
        values[i] = args[i].of.i32;
    }
    int32_t result = 0;
    wasm_trap_t *trap = host->fn(host->user, wasmtime_caller_context(caller), values, arg_count, &result);
    if (trap != NULL) {
        return trap;
    }
    if (result_count > 0) {
        results[0].kind = WASMTIME_I32;
        results[0].of.i64 = 0;
        results[0].of.i32 = result;
    }
    return NULL;
}

wasmtime_error_t *cw_linker_define_i32_func(wasmtime_linker_t *linker, const char *module,
                                            const char *name, size_t param_count, bool has_result,
                                            cw_i32_host_fn fn, void *user) {
    cw_i32_host_env_t *env = malloc(sizeof(cw_i32_host_env_t));
    if (env == NULL) {
        return wasmtime_error_new("out of memory defining a host function");
    }
    env->fn = fn;
    env->user = user;

    wasm_valtype_t *param_types[CW_MAX_I32_SLOTS];
    if (param_count > CW_MAX_I32_SLOTS) {
        param_count = CW_MAX_I32_SLOTS;
    }
    for (size_t i = 0; i < param_count; i++) {
        param_types[i] = wasm_valtype_new(WASM_I32);
    }
    wasm_valtype_vec_t params;
    wasm_valtype_vec_new(&params, param_count, param_types);
    wasm_valtype_vec_t results;
    if (has_result) {
        wasm_valtype_t *result_type = wasm_valtype_new(WASM_I32);
        wasm_valtype_vec_new(&results, 1, &result_type);
    } else {
        wasm_valtype_vec_new_empty(&results);
    }
    wasm_functype_t *type = wasm_functype_new(&params, &results);

    wasmtime_error_t *error = wasmtime_linker_define_func(linker, module, strlen(module), name,
                                                          strlen(name), type, cw_i32_trampoline,
                                                          env, free);
    wasm_functype_delete(type);
    return error;
}

static bool cw_all_i32(const wasm_valtype_vec_t *types, size_t expected) {
    if (types == NULL || types->size != expected) {
        return false;
    }
    for (size_t i = 0; i < types->size; i++) {
        if (wasm_valtype_kind(types->data[i]) != WASM_I32) {
            return false;
        }
    }
    return true;
}

bool cw_func_has_i32_signature(wasmtime_context_t *context, const wasmtime_func_t *func,
                               size_t param_count, size_t result_count) {
    wasm_functype_t *type = wasmtime_func_type(context, func);
    if (type == NULL) {
        return false;
    }
    bool matches = cw_all_i32(wasm_functype_params(type), param_count) &&
                   cw_all_i32(wasm_functype_results(type), result_count);
    wasm_functype_delete(type);
    return matches;
}

wasmtime_error_t *cw_call_i32(wasmtime_context_t *context, const wasmtime_func_t *func,
                              const int32_t *args, size_t arg_count, int32_t *result,
                              wasm_trap_t **trap) {
    wasmtime_val_raw_t slots[CW_MAX_I32_SLOTS];
    memset(slots, 0, sizeof(slots));
    if (arg_count > CW_MAX_I32_SLOTS) {
        arg_count = CW_MAX_I32_SLOTS;
    }
    for (size_t i = 0; i < arg_count; i++) {
        slots[i].i32 = args[i];
    }
    size_t slot_count = arg_count;
    if (result != NULL && slot_count == 0) {
        slot_count = 1;
    }
    *trap = NULL;
    wasmtime_error_t *error = wasmtime_func_call_unchecked(context, func, slots, slot_count, trap);
    if (error == NULL && *trap == NULL && result != NULL) {
        *result = slots[0].i32;
    }
    return error;
}

bool cw_global_get_i32(wasmtime_context_t *context, const wasmtime_global_t *global, int32_t *out) {
    wasmtime_val_t value;
    memset(&value, 0, sizeof(value));
    wasmtime_global_get(context, global, &value);
    if (value.kind != WASMTIME_I32) {
        return false;
    }
    *out = value.of.i32;
    return true;
}

void cw_module_imports(const wasmtime_module_t *module, cw_imports_t *out) {
    memset(out, 0, sizeof(*out));
    wasmtime_module_imports(module, &out->owner);
    if (out->owner.size == 0) {
        return;
    }
    out->items = calloc(out->owner.size, sizeof(cw_import_t));
    if (out->items == NULL) {
        return;
    }
    out->count = out->owner.size;
    for (size_t i = 0; i < out->count; i++) {
        const wasm_importtype_t *import = out->owner.data[i];
        cw_import_t *item = &out->items[i];
        const wasm_byte_vec_t *module_name = wasm_importtype_module(import);
        const wasm_byte_vec_t *field_name = wasm_importtype_name(import);
        item->module = module_name->data;
        item->module_length = module_name->size;
        item->name = field_name->data;
        item->name_length = field_name->size;
        const wasm_externtype_t *type = wasm_importtype_type(import);
        item->kind = wasm_externtype_kind(type);
        if (item->kind == WASM_EXTERN_MEMORY) {
            const wasm_memorytype_t *memory = wasm_externtype_as_memorytype_const(type);
            if (memory != NULL) {
                item->memory_minimum = wasmtime_memorytype_minimum(memory);
                item->memory_has_maximum = wasmtime_memorytype_maximum(memory, &item->memory_maximum);
                item->memory_is_64 = wasmtime_memorytype_is64(memory);
            }
        }
    }
}

void cw_imports_free(cw_imports_t *imports) {
    free(imports->items);
    imports->items = NULL;
    imports->count = 0;
    if (imports->owner.data != NULL) {
        wasm_importtype_vec_delete(&imports->owner);
    }
    imports->owner.size = 0;
    imports->owner.data = NULL;
}
