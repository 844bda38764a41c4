// Cupcake's view of the wasmtime C API (libwasmtime 50.x, x86_64 / aarch64 Linux).
//
// The installed library ships without headers, so this file declares, in our own terms, only the
// part of the API that Cupcake calls. Every layout below is checked with _Static_assert, and the
// tests exercise each one against the real library (a wrong layout shows up as a wrong value).
// A few small helpers, implemented in cwasmtime.c, follow at the end under the `cw_` prefix.

#ifndef CUPCAKE_CWASMTIME_H
#define CUPCAKE_CWASMTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Opaque handles owned by the library

typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;
typedef struct wasmtime_module wasmtime_module_t;
typedef struct wasmtime_store wasmtime_store_t;
typedef struct wasmtime_context wasmtime_context_t;
typedef struct wasmtime_linker wasmtime_linker_t;
typedef struct wasmtime_caller wasmtime_caller_t;
typedef struct wasmtime_error wasmtime_error_t;
typedef struct wasm_trap_t wasm_trap_t;
typedef struct wasm_valtype_t wasm_valtype_t;
typedef struct wasm_functype_t wasm_functype_t;
typedef struct wasm_memorytype_t wasm_memorytype_t;
typedef struct wasm_externtype_t wasm_externtype_t;
typedef struct wasm_importtype_t wasm_importtype_t;

// MARK: - Vectors (a length and a pointer; the owner frees them with the matching *_delete)

/// Bytes owned by the library: names, messages, binaries, serialized modules.
typedef struct wasm_byte_vec_t {
    size_t size;
    uint8_t *data;
} wasm_byte_vec_t;

/// A list of value types (the parameters or results of a function type).
typedef struct wasm_valtype_vec_t {
    size_t size;
    wasm_valtype_t **data;
} wasm_valtype_vec_t;

/// The imports a module declares.
typedef struct wasm_importtype_vec_t {
    size_t size;
    wasm_importtype_t **data;
} wasm_importtype_vec_t;

// MARK: - Store-relative references (plain values; valid only with the store that made them)

/// A function inside a store.
typedef struct wasmtime_func {
    uint64_t store_id;
    size_t private_index;
} wasmtime_func_t;

/// A linear memory inside a store.
typedef struct wasmtime_memory {
    struct {
        uint64_t store_id;
        uint32_t private_index;
    } head;
    uint32_t private_extra;
} wasmtime_memory_t;

/// A table inside a store (declared so that the extern union has its true size).
typedef struct wasmtime_table {
    struct {
        uint64_t store_id;
        uint32_t private_index;
    } head;
    uint32_t private_extra;
} wasmtime_table_t;

/// A global inside a store.
typedef struct wasmtime_global {
    uint64_t store_id;
    uint32_t private_a;
    uint32_t private_b;
    uint32_t private_c;
} wasmtime_global_t;

/// An instance inside a store.
typedef struct wasmtime_instance {
    uint64_t store_id;
    size_t private_index;
} wasmtime_instance_t;

/// Kind tags of wasmtime_extern_t (C numbering, from 0).
typedef uint8_t wasmtime_extern_kind_t;
enum {
    WASMTIME_EXTERN_FUNC = 0,
    WASMTIME_EXTERN_GLOBAL = 1,
    WASMTIME_EXTERN_TABLE = 2,
    WASMTIME_EXTERN_MEMORY = 3,
    WASMTIME_EXTERN_SHAREDMEMORY = 4,
};

/// An exported or imported item: a tag and the store-relative reference it names.
typedef struct wasmtime_extern {
    wasmtime_extern_kind_t kind;
    union {
        wasmtime_func_t func;
        wasmtime_global_t global;
        wasmtime_table_t table;
        wasmtime_memory_t memory;
        void *sharedmemory;
        // The library's union also holds a tag reference of 24 bytes; this keeps the same size.
        uint64_t private_reserve[3];
    } of;
} wasmtime_extern_t;

// MARK: - Values

