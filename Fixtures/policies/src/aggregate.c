/*
 * aggregate.c: stands in for `opa build -t wasm -O 2 -e cupcake/system/evaluate` over
 * the demo project's policies (Fixtures/project/.cupcake). Its Rego twins are
 * policies/<harness>/<name>.rego for every harness (claude, cursor, factory, opencode)
 * and system/evaluate.rego; this file states the same rules.
 *
 * One module serves every harness's bundle, so it is what OPA would compile from all the
 * harness directories at once: files of different harnesses with the same package name
 * add to the same package, so a package's decisions are the union of its files' rules
 * (Rego sets: equal decisions count once). Each harness's rules only match its own event
 * shapes (Cursor's event names, Factory's Execute/Create tools, OpenCode's camelCase
 * `filePath`), so on a harness's events this module answers as that harness's own
 * compile would.
 *
 * Entrypoints 1..13 are the packages' documents, as `opa build` with one more
 * `-e cupcake/policies/<name>` per package exports them: `{"<verb>": set}` (defined, maybe
 * empty), the set in sorted order.
 *
 * Result of entrypoint 0 "cupcake/system/evaluate": a DecisionSet object with all six
 * keys. As Rego's walk() visits data.cupcake.policies in key order, each list holds
 * decisions in package-name order; within a package, a verb's decisions are a set,
 * iterated in sorted order (only system_paths can give two, sorted by reason).
 */
#include "opa_runtime.h"

const char *const opa_policy_entrypoints[] = {
    "cupcake/system/evaluate",         "cupcake/policies/aws_keys",      "cupcake/policies/bash_guard",
    "cupcake/policies/env_files",      "cupcake/policies/env_reads",     "cupcake/policies/fork_bomb",
    "cupcake/policies/git_commit_main", "cupcake/policies/git_force_push", "cupcake/policies/mcp_guard",
    "cupcake/policies/npm_scripts",    "cupcake/policies/prompt_secrets", "cupcake/policies/stop_on_error",
    "cupcake/policies/system_paths",   "cupcake/policies/test_reminder",
};
const uint32_t opa_policy_entrypoint_count = 14;
const opa_builtin_decl opa_policy_builtins[] = {{0, 0}};
const uint32_t opa_policy_builtin_count = 0;

