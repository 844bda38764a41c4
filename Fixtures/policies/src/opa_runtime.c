/*
 * opa_runtime.c: the OPA WebAssembly ABI for the C test fixtures (see opa_runtime.h).
 *
 * Hostile inputs are expected (1 MB strings, deep nesting, invalid UTF-8), so:
 * no C recursion anywhere (parser, dumper and walkers keep explicit stacks on the
 * heap), every read is bounded by the given length, and allocation failure ends in
 * opa_abort("opa_malloc: out of memory") rather than a wild write.
 */
#include "opa_runtime.h"

/* ------------------------------------------------------------------ memory */

extern unsigned char __heap_base;
static uint32_t heap_ptr = (uint32_t)(uintptr_t)&__heap_base;

__attribute__((noreturn)) void opa_fail(const char *message)
{
    opa_abort(message);
    __builtin_trap(); /* the host must not return from opa_abort; trap if it does */
}

OPA_EXPORT(opa_malloc)
void *opa_malloc(uint32_t size)
{
    uint32_t start = (heap_ptr + 7u) & ~7u;
    if (start < heap_ptr)
        opa_fail("opa_malloc: out of memory");
    uint32_t end = start + size;
    if (end < start)
        opa_fail("opa_malloc: out of memory");
    uint64_t have = (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
    if ((uint64_t)end > have) {
        uint64_t pages = ((uint64_t)end - have + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, (uint32_t)pages) == (__SIZE_TYPE__)-1)
            opa_fail("opa_malloc: out of memory");
    }
    heap_ptr = end;
    return (void *)(uintptr_t)start;
}

/* A bump allocator frees nothing; the host reclaims by resetting the heap pointer. */
OPA_EXPORT(opa_free)
void opa_free(void *ptr)
{
    (void)ptr;
}

OPA_EXPORT(opa_heap_ptr_get)
uint32_t opa_heap_ptr_get(void)
{
    return heap_ptr;
}

OPA_EXPORT(opa_heap_ptr_set)
void opa_heap_ptr_set(uint32_t ptr)
{
    heap_ptr = ptr;
}

#if OPA_ABI_MINOR >= 3
/* ABI 1.3 free-list management: a bump allocator has no free blocks to stash. */
OPA_EXPORT(opa_heap_blocks_stash)
void opa_heap_blocks_stash(void) {}

OPA_EXPORT(opa_heap_blocks_restore)
void opa_heap_blocks_restore(void) {}

OPA_EXPORT(opa_heap_stash_clear)
void opa_heap_stash_clear(void) {}

OPA_EXPORT(opa_value_free)
void opa_value_free(opa_value *v)
{
    (void)v;
}
#endif

void opa_mem_copy(void *dst, const void *src, uint32_t n)
{
    __builtin_memmove(dst, src, n); /* lowers to memory.copy (bulk memory) */
}

uint32_t opa_cstr_len(const char *s)
{
    uint32_t n = 0;
    while (s[n] != 0)
        n++;
    return n;
}

/* Grows an array of `elem`-byte slots to at least `need` (copying; the old block is abandoned). */
static void *grow(void *old, uint32_t used, uint32_t *cap, uint32_t need, uint32_t elem)
{
    if (need <= *cap)
        return old;
    uint64_t ncap = (uint64_t)(*cap) * 2u + 4u;
    if (ncap < need)
        ncap = need;
    if (ncap * elem > 0xFFFFFFF0u)
        opa_fail("opa_malloc: out of memory");
    void *fresh = opa_malloc((uint32_t)(ncap * elem));
    if (used > 0)
        opa_mem_copy(fresh, old, used * elem);
    *cap = (uint32_t)ncap;
    return fresh;
}

/* ------------------------------------------------------------ constructors */

static opa_value null_value = {OPA_NULL, 0, 0, {0}};
static opa_value true_value = {OPA_BOOLEAN, 0, 0, {1}};
static opa_value false_value = {OPA_BOOLEAN, 0, 0, {0}};

static opa_value *new_value(uint32_t type)
{
    opa_value *v = opa_malloc(sizeof(opa_value));
    v->type = type;
    v->len = 0;
    v->cap = 0;
    v->u.items = 0;
    return v;
}

opa_value *opa_null(void)
{
    return &null_value;
}

opa_value *opa_boolean(int b)
{
    return b ? &true_value : &false_value;
}

