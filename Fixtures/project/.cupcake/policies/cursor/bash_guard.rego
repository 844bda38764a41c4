# METADATA
# scope: package
# title: Recursive deletion of the root
# description: Denies Cursor shell commands (beforeShellExecution's `command`) that contain `rm -rf /`.
# custom:
#   id: BASH-001
#   severity: CRITICAL
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.bash_guard

import rego.v1

deny contains decision if {
	input.hook_event_name == "beforeShellExecution"
	contains(input.command, "rm -rf /")
	decision := {
		"rule_id": "BASH-001",
		"reason": "Dangerous command blocked: rm -rf /",
		"severity": "CRITICAL",
	}
}
