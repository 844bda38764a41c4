# METADATA
# scope: package
# title: Writes under /etc (Cursor)
# description: Denies Cursor file edits and shell commands that reach /etc, by where they really go (resolved symlinks, affected directories). Reads are allowed.
# custom:
#   id: ADV-ETC-001
#   severity: HIGH
#   routing:
#     required_events: ["afterFileEdit", "beforeShellExecution"]
#     required_tools: []
package cupcake.policies.protect_etc

import rego.v1

deny contains decision if {
	reaches_etc
	decision := {"rule_id": "ADV-ETC-001", "reason": "Writes under /etc are refused", "severity": "HIGH"}
}

# Cursor reports edits after the fact, with the file at the root of the event.
reaches_etc if {
	input.hook_event_name == "afterFileEdit"
	in_etc(input.resolved_file_path)
}

# A command changing /etc, something in it, or a directory above it ("/" stands for everything).
reaches_etc if {
	input.hook_event_name == "beforeShellExecution"
	some dir in input.affected_parent_directories
	holds_etc(dir)
}

in_etc(path) if path == "/etc"

in_etc(path) if startswith(path, "/etc/")

holds_etc(dir) if in_etc(dir)

holds_etc(dir) if dir == "/"

holds_etc(dir) if startswith("/etc/", concat("", [dir, "/"]))
