/*
 * opa_runtime.h: a small freestanding runtime that gives every C test fixture the
 * WebAssembly ABI of an OPA-compiled policy (`opa build -t wasm`), so the Swift host
 * can be tested against modules that look exactly like OPA's without OPA installed.
 *
 * Written from OPA's published ABI description (docs "WebAssembly", ABI 1.x); it
 * shares no code with OPA's wasm library. The value layout is our own: hosts only
 * ever see values through the exported functions, as with real OPA modules.
 *
 * Build: clang --target=wasm32 -nostdlib -ffreestanding -fno-builtin -O2
 *        -DOPA_ABI_MINOR=<1|2|3>, link with wasm-ld --import-memory --export-memory,
 *        then Fixtures/tools/postlink.py adds the two ABI version globals.
 */
#ifndef OPA_RUNTIME_H
#define OPA_RUNTIME_H

#include <stdint.h>

#ifndef OPA_ABI_MINOR
#error "define OPA_ABI_MINOR (1, 2 or 3): it selects which ABI exports exist"
#endif

#define OPA_EXPORT(name) __attribute__((export_name(#name)))
#define OPA_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

/* Host functions every OPA module imports (module "env"). */
OPA_IMPORT(opa_abort) void opa_abort(const char *message);
OPA_IMPORT(opa_println) void opa_println(const char *message);
OPA_IMPORT(opa_builtin0) int32_t opa_builtin0(int32_t id, int32_t ctx);
OPA_IMPORT(opa_builtin1) int32_t opa_builtin1(int32_t id, int32_t ctx, int32_t a1);
OPA_IMPORT(opa_builtin2) int32_t opa_builtin2(int32_t id, int32_t ctx, int32_t a1, int32_t a2);
OPA_IMPORT(opa_builtin3) int32_t opa_builtin3(int32_t id, int32_t ctx, int32_t a1, int32_t a2, int32_t a3);
OPA_IMPORT(opa_builtin4) int32_t opa_builtin4(int32_t id, int32_t ctx, int32_t a1, int32_t a2, int32_t a3,
                                              int32_t a4);

/* Error codes returned by opa_value_add_path / opa_value_remove_path (OPA's numbering). */
#define OPA_ERR_OK 0
#define OPA_ERR_INTERNAL 1
#define OPA_ERR_INVALID_TYPE 2
#define OPA_ERR_INVALID_PATH 3

/* Deepest nesting opa_json_parse accepts; deeper documents are rejected (returns 0). */
#define OPA_MAX_DEPTH 10000

typedef enum {
    OPA_NULL = 1,
    OPA_BOOLEAN = 2,
    OPA_NUMBER = 3,
    OPA_STRING = 4,
    OPA_ARRAY = 5,
    OPA_OBJECT = 6,
    OPA_SET = 7,
} opa_type;

typedef struct opa_value opa_value;
typedef struct opa_kv {
    opa_value *key; /* objects: always an OPA_STRING; sets: the element */
    opa_value *value; /* objects: the member's value; sets: the element's opa_value_dump text */
} opa_kv;

/*
 * One Rego value: JSON plus sets. Objects keep their members sorted by key (bytewise)
 * with unique keys, so lookups are binary searches and dumps come out sorted, as OPA's
 * do. Sets keep their elements unique, ordered by the bytes of each element's
 * opa_value_dump text (cached beside it): deterministic, but not OPA's value order, so a
 * host that must print sets as OPA does has to sort them itself (as it must with OPA's
 * own hash-ordered sets). Numbers keep their text unchanged, and equal numbers written
 * differently (1, 1.0) are different set elements here.
 */
struct opa_value {
    uint32_t type;
    uint32_t len; /* bytes (number, string), elements (array, set), members (object) */
    uint32_t cap; /* allocated elements or members */
    union {
        int32_t boolean;
        const char *text;  /* number text or string bytes, not NUL-terminated */
        opa_value **items; /* array elements */
        opa_kv *members;   /* object members sorted by key; set elements with their text */
    } u;
};

