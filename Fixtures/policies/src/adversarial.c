/*
 * adversarial.c: stands in for `opa build -t wasm -O 2 -e cupcake/system/evaluate` over the
 * adversarial project (Fixtures/adversarial/.cupcake): policies written the way an upstream
 * Cupcake user writes them, against the fields the engine's preprocessing adds
 * (resolved_file_path, affected_parent_directories, executed_script_content, the
 * whitespace-normalized command). Its Rego twins are policies/<harness>/<name>.rego for
 * claude, cursor, factory and opencode, and system/evaluate.rego.
 *
 * As in aggregate.c, one module serves every harness's bundle: it states the union of the
 * harnesses' rules, and each harness's rules match only its own event shapes (Claude Code
 * and OpenCode: Bash and their file tools; Factory: Execute and Create; Cursor: its event
 * names), so on a harness's events it answers as that harness's own compile would. A Claude
 * Code event with Factory's tool names would also match, a shape Claude Code never sends.
 *
 * Result: a DecisionSet with all six keys; only `denials` is ever filled, each package adding
 * its one decision at most once (a Rego set), in package-name order as walk() visits them.
 * Entrypoints 1..5 are the packages' documents (`{"deny": set}`), as `opa build` with one more
 * `-e cupcake/policies/<name>` per package exports them.
 */
#include "opa_runtime.h"

enum { HEX_DECODE = 0 };

const char *const opa_policy_entrypoints[] = {
    "cupcake/system/evaluate",    "cupcake/policies/decoder",     "cupcake/policies/naive_commands",
    "cupcake/policies/protect_cupcake", "cupcake/policies/protect_etc", "cupcake/policies/script_guard",
};
const uint32_t opa_policy_entrypoint_count = 6;
const opa_builtin_decl opa_policy_builtins[] = {{"hex.decode", HEX_DECODE}};
const uint32_t opa_policy_builtin_count = 1;

typedef struct {
    opa_value *event;    /* input.hook_event_name */
    int pre_tool_use;    /* event is PreToolUse (Claude Code, Factory, OpenCode) */
    opa_value *tool;     /* input.tool_name */
    int shell;           /* a shell command event: PreToolUse Bash/Execute, or beforeShellExecution */
    opa_value *command;  /* its command: tool_input.command, or Cursor's root command */
    opa_value *resolved; /* input.resolved_file_path */
    opa_value *edits;    /* input.tool_input.edits (MultiEdit) */
    opa_value *affected; /* input.affected_parent_directories */
    opa_value *script;   /* input.executed_script_content */
    opa_value *cwd;      /* input.cwd */
    opa_value *etc_dir;  /* "/etc/", for startswith("/etc/", ...) */
} event_view;

/* A test on one path or directory; the view supplies what a test also needs (cwd). */
typedef int (*path_test)(const opa_value *path, const event_view *e);

static int tool_is(const event_view *e, const char *tool)
{
    return e->pre_tool_use && opa_str_eq(e->tool, tool);
}

/* Claude Code's and OpenCode's Write, Edit, MultiEdit, NotebookEdit; Factory's Create, Edit,
 * MultiEdit: the tools the protect_etc twins list as writing a file. */
static int writes_file(const event_view *e)
{
    return tool_is(e, "Write") || tool_is(e, "Edit") || tool_is(e, "MultiEdit") || tool_is(e, "NotebookEdit") ||
           tool_is(e, "Create");
}

/* `some x in array` with test(x), or test(x[field]) when field is given; an absent or
 * non-collection value gives no iteration, so no match, as in Rego. */
static int some_entry(const opa_value *array, const char *field, path_test test, const event_view *e)
{
    for (uint32_t i = 0; i < opa_iter_len(array); i++) {
        opa_value *entry = opa_iter_value(array, i);
        if (test(field ? opa_get(entry, field) : entry, e))
            return 1;
    }
    return 0;
}

/* startswith(text, concat("", [dir, "/"])): text lies strictly under dir. Rego's concat of a
 * non-string is an error, so undefined: no match. */
static int under_dir(const opa_value *text, const opa_value *dir)
{
    return opa_is_string(text) && opa_is_string(dir) && opa_str_has_prefix_value(text, opa_string_concat(dir, "/"));
}

/* path == "/etc" or startswith(path, "/etc/") */
static int etc_path(const opa_value *path, const event_view *e)
{
    (void)e;
    return opa_str_eq(path, "/etc") || opa_str_has_prefix(path, "/etc/");
}

/* A directory a command affects reaches /etc: it is /etc or under it, or /etc is under it. */
static int holds_etc(const opa_value *dir, const event_view *e)
{
    return etc_path(dir, e) || opa_str_eq(dir, "/") || under_dir(e->etc_dir, dir);
}

/* `.cupcake` is a component of the path: contains "/.cupcake/" or ends with "/.cupcake". */
static int cupcake_path(const opa_value *path, const event_view *e)
{
    (void)e;
    return opa_str_contains(path, "/.cupcake/") || opa_str_has_suffix(path, "/.cupcake");
}

/* A directory a command affects reaches <cwd>/.cupcake: it is in a .cupcake tree, or is an
 * ancestor of the event's own .cupcake (needs a string cwd, as concat does). */
static int holds_cupcake(const opa_value *dir, const event_view *e)
{
    return cupcake_path(dir, e) || opa_str_eq(dir, "/") ||
           (opa_is_string(e->cwd) && under_dir(opa_string_concat(e->cwd, "/.cupcake"), dir));
}

