# METADATA
# scope: package
# title: Fork bomb
# description: Halts the session when a Bash command contains the classic fork bomb.
# custom:
#   id: SYS-001
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.fork_bomb

import rego.v1

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(input.tool_input.command, ":(){ :|:& };:")
	decision := {
		"rule_id": "SYS-001",
		"reason": "Fork bomb detected",
		"severity": "CRITICAL",
	}
}