/// Kind tags of wasmtime_val_t (C numbering, from 0).
typedef uint8_t wasmtime_valkind_t;
enum {
    WASMTIME_I32 = 0,
    WASMTIME_I64 = 1,
    WASMTIME_F32 = 2,
    WASMTIME_F64 = 3,
    WASMTIME_V128 = 4,
    WASMTIME_FUNCREF = 5,
    WASMTIME_EXTERNREF = 6,
    WASMTIME_ANYREF = 7,
    WASMTIME_EXNREF = 8,
};

/// A typed WebAssembly value. The payload union is 24 bytes because GC references (store id,
/// two private words and a pointer) are the largest members.
typedef struct wasmtime_val {
    wasmtime_valkind_t kind;
    union {
        int32_t i32;
        int64_t i64;
        float f32;
        double f64;
        uint8_t v128[16];
        wasmtime_func_t funcref;
        struct {
            uint64_t store_id;
            uint32_t private_a;
            uint32_t private_b;
            void *private_c;
        } gcref;
    } of;
} wasmtime_val_t;

/// An untyped value slot for the unchecked call path: the caller knows each slot's type.
typedef union wasmtime_val_raw {
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
    uint8_t v128[16];
    uint32_t gcref;
    void *funcref;
} wasmtime_val_raw_t;

/// Kind tags of the standard value types (wasm_valtype_kind / wasm_valtype_new).
typedef uint8_t wasm_valkind_t;
enum {
    WASM_I32 = 0,
    WASM_I64 = 1,
    WASM_F32 = 2,
    WASM_F64 = 3,
    WASM_V128 = 4,
    WASM_EXTERNREF = 128,
    WASM_FUNCREF = 129,
};

/// Kind tags of extern types (wasm_externtype_kind).
typedef uint8_t wasm_externkind_t;
enum {
    WASM_EXTERN_FUNC = 0,
    WASM_EXTERN_GLOBAL = 1,
    WASM_EXTERN_TABLE = 2,
    WASM_EXTERN_MEMORY = 3,
    WASM_EXTERN_TAG = 4,
};

/// Cranelift optimization levels (wasmtime_config_cranelift_opt_level_set).
typedef uint8_t wasmtime_opt_level_t;
enum {
    WASMTIME_OPT_LEVEL_NONE = 0,
    WASMTIME_OPT_LEVEL_SPEED = 1,
    WASMTIME_OPT_LEVEL_SPEED_AND_SIZE = 2,
};

/// Why wasm code trapped (wasmtime_trap_code); only the codes Cupcake distinguishes are named.
typedef uint8_t wasmtime_trap_code_t;
enum {
    WASMTIME_TRAP_CODE_STACK_OVERFLOW = 0,
    WASMTIME_TRAP_CODE_MEMORY_OUT_OF_BOUNDS = 1,
    WASMTIME_TRAP_CODE_HEAP_MISALIGNED = 2,
    WASMTIME_TRAP_CODE_TABLE_OUT_OF_BOUNDS = 3,
    WASMTIME_TRAP_CODE_INDIRECT_CALL_TO_NULL = 4,
    WASMTIME_TRAP_CODE_BAD_SIGNATURE = 5,
    WASMTIME_TRAP_CODE_INTEGER_OVERFLOW = 6,
    WASMTIME_TRAP_CODE_INTEGER_DIVISION_BY_ZERO = 7,
    WASMTIME_TRAP_CODE_BAD_CONVERSION_TO_INTEGER = 8,
    WASMTIME_TRAP_CODE_UNREACHABLE_CODE_REACHED = 9,
    WASMTIME_TRAP_CODE_INTERRUPT = 10,
    WASMTIME_TRAP_CODE_OUT_OF_FUEL = 11,
};

