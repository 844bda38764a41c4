# METADATA
# scope: package
# title: Deleting the important directory (Cursor)
# description: Denies Cursor shell commands containing `rm -rf /important`, in any letter case.
# custom:
#   id: ADV-NAIVE-001
#   severity: HIGH
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.naive_commands

import rego.v1

# Cursor sends the command at the root of the event, whitespace already collapsed by the engine.
deny contains decision if {
	input.hook_event_name == "beforeShellExecution"
	contains(lower(input.command), "rm -rf /important")
	decision := {"rule_id": "ADV-NAIVE-001", "reason": "Cannot delete important directory", "severity": "HIGH"}
}
