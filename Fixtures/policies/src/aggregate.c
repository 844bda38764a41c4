/*
 * aggregate.c: stands in for `opa build -t wasm -O 2 -e cupcake/system/evaluate` over
 * the demo project's policies (Fixtures/project/.cupcake). Its Rego twins are
 * policies/claude/<name>.rego and system/evaluate.rego; this file states the same rules.
 *
 * Result of entrypoint 0 "cupcake/system/evaluate": a DecisionSet object with all six
 * keys. As Rego's walk() visits data.cupcake.policies in key order, each list holds
 * decisions in package-name order (each package contributes at most one per verb).
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {"cupcake/system/evaluate"};
const uint32_t opa_policy_entrypoint_count = 1;
const opa_builtin_decl opa_policy_builtins[] = {{0, 0}};
const uint32_t opa_policy_builtin_count = 0;

typedef struct {
    opa_value *input;
    opa_value *event;     /* input.hook_event_name */
    opa_value *tool;      /* input.tool_name */
    opa_value *tool_input;
    opa_value *command;   /* input.tool_input.command */
    opa_value *file_path; /* input.tool_input.file_path */
} event_view;

static opa_value *decision(const char *rule_id, opa_value *reason, const char *severity)
{
    opa_value *d = opa_object();
    opa_object_set(d, "rule_id", opa_string_cstr(rule_id));
    opa_object_set(d, "reason", reason);
    opa_object_set(d, "severity", opa_string_cstr(severity));
    return d;
}

static int pre_tool(const event_view *e, const char *tool)
{
    return opa_str_eq(e->event, "PreToolUse") && opa_str_eq(e->tool, tool);
}

/* package cupcake.policies.aws_keys (wildcard routing): SEC-001 */
static void aws_keys(const event_view *e, opa_value *denials)
{
    if (opa_str_eq(e->event, "PreToolUse") && opa_any_string_contains(e->tool_input, "AKIA"))
        opa_array_append(denials, decision("SEC-001", opa_string_cstr("Possible AWS access key in tool input"),
                                           "CRITICAL"));
}

/* package cupcake.policies.bash_guard: BASH-001 */
static void bash_guard(const event_view *e, opa_value *denials)
{
    if (pre_tool(e, "Bash") && opa_str_contains(e->command, "rm -rf /"))
        opa_array_append(denials,
                         decision("BASH-001", opa_string_cstr("Dangerous command blocked: rm -rf /"), "CRITICAL"));
}

/* package cupcake.policies.env_files: SEC-002 */
static void env_files(const event_view *e, opa_value *blocks)
{
    if (opa_str_eq(e->event, "PostToolUse") && (opa_str_eq(e->tool, "Write") || opa_str_eq(e->tool, "Edit")) &&
        opa_str_has_suffix(e->file_path, ".env"))
        opa_array_append(blocks,
                         decision("SEC-002", opa_string_cstr("A .env file was written; it may hold secrets"), "HIGH"));
}

/* package cupcake.policies.fork_bomb: SYS-001 */
static void fork_bomb(const event_view *e, opa_value *halts)
{
    if (pre_tool(e, "Bash") && opa_str_contains(e->command, ":(){ :|:& };:"))
        opa_array_append(halts, decision("SYS-001", opa_string_cstr("Fork bomb detected"), "CRITICAL"));
}

/* package cupcake.policies.git_commit_main: GIT-002 (signal git_branch) */
static void git_commit_main(const event_view *e, opa_value *asks)
{
    opa_value *branch = opa_get(opa_get(e->input, "signals"), "git_branch");
    if (pre_tool(e, "Bash") && opa_str_contains(e->command, "git commit") && opa_str_eq(branch, "main"))
        opa_array_append(asks, decision("GIT-002", opa_string_cstr("Committing directly to main"), "HIGH"));
}

/* package cupcake.policies.git_force_push: GIT-001 */
static void git_force_push(const event_view *e, opa_value *asks)
{
    if (pre_tool(e, "Bash") &&
        (opa_str_contains(e->command, "git push --force") || opa_str_contains(e->command, "git push -f")))
        opa_array_append(asks,
                         decision("GIT-001", opa_string_cstr("Force push can overwrite remote history"), "MEDIUM"));
}

/* package cupcake.policies.npm_scripts: NPM-001 */
static void npm_scripts(const event_view *e, opa_value *modifications)
{
    if (!pre_tool(e, "Bash") || !opa_str_contains(e->command, "npm install") ||
        opa_str_contains(e->command, "--ignore-scripts") || e->tool_input->type != OPA_OBJECT)
        return;
    /* object.union(input.tool_input, {"command": concat("", [command, " --ignore-scripts"])}) */
    opa_value *updated = opa_object_copy(e->tool_input);
    opa_object_set(updated, "command", opa_string_concat(e->command, " --ignore-scripts"));
    opa_value *d =
        decision("NPM-001", opa_string_cstr("npm install runs package scripts; adding --ignore-scripts"), "LOW");
    opa_object_set(d, "priority", opa_number_int(50));
    opa_object_set(d, "updated_input", updated);
    opa_array_append(modifications, d);
}

/* package cupcake.policies.system_paths: FS-001 */
static void system_paths(const event_view *e, opa_value *denials)
{
    if ((pre_tool(e, "Edit") || pre_tool(e, "Write")) && opa_str_has_prefix(e->file_path, "/etc/"))
        opa_array_append(denials,
                         decision("FS-001", opa_string_concat_cstr("System file modification blocked: ", e->file_path),
                                  "HIGH"));
}

/* package cupcake.policies.test_reminder: CTX-001 */
static void test_reminder(const event_view *e, opa_value *add_context)
{
    if (opa_str_eq(e->event, "UserPromptSubmit"))
        opa_array_append(add_context,
                         opa_string_cstr("Reminder: run the test suite (make test) before you commit changes."));
}

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)entrypoint; /* only one entrypoint; the runtime has checked the id */
    (void)data;
    opa_value *ti = opa_get(input, "tool_input");
    event_view e = {
        input, opa_get(input, "hook_event_name"), opa_get(input, "tool_name"), ti, opa_get(ti, "command"),
        opa_get(ti, "file_path"),
    };
    opa_value *halts = opa_array(0), *denials = opa_array(0), *blocks = opa_array(0), *asks = opa_array(0),
              *modifications = opa_array(0), *add_context = opa_array(0);

    /* walk() order over data.cupcake.policies: package names sorted. */
    aws_keys(&e, denials);
    bash_guard(&e, denials);
    env_files(&e, blocks);
    fork_bomb(&e, halts);
    git_commit_main(&e, asks);
    git_force_push(&e, asks);
    npm_scripts(&e, modifications);
    system_paths(&e, denials);
    test_reminder(&e, add_context);

    opa_value *set = opa_object();
    opa_object_set(set, "halts", halts);
    opa_object_set(set, "denials", denials);
    opa_object_set(set, "blocks", blocks);
    opa_object_set(set, "asks", asks);
    opa_object_set(set, "modifications", modifications);
    opa_object_set(set, "add_context", add_context);
    return set;
}