// Layouts as the library expects them on 64-bit targets.
_Static_assert(sizeof(void *) == 8, "Cupcake's wasmtime declarations assume a 64-bit target");
_Static_assert(sizeof(wasm_byte_vec_t) == 16, "wasm_byte_vec_t is a size and a pointer");
_Static_assert(sizeof(wasmtime_func_t) == 16, "wasmtime_func_t is 16 bytes");
_Static_assert(sizeof(wasmtime_memory_t) == 24, "wasmtime_memory_t is 24 bytes");
_Static_assert(sizeof(wasmtime_table_t) == 24, "wasmtime_table_t is 24 bytes");
_Static_assert(sizeof(wasmtime_global_t) == 24, "wasmtime_global_t is 24 bytes");
_Static_assert(sizeof(wasmtime_instance_t) == 16, "wasmtime_instance_t is 16 bytes");
_Static_assert(sizeof(wasmtime_extern_t) == 32, "wasmtime_extern_t is 32 bytes");
_Static_assert(offsetof(wasmtime_extern_t, of) == 8, "the extern payload starts at offset 8");
_Static_assert(sizeof(wasmtime_val_t) == 32, "wasmtime_val_t is 32 bytes");
_Static_assert(offsetof(wasmtime_val_t, of) == 8, "the value payload starts at offset 8");
_Static_assert(sizeof(wasmtime_val_raw_t) == 16, "wasmtime_val_raw_t is 16 bytes");
_Static_assert(_Alignof(wasmtime_val_raw_t) == 8, "wasmtime_val_raw_t is 8-byte aligned");

// MARK: - Configuration and engine

/// A fresh configuration; ownership passes to wasm_engine_new_with_config.
wasm_config_t *wasm_config_new(void);
/// Frees a configuration that was never given to an engine.
void wasm_config_delete(wasm_config_t *config);
/// Enables epoch-based interruption (stores then trap once their epoch deadline passes).
void wasmtime_config_epoch_interruption_set(wasm_config_t *config, bool enable);
/// Chooses how hard Cranelift optimizes generated code.
void wasmtime_config_cranelift_opt_level_set(wasm_config_t *config, wasmtime_opt_level_t level);
/// Limits the native stack wasm code may use, in bytes.
void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t bytes);
/// Lets compilation use several threads.
void wasmtime_config_parallel_compilation_set(wasm_config_t *config, bool enable);

/// Builds an engine, taking ownership of `config`.
wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *config);
/// Frees an engine once nothing made from it is alive any more.
void wasm_engine_delete(wasm_engine_t *engine);
/// Advances the engine-wide epoch by one tick. Safe from any thread.
void wasmtime_engine_increment_epoch(wasm_engine_t *engine);

/// A thread-free epoch ticker for one-shot processes (signal_ticker.c): a POSIX timer aimed at
/// the calling thread whose real-time signal advances `engine`'s epoch once per period while
/// armed. One engine per process: 0, or an errno value (EBUSY when already created).
int cw_signal_ticker_create(wasm_engine_t *engine, uint64_t period_nanoseconds);
/// Starts ticking from now, aimed at the calling thread (the timer follows the thread that arms
/// it, and the signal is unblocked there); 0 or an errno value.
int cw_signal_ticker_arm(void);
/// Stops ticking.
void cw_signal_ticker_disarm(void);
/// Stops ticking for good (the engine may then be deleted).
void cw_signal_ticker_destroy(void);

// MARK: - Errors and traps

/// Makes an error carrying the NUL-terminated `message`.
wasmtime_error_t *wasmtime_error_new(const char *message);
/// Frees an error.
void wasmtime_error_delete(wasmtime_error_t *error);
/// Copies an error's text into `message` (to be freed with wasm_byte_vec_delete).
void wasmtime_error_message(const wasmtime_error_t *error, wasm_byte_vec_t *message);
/// Frees a trap.
void wasm_trap_delete(wasm_trap_t *trap);
/// Copies a trap's text into `message`; the text ends with a NUL byte that `size` counts.
void wasm_trap_message(const wasm_trap_t *trap, wasm_byte_vec_t *message);
/// Makes a trap carrying `message` (the bytes are copied).
wasm_trap_t *wasmtime_trap_new(const char *message, size_t length);
/// Reports the trap code of a trap raised by wasm itself; false for host-made traps.
bool wasmtime_trap_code(const wasm_trap_t *trap, wasmtime_trap_code_t *code);

/// Frees a byte vector filled in by the library.
void wasm_byte_vec_delete(wasm_byte_vec_t *bytes);

// MARK: - Types

