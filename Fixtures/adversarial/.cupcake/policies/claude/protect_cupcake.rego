# METADATA
# scope: package
# title: The .cupcake directory (Claude Code)
# description: Denies any tool that reaches a .cupcake directory (the policies guarding the agent), read or write, by resolved path, by the directories a command affects, or by the scripts it runs.
# custom:
#   id: ADV-CUPCAKE-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["*"]
package cupcake.policies.protect_cupcake

import rego.v1

deny contains decision if {
	reaches_cupcake
	decision := {"rule_id": "ADV-CUPCAKE-001", "reason": "The .cupcake directory is protected", "severity": "HIGH"}
}

# Any tool whose path resolves into a .cupcake tree: Read, Grep and Glob as much as Write.
reaches_cupcake if {
	input.hook_event_name == "PreToolUse"
	in_cupcake(input.resolved_file_path)
}

reaches_cupcake if {
	input.hook_event_name == "PreToolUse"
	some edit in input.tool_input.edits
	in_cupcake(edit.resolved_file_path)
}

reaches_cupcake if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	some dir in input.affected_parent_directories
	holds_cupcake(dir)
}

# A script the command runs that names .cupcake (`bash cleanup.sh` hiding `rm -rf .cupcake`).
reaches_cupcake if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(input.executed_script_content, ".cupcake")
}

in_cupcake(path) if contains(path, "/.cupcake/")

in_cupcake(path) if endswith(path, "/.cupcake")

holds_cupcake(dir) if in_cupcake(dir)

holds_cupcake(dir) if dir == "/"

# An ancestor of this project's .cupcake: removing it removes the policies too.
holds_cupcake(dir) if startswith(concat("", [input.cwd, "/.cupcake"]), concat("", [dir, "/"]))
