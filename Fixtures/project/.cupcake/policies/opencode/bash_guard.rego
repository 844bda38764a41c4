# METADATA
# scope: package
# title: Recursive deletion of the root
# description: Denies Bash commands that contain `rm -rf /`.
# custom:
#   id: BASH-001
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.bash_guard

import rego.v1

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(input.tool_input.command, "rm -rf /")
	decision := {
		"rule_id": "BASH-001",
		"reason": "Dangerous command blocked: rm -rf /",
		"severity": "CRITICAL",
	}
}