/// Makes a value type of the given kind (owned by the caller).
wasm_valtype_t *wasm_valtype_new(wasm_valkind_t kind);
/// The kind of a value type.
wasm_valkind_t wasm_valtype_kind(const wasm_valtype_t *type);
/// Makes a vector taking ownership of `count` value types.
void wasm_valtype_vec_new(wasm_valtype_vec_t *out, size_t count, wasm_valtype_t *const types[]);
/// Makes an empty vector.
void wasm_valtype_vec_new_empty(wasm_valtype_vec_t *out);
/// Makes a function type, taking ownership of both vectors.
wasm_functype_t *wasm_functype_new(wasm_valtype_vec_t *params, wasm_valtype_vec_t *results);
/// The parameter types of a function type (borrowed).
const wasm_valtype_vec_t *wasm_functype_params(const wasm_functype_t *type);
/// The result types of a function type (borrowed).
const wasm_valtype_vec_t *wasm_functype_results(const wasm_functype_t *type);
/// Frees a function type.
void wasm_functype_delete(wasm_functype_t *type);

/// Makes a memory type: limits in pages, optional maximum, 32- or 64-bit, shared, page size.
wasmtime_error_t *wasmtime_memorytype_new(uint64_t minimum, bool has_maximum, uint64_t maximum,
                                          bool is_64, bool shared, uint8_t page_size_log2,
                                          wasm_memorytype_t **out);
/// The minimum size of a memory type, in pages.
uint64_t wasmtime_memorytype_minimum(const wasm_memorytype_t *type);
/// The maximum size of a memory type, in pages; false if it has none.
bool wasmtime_memorytype_maximum(const wasm_memorytype_t *type, uint64_t *maximum);
/// Whether a memory type uses 64-bit addresses.
bool wasmtime_memorytype_is64(const wasm_memorytype_t *type);
/// Frees a memory type.
void wasm_memorytype_delete(wasm_memorytype_t *type);

/// The kind of an extern type.
wasm_externkind_t wasm_externtype_kind(const wasm_externtype_t *type);
/// Views an extern type as a memory type, or NULL if it is not one (borrowed).
const wasm_memorytype_t *wasm_externtype_as_memorytype_const(const wasm_externtype_t *type);

/// The module name of an import (borrowed).
const wasm_byte_vec_t *wasm_importtype_module(const wasm_importtype_t *import);
/// The field name of an import (borrowed).
const wasm_byte_vec_t *wasm_importtype_name(const wasm_importtype_t *import);
/// The type of an import (borrowed).
const wasm_externtype_t *wasm_importtype_type(const wasm_importtype_t *import);
/// Frees a vector of imports and its elements.
void wasm_importtype_vec_delete(wasm_importtype_vec_t *imports);

// MARK: - Modules

/// Checks that bytes are a valid module for this engine without compiling them.
wasmtime_error_t *wasmtime_module_validate(wasm_engine_t *engine, const uint8_t *wasm, size_t length);
/// Compiles a module.
wasmtime_error_t *wasmtime_module_new(wasm_engine_t *engine, const uint8_t *wasm, size_t length,
                                      wasmtime_module_t **out);
/// Frees a module.
void wasmtime_module_delete(wasmtime_module_t *module);
/// Another handle to the same compiled module (cheap; the code is shared).
wasmtime_module_t *wasmtime_module_clone(wasmtime_module_t *module);
/// The imports the module declares (the vector is the caller's to free).
void wasmtime_module_imports(const wasmtime_module_t *module, wasm_importtype_vec_t *out);
/// Writes the compiled artifact of a module into `out`.
wasmtime_error_t *wasmtime_module_serialize(wasmtime_module_t *module, wasm_byte_vec_t *out);
/// Rebuilds a module from a compiled artifact. The bytes must come from wasmtime_module_serialize
/// of a compatible engine: the library trusts them, so callers must verify them first.
wasmtime_error_t *wasmtime_module_deserialize(wasm_engine_t *engine, const uint8_t *bytes,
                                              size_t length, wasmtime_module_t **out);
/// Rebuilds a module from a file holding exactly a compiled artifact, mapping it into memory
/// instead of reading it (code pages load as they run). Trusted as completely as
/// wasmtime_module_deserialize's bytes; the file must not change while the module lives.
wasmtime_error_t *wasmtime_module_deserialize_file(wasm_engine_t *engine, const char *path,
                                                   wasmtime_module_t **out);