opa_value *opa_number_int(int64_t n)
{
    char digits[24];
    uint32_t i = sizeof(digits);
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    do {
        digits[--i] = (char)('0' + (u % 10u));
        u /= 10u;
    } while (u != 0);
    if (n < 0)
        digits[--i] = '-';
    uint32_t len = (uint32_t)sizeof(digits) - i;
    char *text = opa_malloc(len);
    opa_mem_copy(text, digits + i, len);
    opa_value *v = new_value(OPA_NUMBER);
    v->len = len;
    v->u.text = text;
    return v;
}

opa_value *opa_number_text(const char *text)
{
    opa_value *v = opa_string_cstr(text);
    v->type = OPA_NUMBER;
    return v;
}

opa_value *opa_string(const char *bytes, uint32_t len)
{
    char *copy = opa_malloc(len);
    opa_mem_copy(copy, bytes, len);
    opa_value *v = new_value(OPA_STRING);
    v->len = len;
    v->u.text = copy;
    return v;
}

opa_value *opa_string_cstr(const char *s)
{
    return opa_string(s, opa_cstr_len(s));
}

static opa_value *concat_bytes(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
    if (alen + blen < alen)
        opa_fail("opa_malloc: out of memory");
    char *text = opa_malloc(alen + blen);
    opa_mem_copy(text, a, alen);
    opa_mem_copy(text + alen, b, blen);
    opa_value *v = new_value(OPA_STRING);
    v->len = alen + blen;
    v->u.text = text;
    return v;
}

opa_value *opa_string_concat(const opa_value *a, const char *suffix)
{
    return concat_bytes(a->u.text, a->len, suffix, opa_cstr_len(suffix));
}

opa_value *opa_string_concat_cstr(const char *prefix, const opa_value *b)
{
    return concat_bytes(prefix, opa_cstr_len(prefix), b->u.text, b->len);
}

opa_value *opa_string_lower(const opa_value *v)
{
    if (!opa_is_string(v))
        return 0;
    /* Never longer than v: ASCII maps byte for byte, and both special cases shrink. */
    char *text = opa_malloc(v->len);
    const unsigned char *in = (const unsigned char *)v->u.text;
    uint32_t n = 0;
    for (uint32_t i = 0; i < v->len; i++) {
        unsigned char c = in[i];
        if (c >= 'A' && c <= 'Z') {
            text[n++] = (char)(c + ('a' - 'A'));
        } else if (c == 0xC4 && i + 1 < v->len && in[i + 1] == 0xB0) {
            text[n++] = 'i'; /* U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE */
            i += 1;
        } else if (c == 0xE2 && i + 2 < v->len && in[i + 1] == 0x84 && in[i + 2] == 0xAA) {
            text[n++] = 'k'; /* U+212A KELVIN SIGN */
            i += 2;
        } else {
            text[n++] = (char)c;
        }
    }
    opa_value *lowered = new_value(OPA_STRING);
    lowered->len = n;
    lowered->u.text = text;
    return lowered;
}

opa_value *opa_array(uint32_t cap)
{
    opa_value *v = new_value(OPA_ARRAY);
    if (cap > 0) {
        v->u.items = grow(0, 0, &v->cap, cap, sizeof(opa_value *));
    }
    return v;
}

void opa_array_append(opa_value *arr, opa_value *v)
{
    arr->u.items = grow(arr->u.items, arr->len, &arr->cap, arr->len + 1, sizeof(opa_value *));
    arr->u.items[arr->len++] = v;
}

opa_value *opa_object(void)
{
    return new_value(OPA_OBJECT);
}

/* Bytewise order of two strings, shorter first on a common prefix (OPA's string order). */
static int bytes_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
    uint32_t n = alen < blen ? alen : blen;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return alen == blen ? 0 : (alen < blen ? -1 : 1);
}

/* Index of the member whose sort text is `text` (an object's key, a set element's dumped
 * text: `by_value`), or -(insertion point)-1 when absent. */
static int64_t search_members(const opa_value *v, int by_value, const char *text, uint32_t len)
{
    uint32_t lo = 0, hi = v->len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const opa_value *k = by_value ? v->u.members[mid].value : v->u.members[mid].key;
        int c = bytes_cmp(k->u.text, k->len, text, len);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -(int64_t)lo - 1;
}

static int64_t find_member(const opa_value *obj, const char *key, uint32_t klen)
{
    return search_members(obj, 0, key, klen);
}

/* Inserts a member at `pos` of an object's or set's sorted members. */
static void insert_member(opa_value *v, uint32_t pos, opa_value *key, opa_value *value)
{
    v->u.members = grow(v->u.members, v->len, &v->cap, v->len + 1, sizeof(opa_kv));
    if (pos < v->len)
        opa_mem_copy(&v->u.members[pos + 1], &v->u.members[pos], (v->len - pos) * sizeof(opa_kv));
    v->u.members[pos].key = key;
    v->u.members[pos].value = value;
    v->len++;
}

