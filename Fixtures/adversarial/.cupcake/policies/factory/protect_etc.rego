# METADATA
# scope: package
# title: Writes under /etc (Factory Droid)
# description: Denies file writes and shell commands that reach /etc, by where they really go (resolved symlinks, affected directories). Reads are allowed.
# custom:
#   id: ADV-ETC-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Create", "Edit", "MultiEdit", "Execute"]
package cupcake.policies.protect_etc

import rego.v1

deny contains decision if {
	reaches_etc
	decision := {"rule_id": "ADV-ETC-001", "reason": "Writes under /etc are refused", "severity": "HIGH"}
}

# A file tool writing a path that resolves into /etc (a symlink elsewhere that points there counts);
# Droid creates files with Create, and runs commands with Execute.
reaches_etc if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Create", "Edit", "MultiEdit"}
	in_etc(input.resolved_file_path)
}

# MultiEdit resolves each edit's own file_path.
reaches_etc if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "MultiEdit"
	some edit in input.tool_input.edits
	in_etc(edit.resolved_file_path)
}

# A command changing /etc, something in it, or a directory above it ("/" stands for everything).
reaches_etc if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Execute"
	some dir in input.affected_parent_directories
	holds_etc(dir)
}

in_etc(path) if path == "/etc"

in_etc(path) if startswith(path, "/etc/")

holds_etc(dir) if in_etc(dir)

holds_etc(dir) if dir == "/"

holds_etc(dir) if startswith("/etc/", concat("", [dir, "/"]))
