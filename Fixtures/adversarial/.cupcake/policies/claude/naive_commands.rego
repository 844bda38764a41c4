# METADATA
# scope: package
# title: Deleting the important directory (Claude Code)
# description: Denies shell commands containing `rm -rf /important`, in any letter case.
# custom:
#   id: ADV-NAIVE-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.naive_commands

import rego.v1

# Matches text as written: the engine has already collapsed runs of whitespace in the command.
deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(lower(input.tool_input.command), "rm -rf /important")
	decision := {"rule_id": "ADV-NAIVE-001", "reason": "Cannot delete important directory", "severity": "HIGH"}
}