void opa_object_insert(opa_value *obj, opa_value *key, opa_value *value)
{
    int64_t at = find_member(obj, key->u.text, key->len);
    if (at >= 0) {
        obj->u.members[at].value = value;
        return;
    }
    insert_member(obj, (uint32_t)(-at - 1), key, value);
}

void opa_object_set(opa_value *obj, const char *key, opa_value *value)
{
    opa_object_insert(obj, opa_string_cstr(key), value);
}

opa_value *opa_object_copy(const opa_value *obj)
{
    opa_value *copy = opa_object();
    if (obj->len > 0) {
        copy->u.members = grow(0, 0, &copy->cap, obj->len, sizeof(opa_kv));
        opa_mem_copy(copy->u.members, obj->u.members, obj->len * sizeof(opa_kv));
        copy->len = obj->len;
    }
    return copy;
}

opa_value *opa_set(void)
{
    return new_value(OPA_SET);
}

void opa_set_add(opa_value *set, opa_value *element)
{
    /* Equal values dump to equal text (objects and sets dump sorted), so the text is
     * both the identity and the order of an element. */
    const char *text = opa_value_dump(element);
    uint32_t len = opa_cstr_len(text);
    int64_t at = search_members(set, 1, text, len);
    if (at < 0)
        insert_member(set, (uint32_t)(-at - 1), element, opa_string(text, len));
}

/* ----------------------------------------------------------------- queries */

opa_value *opa_get(const opa_value *obj, const char *key)
{
    if (obj == 0 || obj->type != OPA_OBJECT)
        return 0;
    int64_t at = find_member(obj, key, opa_cstr_len(key));
    return at >= 0 ? obj->u.members[at].value : 0;
}

opa_value *opa_object_get(const opa_value *obj, const opa_value *key)
{
    if (obj == 0 || obj->type != OPA_OBJECT || key == 0 || key->type != OPA_STRING)
        return 0;
    int64_t at = find_member(obj, key->u.text, key->len);
    return at >= 0 ? obj->u.members[at].value : 0;
}

int opa_is_string(const opa_value *v)
{
    return v != 0 && v->type == OPA_STRING;
}

int opa_str_eq(const opa_value *v, const char *s)
{
    return opa_is_string(v) && bytes_cmp(v->u.text, v->len, s, opa_cstr_len(s)) == 0;
}