/// Translates WebAssembly text into a binary module.
wasmtime_error_t *wasmtime_wat2wasm(const char *wat, size_t length, wasm_byte_vec_t *out);

// MARK: - Stores

/// Makes a store; `data` is returned by wasmtime_context_get_data, `finalizer` may be NULL.
wasmtime_store_t *wasmtime_store_new(wasm_engine_t *engine, void *data, void (*finalizer)(void *));
/// The store's context, valid for the store's whole life.
wasmtime_context_t *wasmtime_store_context(wasmtime_store_t *store);
/// Caps resources of a store; a negative value keeps a limit's default.
void wasmtime_store_limiter(wasmtime_store_t *store, int64_t memory_bytes, int64_t table_elements,
                            int64_t instances, int64_t tables, int64_t memories);
/// Frees a store and everything inside it.
void wasmtime_store_delete(wasmtime_store_t *store);
/// The data pointer given to wasmtime_store_new.
void *wasmtime_context_get_data(const wasmtime_context_t *context);
/// Lets wasm run until the engine epoch is `ticks` beyond its current value, then trap.
void wasmtime_context_set_epoch_deadline(wasmtime_context_t *context, uint64_t ticks);

// MARK: - Functions

/// The signature of host functions: fill `results` and return NULL, or return a trap.
typedef wasm_trap_t *(*wasmtime_func_callback_t)(void *env, wasmtime_caller_t *caller,
                                                 const wasmtime_val_t *args, size_t arg_count,
                                                 wasmtime_val_t *results, size_t result_count);

/// The context of the store a host function was called in (valid during the call).
wasmtime_context_t *wasmtime_caller_context(wasmtime_caller_t *caller);

/// The type of a function (owned by the caller).
wasm_functype_t *wasmtime_func_type(const wasmtime_context_t *context, const wasmtime_func_t *func);

/// Calls a function with typed values. Returns an error for misuse; a trap goes to `*trap`.
wasmtime_error_t *wasmtime_func_call(wasmtime_context_t *context, const wasmtime_func_t *func,
                                     const wasmtime_val_t *args, size_t arg_count,
                                     wasmtime_val_t *results, size_t result_count,
                                     wasm_trap_t **trap);

/// Calls a function with untyped slots: the parameters in, the results out, in the same slots.
/// Only safe when the function's type is known to match the slots.
wasmtime_error_t *wasmtime_func_call_unchecked(wasmtime_context_t *context,
                                               const wasmtime_func_t *func,
                                               wasmtime_val_raw_t *args_and_results,
                                               size_t slot_count, wasm_trap_t **trap);

// MARK: - Globals and memories

/// Reads a global's value.
void wasmtime_global_get(wasmtime_context_t *context, const wasmtime_global_t *global,
                         wasmtime_val_t *out);

/// Makes a linear memory in a store.
wasmtime_error_t *wasmtime_memory_new(wasmtime_context_t *context, const wasm_memorytype_t *type,
                                      wasmtime_memory_t *out);
/// The base address of a memory; it may change whenever the memory grows.
uint8_t *wasmtime_memory_data(const wasmtime_context_t *context, const wasmtime_memory_t *memory);
/// The size of a memory in bytes.
size_t wasmtime_memory_data_size(const wasmtime_context_t *context, const wasmtime_memory_t *memory);
/// The size of a memory in pages.
uint64_t wasmtime_memory_size(const wasmtime_context_t *context, const wasmtime_memory_t *memory);
/// Grows a memory by `delta` pages, reporting the previous size in pages.
wasmtime_error_t *wasmtime_memory_grow(wasmtime_context_t *context, const wasmtime_memory_t *memory,
                                       uint64_t delta, uint64_t *previous_pages);

// MARK: - Linkers and instances

/// Makes a linker (it resolves imports by module and field name).
wasmtime_linker_t *wasmtime_linker_new(wasm_engine_t *engine);
/// Frees a linker; instances made with it stay valid.
void wasmtime_linker_delete(wasmtime_linker_t *linker);
/// Defines an item of a store under a module and field name.
wasmtime_error_t *wasmtime_linker_define(wasmtime_linker_t *linker, wasmtime_context_t *context,
                                         const char *module, size_t module_length,
                                         const char *name, size_t name_length,
                                         const wasmtime_extern_t *item);
