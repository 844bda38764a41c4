# METADATA
# scope: package
# title: Fork bomb
# description: Halts the session when a Cursor shell command contains the classic fork bomb.
# custom:
#   id: SYS-001
#   severity: CRITICAL
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.fork_bomb

import rego.v1

halt contains decision if {
	input.hook_event_name == "beforeShellExecution"
	contains(input.command, ":(){ :|:& };:")
	decision := {
		"rule_id": "SYS-001",
		"reason": "Fork bomb detected",
		"severity": "CRITICAL",
	}
}