static int bytes_eq(const char *a, const char *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

int opa_str_contains(const opa_value *v, const char *needle)
{
    if (!opa_is_string(v))
        return 0;
    uint32_t n = opa_cstr_len(needle);
    if (n == 0)
        return 1;
    if (n > v->len)
        return 0;
    for (uint32_t i = 0; i + n <= v->len; i++)
        if (v->u.text[i] == needle[0] && bytes_eq(v->u.text + i, needle, n))
            return 1;
    return 0;
}

int opa_str_has_prefix(const opa_value *v, const char *prefix)
{
    uint32_t n = opa_cstr_len(prefix);
    return opa_is_string(v) && n <= v->len && bytes_eq(v->u.text, prefix, n);
}

int opa_str_has_prefix_value(const opa_value *v, const opa_value *prefix)
{
    return opa_is_string(v) && opa_is_string(prefix) && prefix->len <= v->len &&
           bytes_eq(v->u.text, prefix->u.text, prefix->len);
}

int opa_str_has_suffix(const opa_value *v, const char *suffix)
{
    uint32_t n = opa_cstr_len(suffix);
    return opa_is_string(v) && n <= v->len && bytes_eq(v->u.text + (v->len - n), suffix, n);
}

/* Whether any string value in root (root itself, array and set elements, object values;
 * not keys) contains needle: Rego's `walk(x, [_, v]); is_string(v); contains(v, needle)`. */
int opa_any_string_contains(const opa_value *root, const char *needle)
{
    if (root == 0)
        return 0;
    uint32_t cap = 0, top = 0;
    const opa_value **stack = grow(0, 0, &cap, 16, sizeof(opa_value *));
    stack[top++] = root;
    while (top > 0) {
        const opa_value *v = stack[--top];
        if (v->type == OPA_STRING) {
            if (opa_str_contains(v, needle))
                return 1;
        } else if (v->type == OPA_ARRAY || v->type == OPA_OBJECT || v->type == OPA_SET) {
            stack = grow(stack, top, &cap, top + v->len, sizeof(opa_value *));
            for (uint32_t i = 0; i < v->len; i++) {
                if (v->type == OPA_ARRAY)
                    stack[top++] = v->u.items[i];
                else if (v->type == OPA_OBJECT)
                    stack[top++] = v->u.members[i].value;
                else
                    stack[top++] = v->u.members[i].key;
            }
        }
    }
    return 0;
}

uint32_t opa_iter_len(const opa_value *v)
{
    if (v == 0 || (v->type != OPA_ARRAY && v->type != OPA_OBJECT && v->type != OPA_SET))
        return 0;
    return v->len;
}

opa_value *opa_iter_value(const opa_value *v, uint32_t i)
{
    if (i >= opa_iter_len(v))
        return 0;
    if (v->type == OPA_ARRAY)
        return v->u.items[i];
    /* An object's member value; a set keeps its element as the member key. */
    return v->type == OPA_OBJECT ? v->u.members[i].value : v->u.members[i].key;
}

opa_value *opa_result_set(opa_value *v)
{
    opa_value *set = opa_array(1);
    if (v != 0) {
        opa_value *binding = opa_object();
        opa_object_set(binding, "result", v);
        opa_array_append(set, binding);
    }
    return set;
}

/* ----------------------------------------------------------------- parsing */

typedef struct {
    const unsigned char *p;
    const unsigned char *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int hex4(const unsigned char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char ch = p[i];
        v <<= 4;
        if (ch >= '0' && ch <= '9')
            v |= (uint32_t)(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v |= (uint32_t)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F')
            v |= (uint32_t)(ch - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static uint32_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0 if malformed. */
static uint32_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned char b0 = p[0];
    uint32_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        if (b0 == 0xED)
            hi = 0x9F; /* no UTF-16 surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        if (b0 == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if ((uint32_t)(end - p) < n)
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (uint32_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/* Parses the string whose opening quote is at c->p; escapes decoded, UTF-8 validated. */
static opa_value *parse_string(cursor *c)
{
    c->p++; /* opening quote */
    const unsigned char *start = c->p;
    const unsigned char *q = start;
    while (q < c->end && *q != '"') {
        if (*q == '\\' && q + 1 < c->end)
            q += 2;
        else
            q++;
    }
    if (q >= c->end)
        return 0;
    /* Decoded text is never longer than its source: escapes only shrink. */
    uint32_t raw = (uint32_t)(q - start);
    char *out = opa_malloc(raw);
    uint32_t n = 0;
    const unsigned char *p = start;
    while (p < q) {
        unsigned char ch = *p;
        if (ch < 0x20)
            return 0;
        if (ch == '\\') {
            if (p + 1 >= q)
                return 0;
            unsigned char e = p[1];
            p += 2;
            switch (e) {
            case '"': out[n++] = '"'; break;
            case '\\': out[n++] = '\\'; break;
            case '/': out[n++] = '/'; break;
            case 'b': out[n++] = '\b'; break;
            case 'f': out[n++] = '\f'; break;
            case 'n': out[n++] = '\n'; break;
            case 'r': out[n++] = '\r'; break;
            case 't': out[n++] = '\t'; break;
            case 'u': {
                uint32_t cp;
                if ((uint32_t)(q - p) < 4 || !hex4(p, &cp))
                    return 0;
                p += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t lo;
                    if ((uint32_t)(q - p) >= 6 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2, &lo) &&
                        lo >= 0xDC00 && lo <= 0xDFFF) {
                        p += 6;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else {
                        cp = 0xFFFD; /* lone high surrogate */
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD; /* lone low surrogate */
                }
                n += put_utf8(out + n, cp);
                break;
            }
            default:
                return 0;
            }
        } else if (ch < 0x80) {
            out[n++] = (char)ch;
            p++;
        } else {
            uint32_t k = utf8_seq(p, q);
            if (k == 0)
                return 0;
            for (uint32_t i = 0; i < k; i++)
                out[n++] = (char)p[i];
            p += k;
        }
    }
    c->p = q + 1;
    opa_value *v = new_value(OPA_STRING);
    v->len = n;
    v->u.text = out;
    return v;
}

static int is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as text. */
static opa_value *parse_number(cursor *c)
{
    const unsigned char *s = c->p, *p = c->p, *e = c->end;
    if (p < e && *p == '-')
        p++;
    if (p >= e || !is_digit(*p))
        return 0;
    if (*p == '0')
        p++;
    else
        while (p < e && is_digit(*p))
            p++;
    if (p < e && *p == '.') {
        p++;
        if (p >= e || !is_digit(*p))
            return 0;
        while (p < e && is_digit(*p))
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || !is_digit(*p))
            return 0;
        while (p < e && is_digit(*p))
            p++;
    }
    c->p = p;
    opa_value *v = opa_string((const char *)s, (uint32_t)(p - s));
    v->type = OPA_NUMBER;
    return v;
}

static int match_word(cursor *c, const char *w)
{
    uint32_t n = opa_cstr_len(w);
    if ((uint32_t)(c->end - c->p) < n || !bytes_eq((const char *)c->p, w, n))
        return 0;
    c->p += n;
    return 1;
}

/* `set()`, the empty set of Rego text (whitespace allowed inside, as OPA's reader allows). */
static opa_value *parse_empty_set(cursor *c)
{
    if (!match_word(c, "set("))
        return 0;
    skip_ws(c);
    if (c->p >= c->end || *c->p != ')')
        return 0;
    c->p++;
    return opa_set();
}

/* Stable bottom-up merge sort of members by key, then drop earlier duplicates
 * (the last occurrence of a key wins, as in a JSON decoder that overwrites). */
static void sort_members(opa_value *obj)
{
    uint32_t n = obj->len;
    if (n < 2)
        return;
    opa_kv *a = obj->u.members;
    opa_kv *b = opa_malloc(n * (uint32_t)sizeof(opa_kv));
    for (uint64_t width = 1; width < n; width *= 2) {
        for (uint64_t start = 0; start < n; start += 2 * width) {
            uint32_t lo = (uint32_t)start;
            uint32_t mid = (uint32_t)(start + width < n ? start + width : n);
            uint32_t hi = (uint32_t)(start + 2 * width < n ? start + 2 * width : n);
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                const opa_value *x = a[i].key, *y = a[j].key;
                if (bytes_cmp(x->u.text, x->len, y->u.text, y->len) <= 0)
                    b[k++] = a[i++];
                else
                    b[k++] = a[j++];
            }
            while (i < mid)
                b[k++] = a[i++];
            while (j < hi)
                b[k++] = a[j++];
        }
        opa_kv *t = a;
        a = b;
        b = t;
    }
    uint32_t out = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (i + 1 < n) {
            const opa_value *x = a[i].key, *y = a[i + 1].key;
            if (bytes_cmp(x->u.text, x->len, y->u.text, y->len) == 0)
                continue;
        }
        a[out++] = a[i];
    }
    obj->u.members = a;
    obj->len = out;
    obj->cap = n;
}

typedef struct {
    opa_value *container; /* NULL after a Rego '{' until its first element decides */
    opa_value *key;       /* pending member key (objects) */
} frame;

/* JSON, or with `rego` Rego text: sets ({a,b}, set()) too. Object keys are strings. */
static opa_value *parse_document(const char *text, uint32_t len, int rego)
{
    if (text == 0)
        return 0;
    cursor c = {(const unsigned char *)text, (const unsigned char *)text + len};
    uint32_t cap = 0, depth = 0;
    frame *stack = 0;
    opa_value *v;

value:
    skip_ws(&c);
    if (c.p >= c.end)
        return 0;
    switch (*c.p) {
    case '{':
    case '[': {
        int is_obj = *c.p == '{';
        if (depth >= OPA_MAX_DEPTH)
            return 0; /* this container would sit at nesting level OPA_MAX_DEPTH + 1 */
        c.p++;
        /* In Rego text '{' opens an object or a set: what follows the first element decides. */
        opa_value *container = is_obj ? (rego ? 0 : opa_object()) : opa_array(0);
        skip_ws(&c);
        if (c.p < c.end && *c.p == (is_obj ? '}' : ']')) {
            c.p++;
            v = container != 0 ? container : opa_object();
            goto complete;
        }
        stack = grow(stack, depth, &cap, depth + 1, sizeof(frame));
        stack[depth].container = container;
        stack[depth].key = 0;
        depth++;
        if (is_obj && !rego)
            goto key;
        goto value;
    }
    case 's':
        v = rego ? parse_empty_set(&c) : 0;
        break;
    case '"':
        v = parse_string(&c);
        break;
    case 't':
        v = match_word(&c, "true") ? opa_boolean(1) : 0;
        break;
    case 'f':
        v = match_word(&c, "false") ? opa_boolean(0) : 0;
        break;
    case 'n':
        v = match_word(&c, "null") ? opa_null() : 0;
        break;
    default:
        v = parse_number(&c);
        break;
    }
    if (v == 0)
        return 0;

complete:
    for (;;) {
        if (depth == 0) {
            skip_ws(&c);
            return c.p == c.end ? v : 0;
        }
        frame *f = &stack[depth - 1];
        opa_value *box = f->container;
        if (box == 0) {
            skip_ws(&c);
            if (c.p < c.end && *c.p == ':') {
                if (v->type != OPA_STRING)
                    return 0; /* object keys are strings in this runtime */
                c.p++;
                f->container = opa_object();
                f->key = v;
                goto value;
            }
            box = f->container = opa_set();
        }
        if (box->type == OPA_ARRAY) {
            opa_array_append(box, v);
        } else if (box->type == OPA_SET) {
            opa_set_add(box, v);
        } else {
            box->u.members = grow(box->u.members, box->len, &box->cap, box->len + 1, sizeof(opa_kv));
            box->u.members[box->len].key = f->key;
            box->u.members[box->len].value = v;
            box->len++;
        }
        skip_ws(&c);
        if (c.p >= c.end)
            return 0;
        if (*c.p == ',') {
            c.p++;
            if (box->type == OPA_OBJECT)
                goto key;
            goto value;
        }
        if (*c.p != (box->type == OPA_ARRAY ? ']' : '}'))
            return 0;
        c.p++;
        if (box->type == OPA_OBJECT)
            sort_members(box);
        depth--;
        v = box;
    }

key:
    skip_ws(&c);
    if (c.p >= c.end || *c.p != '"')
        return 0;
    stack[depth - 1].key = parse_string(&c);
    if (stack[depth - 1].key == 0)
        return 0;
    skip_ws(&c);
    if (c.p >= c.end || *c.p != ':')
        return 0;
    c.p++;
    goto value;
}

OPA_EXPORT(opa_json_parse)
opa_value *opa_json_parse(const char *text, uint32_t len)
{
    return parse_document(text, len, 0);
}

OPA_EXPORT(opa_value_parse)
opa_value *opa_value_parse(const char *text, uint32_t len)
{
    return parse_document(text, len, 1);
}

/* ----------------------------------------------------------------- dumping */

typedef struct {
    char *buf; /* NULL while measuring */
    uint32_t pos;
    int rego; /* sets as {a,b} and set() (opa_value_dump), else as arrays (opa_json_dump) */
} writer;

static void put(writer *w, const char *s, uint32_t n)
{
    if (w->pos + n < w->pos)
        opa_fail("opa_json_dump: output too large");
    if (w->buf)
        opa_mem_copy(w->buf + w->pos, s, n);
    w->pos += n;
}

static void put_string(writer *w, const char *s, uint32_t len)
{
    static const char hex[] = "0123456789abcdef";
    put(w, "\"", 1);
    uint32_t run = 0; /* bytes copied verbatim, flushed in one go */
    for (uint32_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *esc = 0;
        char u[6];
        if (ch == '"')
            esc = "\\\"";
        else if (ch == '\\')
            esc = "\\\\";
        else if (ch == '\n')
            esc = "\\n";
        else if (ch == '\r')
            esc = "\\r";
        else if (ch == '\t')
            esc = "\\t";
        else if (ch == '\b')
            esc = "\\b";
        else if (ch == '\f')
            esc = "\\f";
        else if (ch < 0x20) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[ch >> 4], u[5] = hex[ch & 15];
        } else {
            run++;
            continue;
        }
        put(w, s + i - run, run);
        run = 0;
        if (esc)
            put(w, esc, 2);
        else
            put(w, u, 6);
    }
    put(w, s + len - run, run);
    put(w, "\"", 1);
}

typedef struct {
    const opa_value *v;
    uint32_t next;
} dump_frame;

/* Whether a collection is written in [ ] (arrays, and sets in JSON) rather than { }. */
static int is_bracketed(const writer *w, const opa_value *v)
{
    return v->type == OPA_ARRAY || (v->type == OPA_SET && !w->rego);
}

static void put_scalar_or_open(writer *w, const opa_value *v, dump_frame **stack, uint32_t *depth, uint32_t *cap)
{
    switch (v->type) {
    case OPA_NULL:
        put(w, "null", 4);
        return;
    case OPA_BOOLEAN:
        if (v->u.boolean)
            put(w, "true", 4);
        else
            put(w, "false", 5);
        return;
    case OPA_NUMBER:
        put(w, v->u.text, v->len);
        return;
    case OPA_STRING:
        put_string(w, v->u.text, v->len);
        return;
    case OPA_SET:
        if (w->rego && v->len == 0) {
            put(w, "set()", 5); /* "{}" is the empty object */
            return;
        }
        /* fall through */
    case OPA_ARRAY:
    case OPA_OBJECT:
        put(w, is_bracketed(w, v) ? "[" : "{", 1);
        *stack = grow(*stack, *depth, cap, *depth + 1, sizeof(dump_frame));
        (*stack)[*depth].v = v;
        (*stack)[*depth].next = 0;
        (*depth)++;
        return;
    default:
        opa_fail("opa_json_dump: corrupt value");
    }
}

static void dump_into(writer *w, const opa_value *root)
{
    uint32_t cap = 0, depth = 0;
    dump_frame *stack = 0;
    put_scalar_or_open(w, root, &stack, &depth, &cap);
    while (depth > 0) {
        dump_frame *f = &stack[depth - 1];
        const opa_value *v = f->v;
        if (f->next == v->len) {
            put(w, is_bracketed(w, v) ? "]" : "}", 1);
            depth--;
            continue;
        }
        if (f->next > 0)
            put(w, ",", 1);
        const opa_value *child;
        if (v->type == OPA_ARRAY) {
            child = v->u.items[f->next];
        } else if (v->type == OPA_SET) {
            child = v->u.members[f->next].key;
        } else {
            const opa_value *k = v->u.members[f->next].key;
            put_string(w, k->u.text, k->len);
            put(w, ":", 1);
            child = v->u.members[f->next].value;
        }
        f->next++;
        put_scalar_or_open(w, child, &stack, &depth, &cap);
    }
}

static char *dump(const opa_value *v, int rego)
{
    if (v == 0)
        opa_fail("opa_json_dump: null value");
    /* Two passes: measure, then write into one exact allocation. The measuring
     * pass's scratch stack is abandoned, which a bump heap accepts. */
    writer measure = {0, 0, rego};
    dump_into(&measure, v);
    if (measure.pos + 1 == 0)
        opa_fail("opa_json_dump: output too large");
    writer out = {opa_malloc(measure.pos + 1), 0, rego};
    dump_into(&out, v);
    out.buf[out.pos] = 0;
    return out.buf;
}

OPA_EXPORT(opa_json_dump)
char *opa_json_dump(const opa_value *v)
{
    return dump(v, 0);
}

OPA_EXPORT(opa_value_dump)
char *opa_value_dump(const opa_value *v)
{
    return dump(v, 1);
}

/* -------------------------------------------------------------- value paths */

static int check_path(const opa_value *base, const opa_value *path)
{
    if (base == 0 || base->type != OPA_OBJECT || path == 0 || path->type != OPA_ARRAY)
        return OPA_ERR_INVALID_TYPE;
    if (path->len == 0)
        return OPA_ERR_INVALID_PATH;
    for (uint32_t i = 0; i < path->len; i++)
        if (path->u.items[i]->type != OPA_STRING)
            return OPA_ERR_INVALID_TYPE;
    return OPA_ERR_OK;
}

/* Sets base[path...] = value, creating missing objects; base is untouched on error. */
OPA_EXPORT(opa_value_add_path)
int32_t opa_value_add_path(opa_value *base, opa_value *path, opa_value *value)
{
    int err = check_path(base, path);
    if (err != OPA_ERR_OK)
        return err;
    if (value == 0)
        return OPA_ERR_INVALID_TYPE;
    const opa_value *probe = base;
    for (uint32_t i = 0; i + 1 < path->len && probe != 0; i++) {
        probe = opa_object_get(probe, path->u.items[i]);
        if (probe != 0 && probe->type != OPA_OBJECT)
            return OPA_ERR_INVALID_PATH;
    }
    opa_value *cur = base;
    for (uint32_t i = 0; i + 1 < path->len; i++) {
        opa_value *next = opa_object_get(cur, path->u.items[i]);
        if (next == 0) {
            next = opa_object();
            opa_object_insert(cur, path->u.items[i], next);
        }
        cur = next;
    }
    opa_object_insert(cur, path->u.items[path->len - 1], value);
    return OPA_ERR_OK;
}

/* Removes base[path...]; a path that is already absent is not an error. */
OPA_EXPORT(opa_value_remove_path)
int32_t opa_value_remove_path(opa_value *base, opa_value *path)
{
    int err = check_path(base, path);
    if (err != OPA_ERR_OK)
        return err;
    opa_value *cur = base;
    for (uint32_t i = 0; i + 1 < path->len; i++) {
        cur = opa_object_get(cur, path->u.items[i]);
        if (cur == 0)
            return OPA_ERR_OK;
        if (cur->type != OPA_OBJECT)
            return OPA_ERR_INVALID_PATH;
    }
    const opa_value *key = path->u.items[path->len - 1];
    int64_t at = find_member(cur, key->u.text, key->len);
    if (at < 0)
        return OPA_ERR_OK;
    uint32_t pos = (uint32_t)at;
    if (pos + 1 < cur->len)
        opa_mem_copy(&cur->u.members[pos], &cur->u.members[pos + 1], (cur->len - pos - 1) * sizeof(opa_kv));
    cur->len--;
    return OPA_ERR_OK;
}

/* -------------------------------------------------------- evaluation (ctx) */

typedef struct {
    opa_value *input;
    opa_value *data;
    opa_value *result;
    int32_t entrypoint;
} opa_eval_ctx;

OPA_EXPORT(opa_eval_ctx_new)
opa_eval_ctx *opa_eval_ctx_new(void)
{
    opa_eval_ctx *ctx = opa_malloc(sizeof(opa_eval_ctx));
    ctx->input = 0;
    ctx->data = 0;
    ctx->result = 0;
    ctx->entrypoint = 0;
    return ctx;
}

OPA_EXPORT(opa_eval_ctx_set_input)
void opa_eval_ctx_set_input(opa_eval_ctx *ctx, opa_value *v)
{
    ctx->input = v;
}

OPA_EXPORT(opa_eval_ctx_set_data)
void opa_eval_ctx_set_data(opa_eval_ctx *ctx, opa_value *v)
{
    ctx->data = v;
}

OPA_EXPORT(opa_eval_ctx_set_entrypoint)
void opa_eval_ctx_set_entrypoint(opa_eval_ctx *ctx, int32_t entrypoint)
{
    ctx->entrypoint = entrypoint;
}

OPA_EXPORT(opa_eval_ctx_get_result)
opa_value *opa_eval_ctx_get_result(opa_eval_ctx *ctx)
{
    return ctx->result;
}

/* Runs the selected entrypoint; like OPA, an unknown entrypoint id aborts. Returns 0. */
OPA_EXPORT(eval)
int32_t opa_runtime_eval(opa_eval_ctx *ctx)
{
    if (ctx->entrypoint < 0 || (uint32_t)ctx->entrypoint >= opa_policy_entrypoint_count)
        opa_fail("internal: illegal entrypoint id");
    ctx->result = opa_result_set(opa_policy_eval(ctx->entrypoint, ctx->input, ctx->data));
    return 0;
}

#if OPA_ABI_MINOR >= 2
/* One-shot evaluation (ABI 1.2): the input JSON is parsed from memory (invalid JSON
 * leaves input undefined, as in OPA), the heap restarts at `heap`, and the result
 * set comes back as a NUL-terminated string: JSON, or Rego text when `format` is not 0.
 * Like OPA's, the input is read with opa_value_parse, so Rego text (sets) is accepted. */
OPA_EXPORT(opa_eval)
char *opa_eval(int32_t reserved, int32_t entrypoint, opa_value *data, const char *input, uint32_t input_len,
               uint32_t heap, int32_t format)
{
    if (reserved != 0)
        opa_fail("invalid reserved argument");
    opa_heap_ptr_set(heap);
    opa_eval_ctx ctx = {opa_value_parse(input, input_len), data, 0, entrypoint};
    opa_runtime_eval(&ctx);
    return format != 0 ? opa_value_dump(ctx.result) : opa_json_dump(ctx.result);
}
#endif

/* --------------------------------------------------------------- listings */

OPA_EXPORT(entrypoints)
opa_value *opa_runtime_entrypoints(void)
{
    opa_value *obj = opa_object();
    for (uint32_t i = 0; i < opa_policy_entrypoint_count; i++)
        opa_object_set(obj, opa_policy_entrypoints[i], opa_number_int((int64_t)i));
    return obj;
}

OPA_EXPORT(builtins)
opa_value *opa_runtime_builtins(void)
{
    opa_value *obj = opa_object();
    for (uint32_t i = 0; i < opa_policy_builtin_count; i++)
        opa_object_set(obj, opa_policy_builtins[i].name, opa_number_int(opa_policy_builtins[i].id));
    return obj;
}

/* Real OPA modules import every env function whether or not a policy calls it;
 * this keeps the same import list in ours (linked with --no-gc-sections). */
void opa_runtime_force_imports(void)
{
    opa_println("");
    opa_builtin0(-1, 0);
    opa_builtin1(-1, 0, 0);
    opa_builtin2(-1, 0, 0, 0);
    opa_builtin3(-1, 0, 0, 0, 0);
    opa_builtin4(-1, 0, 0, 0, 0, 0);
}