typedef struct {
    opa_value *input;
    opa_value *event;     /* input.hook_event_name */
    opa_value *tool;      /* input.tool_name */
    opa_value *tool_input;
    opa_value *command;   /* input.tool_input.command */
    opa_value *file_path; /* input.tool_input.file_path */
    opa_value *file_path_camel; /* input.tool_input.filePath (OpenCode's tool arguments) */
    opa_value *root_command;    /* input.command (Cursor's beforeShellExecution) */
    opa_value *root_file_path;  /* input.file_path (Cursor's beforeReadFile) */
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

/* PreToolUse of a shell tool: Claude Code's and OpenCode's Bash, Factory Droid's Execute
 * (the factory twins list both). */
static int pre_shell(const event_view *e)
{
    return pre_tool(e, "Bash") || pre_tool(e, "Execute");
}

/* Cursor's beforeShellExecution, whose command is at the root of the event. */
static int cursor_shell(const event_view *e)
{
    return opa_str_eq(e->event, "beforeShellExecution");
}

/* Whether a shell command of any harness contains needle. */
static int shell_contains(const event_view *e, const char *needle)
{
    return (pre_shell(e) && opa_str_contains(e->command, needle)) ||
           (cursor_shell(e) && opa_str_contains(e->root_command, needle));
}

/* Whether the event's tool writes files: Write/Edit (claude, opencode), Create (factory). */
static int writes_files(const event_view *e)
{
    return opa_str_eq(e->tool, "Write") || opa_str_eq(e->tool, "Edit") || opa_str_eq(e->tool, "Create");
}

/* Bytewise order of two strings, as Rego compares them: <0, 0 or >0. */
static int string_order(const opa_value *a, const opa_value *b)
{
    uint32_t n = a->len < b->len ? a->len : b->len;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a->u.text[i], y = (unsigned char)b->u.text[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a->len == b->len ? 0 : (a->len < b->len ? -1 : 1);
}

/* package cupcake.policies.aws_keys (wildcard routing): SEC-001 */
static void aws_keys(const event_view *e, opa_value *denials)
{
    if (opa_str_eq(e->event, "PreToolUse") && opa_any_string_contains(e->tool_input, "AKIA"))
        opa_array_append(denials, decision("SEC-001", opa_string_cstr("Possible AWS access key in tool input"),
                                           "CRITICAL"));
}

/* package cupcake.policies.bash_guard: BASH-001 (Bash, Execute, Cursor's shell) */
static void bash_guard(const event_view *e, opa_value *denials)
{
    if (shell_contains(e, "rm -rf /"))
        opa_array_append(denials,
                         decision("BASH-001", opa_string_cstr("Dangerous command blocked: rm -rf /"), "CRITICAL"));
}

/* package cupcake.policies.env_files: SEC-002 (file_path of Write/Edit/Create, OpenCode's
 * filePath of Write/Edit) */
static void env_files(const event_view *e, opa_value *blocks)
{
    int written = opa_str_eq(e->event, "PostToolUse") && writes_files(e) && opa_str_has_suffix(e->file_path, ".env");
    int written_camel = opa_str_eq(e->event, "PostToolUse") &&
                        (opa_str_eq(e->tool, "Write") || opa_str_eq(e->tool, "Edit")) &&
                        opa_str_has_suffix(e->file_path_camel, ".env");
    if (written || written_camel)
        opa_array_append(blocks,
                         decision("SEC-002", opa_string_cstr("A .env file was written; it may hold secrets"), "HIGH"));
}

/* package cupcake.policies.env_reads: SEC-003 (Cursor's beforeReadFile) */
static void env_reads(const event_view *e, opa_value *denials)
{
    if (opa_str_eq(e->event, "beforeReadFile") && opa_str_has_suffix(e->root_file_path, ".env"))
        opa_array_append(denials, decision("SEC-003", opa_string_cstr("Reading a .env file is blocked; it may hold secrets"),
                                           "HIGH"));
}

/* package cupcake.policies.fork_bomb: SYS-001 */
static void fork_bomb(const event_view *e, opa_value *halts)
{
    if (shell_contains(e, ":(){ :|:& };:"))
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
    if (shell_contains(e, "git push --force") || shell_contains(e, "git push -f"))
        opa_array_append(asks,
                         decision("GIT-001", opa_string_cstr("Force push can overwrite remote history"), "MEDIUM"));
}

/* package cupcake.policies.mcp_guard: MCP-001 (Cursor's beforeMCPExecution; tool_input is
 * a JSON text or an object) */
static void mcp_guard(const event_view *e, opa_value *asks)
{
    if (opa_str_eq(e->event, "beforeMCPExecution") && opa_str_eq(e->tool, "database_query") &&
        opa_any_string_contains(e->tool_input, "DROP TABLE"))
        opa_array_append(asks, decision("MCP-001", opa_string_cstr("Destructive SQL through an MCP tool needs approval"),
                                        "HIGH"));
}

/* package cupcake.policies.npm_scripts: NPM-001 */
static void npm_scripts(const event_view *e, opa_value *modifications)
{
    if (!pre_shell(e) || !opa_str_contains(e->command, "npm install") ||
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

/* package cupcake.policies.prompt_secrets: SEC-004 (Cursor's beforeSubmitPrompt) */
static void prompt_secrets(const event_view *e, opa_value *denials)
{
    if (opa_str_eq(e->event, "beforeSubmitPrompt") && opa_str_contains(opa_get(e->input, "prompt"), "AKIA"))
        opa_array_append(denials,
                         decision("SEC-004", opa_string_cstr("Possible AWS access key in the prompt"), "CRITICAL"));
}

/* package cupcake.policies.stop_on_error: LOOP-001 (Cursor's stop after an error) */
static void stop_on_error(const event_view *e, opa_value *blocks)
{
    if (opa_str_eq(e->event, "stop") && opa_str_eq(opa_get(e->input, "status"), "error"))
        opa_array_append(blocks, decision("LOOP-001",
                                          opa_string_cstr("The agent stopped on an error: find its cause and fix it"),
                                          "MEDIUM"));
}

/* package cupcake.policies.system_paths: FS-001. The file_path rule (Edit, Write, Create) and
 * OpenCode's filePath rule (Edit, Write) each give a decision naming its path; as a set,
 * equal paths give one decision, different ones two, in reason order. */
static void system_paths(const event_view *e, opa_value *denials)
{
    int pre = opa_str_eq(e->event, "PreToolUse");
    opa_value *snake = pre && writes_files(e) && opa_str_has_prefix(e->file_path, "/etc/") ? e->file_path : 0;
    opa_value *camel = pre && (opa_str_eq(e->tool, "Write") || opa_str_eq(e->tool, "Edit")) &&
                               opa_str_has_prefix(e->file_path_camel, "/etc/")
                           ? e->file_path_camel
                           : 0;
    if (snake && camel) {
        int order = string_order(snake, camel);
        if (order == 0)
            camel = 0;
        else if (order > 0) {
            opa_value *first = camel;
            camel = snake;
            snake = first;
        }
    } else if (!snake) {
        snake = camel;
        camel = 0;
    }
    opa_value *paths[2] = {snake, camel};
    for (int i = 0; i < 2; i++)
        if (paths[i])
            opa_array_append(denials,
                             decision("FS-001", opa_string_concat_cstr("System file modification blocked: ", paths[i]),
                                      "HIGH"));
}

/* package cupcake.policies.test_reminder: CTX-001 (Cursor's beforeSubmitPrompt too) */
static void test_reminder(const event_view *e, opa_value *add_context)
{
    if (opa_str_eq(e->event, "UserPromptSubmit") || opa_str_eq(e->event, "beforeSubmitPrompt"))
        opa_array_append(add_context,
                         opa_string_cstr("Reminder: run the test suite (make test) before you commit changes."));
}

/* Entrypoints 1..13 in order: each package's rule function and the verb it defines. */
typedef void (*package_rules)(const event_view *, opa_value *);
static const package_rules package_functions[] = {
    aws_keys,    bash_guard,     env_files,     env_reads,    fork_bomb,    git_commit_main, git_force_push,
    mcp_guard,   npm_scripts,    prompt_secrets, stop_on_error, system_paths, test_reminder,
};
static const char *const package_verbs[] = {
    "deny", "deny", "block", "deny", "halt", "ask", "ask", "ask", "modify", "deny", "block", "deny", "add_context",
};

opa_value *opa_policy_eval(int32_t entrypoint, opa_value *input, opa_value *data)
{
    (void)data;
    opa_value *ti = opa_get(input, "tool_input");
    event_view e = {
        input, opa_get(input, "hook_event_name"), opa_get(input, "tool_name"), ti, opa_get(ti, "command"),
        opa_get(ti, "file_path"), opa_get(ti, "filePath"), opa_get(input, "command"), opa_get(input, "file_path"),
    };
    if (entrypoint > 0) {
        /* data.cupcake.policies.<name>: the package's verb set (the runtime has checked the id). */
        opa_value *found = opa_array(0);
        package_functions[entrypoint - 1](&e, found);
        opa_value *set = opa_set();
        for (uint32_t i = 0; i < opa_iter_len(found); i++)
            opa_set_add(set, opa_iter_value(found, i));
        opa_value *document = opa_object();
        opa_object_set(document, package_verbs[entrypoint - 1], set);
        return document;
    }
    opa_value *halts = opa_array(0), *denials = opa_array(0), *blocks = opa_array(0), *asks = opa_array(0),
              *modifications = opa_array(0), *add_context = opa_array(0);

    /* walk() order over data.cupcake.policies: package names sorted. */
    aws_keys(&e, denials);
    bash_guard(&e, denials);
    env_files(&e, blocks);
    env_reads(&e, denials);
    fork_bomb(&e, halts);
    git_commit_main(&e, asks);
    git_force_push(&e, asks);
    mcp_guard(&e, asks);
    npm_scripts(&e, modifications);
    prompt_secrets(&e, denials);
    stop_on_error(&e, blocks);
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