static void deny(opa_value *denials, const char *rule_id, const char *reason)
{
    opa_value *d = opa_object();
    opa_object_set(d, "rule_id", opa_string_cstr(rule_id));
    opa_object_set(d, "reason", opa_string_cstr(reason));
    opa_object_set(d, "severity", opa_string_cstr("HIGH"));
    opa_array_append(denials, d);
}

/* package cupcake.policies.decoder: ADV-DECODE-001. hex.decode runs in the host; a failure
 * (the command is not hex) comes back as 0, undefined, so the rule just does not hold. */
static void decoder(const event_view *e, opa_value *denials)
{
    if (!e->shell || e->command == 0)
        return;
    opa_value *decoded = (opa_value *)(uintptr_t)opa_builtin1(HEX_DECODE, 0, (int32_t)(uintptr_t)e->command);
    if (decoded != 0 && opa_str_contains(decoded, "rm -rf"))
        deny(denials, "ADV-DECODE-001", "Hex-encoded destructive command");
}

/* package cupcake.policies.naive_commands: ADV-NAIVE-001. lower() makes a copy of the whole
 * command in the module's memory, as OPA's does (tests rely on memory growing with input). */
static void naive_commands(const event_view *e, opa_value *denials)
{
    if (e->shell && opa_str_contains(opa_string_lower(e->command), "rm -rf /important"))
        deny(denials, "ADV-NAIVE-001", "Cannot delete important directory");
}

/* package cupcake.policies.protect_cupcake: ADV-CUPCAKE-001, for every tool (Cursor: its file
 * events) whose resolved path, or a MultiEdit edit's, is in a .cupcake tree, and for shell
 * commands that affect one, or an ancestor of <cwd>/.cupcake, or run a script naming it. */
static void protect_cupcake(const event_view *e, opa_value *denials)
{
    int file_event = e->pre_tool_use || opa_str_eq(e->event, "beforeReadFile") || opa_str_eq(e->event, "afterFileEdit");
    if ((file_event && cupcake_path(e->resolved, e)) ||
        (e->pre_tool_use && some_entry(e->edits, "resolved_file_path", cupcake_path, e)) ||
        (e->shell && some_entry(e->affected, 0, holds_cupcake, e)) ||
        (e->shell && opa_str_contains(e->script, ".cupcake")))
        deny(denials, "ADV-CUPCAKE-001", "The .cupcake directory is protected");
}

/* package cupcake.policies.protect_etc: ADV-ETC-001, for writes (Cursor: afterFileEdit) whose
 * resolved path, or a MultiEdit edit's, is under /etc, and shell commands that reach /etc.
 * Reads are not refused. */
static void protect_etc(const event_view *e, opa_value *denials)
{
    int writes = writes_file(e) || opa_str_eq(e->event, "afterFileEdit");
    if ((writes && etc_path(e->resolved, e)) ||
        (tool_is(e, "MultiEdit") && some_entry(e->edits, "resolved_file_path", etc_path, e)) ||
        (e->shell && some_entry(e->affected, 0, holds_etc, e)))
        deny(denials, "ADV-ETC-001", "Writes under /etc are refused");
}

/* package cupcake.policies.script_guard: ADV-SCRIPT-001 */
static void script_guard(const event_view *e, opa_value *denials)
{
    if (e->shell && opa_str_contains(e->script, "rm -rf"))
        deny(denials, "ADV-SCRIPT-001", "Script contains a destructive command");
}

/* Entrypoints 1..5 in order. */
typedef void (*package_rules)(const event_view *, opa_value *);
static const package_rules package_functions[] = {decoder, naive_commands, protect_cupcake, protect_etc, script_guard};

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)data;
    opa_value *event = opa_get(input, "hook_event_name"), *tool_input = opa_get(input, "tool_input");
    event_view e = {0};
    e.event = event;
    e.pre_tool_use = opa_str_eq(event, "PreToolUse");
    e.tool = opa_get(input, "tool_name");
    if (tool_is(&e, "Bash") || tool_is(&e, "Execute")) {
        e.shell = 1;
        e.command = opa_get(tool_input, "command");
    } else if (opa_str_eq(event, "beforeShellExecution")) {
        e.shell = 1;
        e.command = opa_get(input, "command");
    }
    e.resolved = opa_get(input, "resolved_file_path");
    e.edits = opa_get(tool_input, "edits");
    e.affected = opa_get(input, "affected_parent_directories");
    e.script = opa_get(input, "executed_script_content");
    e.cwd = opa_get(input, "cwd");
    e.etc_dir = opa_string_cstr("/etc/");

    opa_value *denials = opa_array(0);
    if (entrypoint > 0) {
        /* data.cupcake.policies.<name>: {"deny": set} (the runtime has checked the id). */
        package_functions[entrypoint - 1](&e, denials);
        opa_value *found = opa_set();
        for (uint32_t i = 0; i < opa_iter_len(denials); i++)
            opa_set_add(found, opa_iter_value(denials, i));
        opa_value *document = opa_object();
        opa_object_set(document, "deny", found);
        return document;
    }
    /* walk() order over data.cupcake.policies: package names sorted. */
    decoder(&e, denials);
    naive_commands(&e, denials);
    protect_cupcake(&e, denials);
    protect_etc(&e, denials);
    script_guard(&e, denials);

    /* Every DecisionSet key is present; no policy here has another verb than deny. */
    static const char *const unused_verbs[] = {"halts", "blocks", "asks", "modifications", "add_context"};
    opa_value *set = opa_object();
    for (uint32_t i = 0; i < sizeof(unused_verbs) / sizeof(unused_verbs[0]); i++)
        opa_object_set(set, unused_verbs[i], opa_array(0));
    opa_object_set(set, "denials", denials);
    return set;
}