/// Defines a host function usable from any store; `env` is handed to each call and given to
/// `finalizer` (may be NULL) when the definition is dropped.
wasmtime_error_t *wasmtime_linker_define_func(wasmtime_linker_t *linker,
                                              const char *module, size_t module_length,
                                              const char *name, size_t name_length,
                                              const wasm_functype_t *type,
                                              wasmtime_func_callback_t callback, void *env,
                                              void (*finalizer)(void *));
/// Instantiates a module, resolving its imports through the linker. A start-function trap goes to
/// `*trap`; other failures (such as a missing import) come back as the error.
wasmtime_error_t *wasmtime_linker_instantiate(const wasmtime_linker_t *linker,
                                              wasmtime_context_t *context,
                                              const wasmtime_module_t *module,
                                              wasmtime_instance_t *out, wasm_trap_t **trap);
/// Looks up an export by name.
bool wasmtime_instance_export_get(wasmtime_context_t *context, const wasmtime_instance_t *instance,
                                  const char *name, size_t name_length, wasmtime_extern_t *out);

// MARK: - Cupcake helpers (cwasmtime.c)

/// Takes the text of an error as a malloc'd NUL-terminated string (free with free()) and deletes
/// the error. Never returns NULL unless allocation fails.
char *cw_error_take_message(wasmtime_error_t *error);

/// Takes the text of a trap as a malloc'd NUL-terminated string and deletes the trap. `code` gets
/// the trap code, or -1 when the trap did not come from wasm itself (for example a host trap).
char *cw_trap_take_message(wasm_trap_t *trap, int32_t *code);

/// Makes a trap whose message is the NUL-terminated `message`.
wasm_trap_t *cw_trap_from_message(const char *message);

/// A host function over i32 values as Swift implements it. `args` holds `arg_count` values; when
/// the function has a result it writes it to `*result`. Returning non-NULL raises that trap.
typedef wasm_trap_t *(*cw_i32_host_fn)(void *user, wasmtime_context_t *context,
                                       const int32_t *args, size_t arg_count, int32_t *result);

/// Defines `module.name` in `linker` as a host function taking `param_count` i32 values and
/// returning one i32 when `has_result`. Calls go to `fn` with `user`; `user` is not retained.
wasmtime_error_t *cw_linker_define_i32_func(wasmtime_linker_t *linker, const char *module,
                                            const char *name, size_t param_count, bool has_result,
                                            cw_i32_host_fn fn, void *user);

/// Whether `func` takes exactly `param_count` i32 values and returns `result_count` (0 or 1) i32.
bool cw_func_has_i32_signature(wasmtime_context_t *context, const wasmtime_func_t *func,
                               size_t param_count, size_t result_count);

/// Calls a function already known (cw_func_has_i32_signature) to take i32 values and return at
/// most one i32, through the unchecked path. At most 8 arguments.
wasmtime_error_t *cw_call_i32(wasmtime_context_t *context, const wasmtime_func_t *func,
                              const int32_t *args, size_t arg_count, int32_t *result,
                              wasm_trap_t **trap);

/// Reads an i32 global; false if the global holds another type.
bool cw_global_get_i32(wasmtime_context_t *context, const wasmtime_global_t *global, int32_t *out);

/// One import of a module, flattened for Swift. Names point into `cw_imports_t` storage.
typedef struct cw_import {
    const uint8_t *module;
    size_t module_length;
    const uint8_t *name;
    size_t name_length;
    wasm_externkind_t kind;
    /// For memories: limits in pages and address width.
    uint64_t memory_minimum;
    bool memory_has_maximum;
    uint64_t memory_maximum;
    bool memory_is_64;
} cw_import_t;

/// The imports of a module; free with cw_imports_free.
typedef struct cw_imports {
    size_t count;
    cw_import_t *items;
    wasm_importtype_vec_t owner;
} cw_imports_t;

/// Lists the imports of a module.
void cw_module_imports(const wasmtime_module_t *module, cw_imports_t *out);
/// Frees what cw_module_imports made.
void cw_imports_free(cw_imports_t *imports);

#ifdef __cplusplus
}
#endif

#endif