/* ---- memory: a bump allocator over linear memory, starting at __heap_base ---- */
void *opa_malloc(uint32_t size);
void opa_free(void *ptr);
uint32_t opa_heap_ptr_get(void);
void opa_heap_ptr_set(uint32_t ptr);
void opa_mem_copy(void *dst, const void *src, uint32_t n);
uint32_t opa_cstr_len(const char *s);

/* ---- JSON and Rego text ---- */
/* JSON in, and out (sets as arrays). */
opa_value *opa_json_parse(const char *text, uint32_t len);
char *opa_json_dump(const opa_value *v);
/* Rego text as OPA's opa_value_dump writes it: JSON, plus sets as {a,b} and set(). */
opa_value *opa_value_parse(const char *text, uint32_t len);
char *opa_value_dump(const opa_value *v);

/* ---- constructors ---- */
opa_value *opa_null(void);
opa_value *opa_boolean(int b);
opa_value *opa_number_int(int64_t n);
/* A number kept exactly as written (12345678901234567890, 1e400); `text` must be a JSON number. */
opa_value *opa_number_text(const char *text);
opa_value *opa_string(const char *bytes, uint32_t len);
opa_value *opa_string_cstr(const char *s);
opa_value *opa_string_concat(const opa_value *a, const char *suffix);
opa_value *opa_string_concat_cstr(const char *prefix, const opa_value *b);
/* Rego's lower(v) in a newly allocated string, or NULL when v is not a string. ASCII letters,
 * and the only two non-ASCII characters whose lowercase is ASCII (U+0130 -> "i", U+212A
 * KELVIN SIGN -> "k"), are lowered as OPA does; other non-ASCII characters are copied
 * unchanged (OPA lowers them too), so only a search for a non-ASCII needle could tell. */
opa_value *opa_string_lower(const opa_value *v);
opa_value *opa_array(uint32_t cap);
void opa_array_append(opa_value *arr, opa_value *v);
opa_value *opa_object(void);
void opa_object_insert(opa_value *obj, opa_value *key, opa_value *value);
void opa_object_set(opa_value *obj, const char *key, opa_value *value);
opa_value *opa_object_copy(const opa_value *obj);
opa_value *opa_set(void);
/* Adds a complete element (do not change it afterwards: its text is cached); no-op if present. */
void opa_set_add(opa_value *set, opa_value *element);

/* ---- queries (all accept NULL and wrong types, and then answer "no"/NULL) ---- */
opa_value *opa_get(const opa_value *obj, const char *key);
opa_value *opa_object_get(const opa_value *obj, const opa_value *key);
int opa_is_string(const opa_value *v);
int opa_str_eq(const opa_value *v, const char *s);
int opa_str_contains(const opa_value *v, const char *needle);
int opa_str_has_prefix(const opa_value *v, const char *prefix);
int opa_str_has_prefix_value(const opa_value *v, const opa_value *prefix);
int opa_str_has_suffix(const opa_value *v, const char *suffix);
int opa_any_string_contains(const opa_value *root, const char *needle); /* also in set elements */
/* Rego's `some x in v`: how many values (array elements, object member values, set
 * elements; 0 for anything else, so a scalar or NULL gives no iteration) and the i-th. */
uint32_t opa_iter_len(const opa_value *v);
opa_value *opa_iter_value(const opa_value *v, uint32_t i);

/* Result set of an evaluation: [{"result": v}], or [] when v is NULL (undefined). */
opa_value *opa_result_set(opa_value *v);

/* Aborts through the host (never returns). */
__attribute__((noreturn)) void opa_fail(const char *message);

/* ---- what each policy fixture defines ---- */
typedef struct opa_builtin_decl {
    const char *name;
    int32_t id;
} opa_builtin_decl;

/* Entrypoint names; an entrypoint's id is its index. */
extern const char *const opa_policy_entrypoints[];
extern const uint32_t opa_policy_entrypoint_count;
/* Builtins the host must provide (name -> id passed to opa_builtinN). */
extern const opa_builtin_decl opa_policy_builtins[];
extern const uint32_t opa_policy_builtin_count;
/* Evaluates entrypoint `entrypoint`; returns the rule's value, or NULL when undefined. */
opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data);

#endif
